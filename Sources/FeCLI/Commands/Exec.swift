import ArgumentParser
import FeBasics

extension BlobsCommand {
  struct Exec: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run any installed tool: <tool>[@<range>] [--] <args…>; without a range, the project's pin, else the highest installed release.")

    @Argument(help: "<tool> or <tool>@<range>.") var spec: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the tool.") var args: [String] = []

    func run() throws {
      let c = CLIContext.shared
      let (tool, range) = try ToolSpec.parse(spec)
      let toolArgs = args.first == "--" ? Array(args.dropFirst()) : args
      let code = try Launcher(context: c).run(tool: tool, range: range, args: toolArgs, requirePin: false)
      if code != 0 { throw ToolExit(code: code) }
    }
  }
}
