import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeRuntime
import FeStore

extension BlobsCommand {
  struct Run: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a script file in fe's runtime (ES module or CommonJS), without building a blob.",
      discussion: "Like `node file.js`: the file runs as the main module; an ES module's exported main(args) is called.")

    @Argument(help: "The script file.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script.") var args: [String] = []

    func run(_ c: FeContext) throws {
      let path = Path.absolute(file, from: c.cwd)
      let scriptArgs = args.first == "--" ? Array(args.dropFirst()) : args
      let code = try Launcher(context: c).runScript(path, args: scriptArgs)
      if code != 0 { throw ToolExit(code: code) }
    }
  }
}
