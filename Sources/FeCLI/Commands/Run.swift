import ArgumentParser
import FeLaunch
import FeBasics
import FeEngine
import FeRuntime
import FeStore

extension BlobsCommand {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a script file in fe's runtime (ES module or CommonJS), without building a blob.",
      discussion: "Like `node file.js`: the file runs as the main module; an ES module's exported main(args) is called.")

    @Argument(help: "The script file.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.") var args: [String] = []

    func run() throws {
      let c = FeContext.shared
      let path = Path.absolute(file, from: c.cwd)
      guard FileSystem.isFile(path) else {
        throw FeError(.usage, "no such file: \(path)", hint: "pass the path of a .js, .mjs or .cjs file")
      }
      _ = try c.layout.checkVersion()
      let base = try BaseSnapshot.open(c.layout)
      let runtime = Runtime(snapshot: base.payload, owner: base.owner)
      runtime.onUncaught = { c.err(Uncaught.describe($0)) }
      let scriptArgs = args.first == "--" ? Array(args.dropFirst()) : args
      let code: Int32
      do {
        try runtime.setup(argv: [c.executable, path] + scriptArgs, env: c.env, execPath: c.executable)
        code = try runtime.runMainModule(path: path, args: scriptArgs)
      } catch let e as JSError {
        c.err(Uncaught.describe(e))
        code = 1
      }
      if code != 0 { throw ToolExit(code: code) }
    }
  }
}
