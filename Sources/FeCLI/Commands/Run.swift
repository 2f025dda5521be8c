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
      discussion: """
        Like `node [options] file.js [args]`: the file runs as the main module (an ES module's exported
        main(args) is called), with Node's options as `node` takes them (--expose-gc, --no-warnings,
        --stack-size=…, -r module, -e code, …; `node --help` lists them) and NODE_OPTIONS.
        """)

    @Argument(parsing: .captureForPassthrough, help: "[node options] <file> [arguments for the script]")
    var arguments: [String] = []

    func run(_ c: FeContext) throws {
      // FeMain sends `fe blobs run …` to NodeMode before parsing; this is the same path.
      let code = NodeMode.run(arguments, caller: .blobsRun, context: c)
      if code != 0 { throw ToolExit(code: code) }
    }
  }
}
