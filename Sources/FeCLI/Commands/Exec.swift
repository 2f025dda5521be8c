import ArgumentParser
import FeBasics
import FeLaunch

extension BlobsCommand {
  struct Exec: FeCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Run any installed tool: <tool>[@<range>] [--] <args…>; without a range, the project's pin, else the highest installed release.")

    @Argument(help: "<tool> or <tool>@<range>.") var spec: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the tool.") var args: [String] = []

    func run(_ c: FeContext) throws { try Self.run(spec: spec, args: args, context: c) }

    static func run(spec: String, args: [String], context: FeContext) throws {
      let (tool, range) = try ToolSpec.parse(spec)
      let toolArgs = args.first == "--" ? Array(args.dropFirst()) : args
      let code = try Launcher(context: context).run(tool: tool, range: range, args: toolArgs, requirePin: false)
      if code != 0 { throw ToolExit(code: code) }
    }

    /// `exec <tool> …` without ArgumentParser when nothing in it is for fe: it takes no options
    /// and passes everything after the tool through, so this is what parsing would give, without
    /// the ~2 ms of reflection that parsing costs on every `fe blobs exec`.
    static func fastPath(_ args: [String]) -> (spec: String, args: [String])? {
      guard args.count >= 2, args[0] == "exec", !args[1].hasPrefix("-") else { return nil }
      return (args[1], Array(args.dropFirst(2)))
    }
  }
}
