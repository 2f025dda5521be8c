import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Entry point: `fe blobs …` is the launcher's own namespace; every other `fe <args…>` goes to
/// the `fe` tool the project pins. Started under another name (a shim in `$FE_HOME/bin`, a
/// symlink to fe), fe runs the tool of that name: `tsc <args…>` is `fe blobs exec tsc -- <args…>`;
/// started as `node`, fe is Node's CLI (NodeMode).
public enum FeMain {
  public static let version = FeVersion.current

  public static func main() -> Never {
    // As Node's executable does: a closed pipe is an EPIPE error for the writer, and a write past
    // RLIMIT_FSIZE an EFBIG error, not signals that kill fe.
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
    let argv = CommandLine.arguments
    let args = Array(argv.dropFirst())
    if args.first == ConfigSandbox.command {
      exit(ConfigSandbox.runChild(Array(args.dropFirst())))
    }
    let context = FeContext.current()
    Engine.onFatal = reportFatal
    // Started as `node` (process.execPath of a runtime, NodeMode.swift): Node's command line.
    if NodeMode.isNode(argv0: argv.first) {
      exit(NodeMode.run(args, caller: .node(argv0: argv.first ?? "node"), context: context))
    }
    if args.first != "blobs" || args.dropFirst().first == "exec" { NodeMode.prepareLaunch(context) }
    if let tool = shimTool(argv0: argv.first) {
      exit(runShim(tool, args: args, context: context))
    }
    if args.first == "blobs" {
      exit(runBlobs(Array(args.dropFirst()), context: context))
    }
    exit(launch(tool: "fe", range: nil, args: args, context: context))
  }

  /// Runs a pinned tool and returns its exit code, or fe's for fe's own errors.
  public static func launch(tool: String, range: String?, args: [String], context: FeContext, requirePin: Bool = true) -> Int32 {
    do {
      return try Launcher(context: context).run(tool: tool, range: range, args: args, requirePin: requirePin)
    } catch {
      return report(error, context: context)
    }
  }

  /// The tool a shim runs: argv[0]'s file name unless it is `fe` (then fe is fe). One string
  /// comparison on every launch, so the check costs nothing measurable.
  public static func shimTool(argv0: String?) -> String? {
    guard let argv0 else { return nil }
    let name = Path.basename(argv0)
    return name == "fe" || name.isEmpty ? nil : name
  }

  /// A shim: the tool named by argv[0], at the project's pin from `tools` (else its highest
  /// installed release), exactly like `fe blobs exec <tool> -- <args…>`.
  static func runShim(_ tool: String, args: [String], context: FeContext) -> Int32 {
    guard Names.isValidTool(tool) else {
      return report(
        FeError(
          .usage, "fe was started as \"\(tool)\", which is not a tool name",
          hint: "run fe as `fe`, or make a shim with `fe blobs shim <tool>`"), context: context)
    }
    return launch(tool: tool, range: nil, args: args, context: context, requirePin: false)
  }

  static func runBlobs(_ args: [String], context: FeContext) -> Int32 {
    if args == ["--version"] || args == ["-V"] {
      VersionInfo.print(context)
      return 0
    }
    // `fe blobs run [node options] <file> [args…]` is `node …` with a script required.
    if args.first == "run" && !(args.count == 2 && ["--help", "-h"].contains(args[1])) {
      return NodeMode.run(Array(args.dropFirst()), caller: .blobsRun, context: context)
    }
    do {
      if let exec = BlobsCommand.Exec.fastPath(args) {
        try BlobsCommand.Exec.run(spec: exec.spec, args: exec.args, context: context)
      } else {
        var command = try BlobsCommand.parseAsRoot(args)
        if let command = command as? any FeCommand {
          try command.run(context)
        } else {
          try command.run()
        }
      }
      return 0
    } catch let error as FeError {
      return report(error, context: context)
    } catch let exit as ToolExit {
      return exit.code
    } catch {
      let code = BlobsCommand.exitCode(for: error)
      if code == ExitCode.success {
        context.out(BlobsCommand.fullMessage(for: error))
        return 0
      }
      context.err(
        context.paint("fe: error:", .error, fd: 2) + " " + BlobsCommand.fullMessage(for: error).replacingPrefix("Error: ", with: ""))
      return FeError.Kind.usage.exitCode
    }
  }

  /// V8 stopped the process: fe's words, exit 70 (a tool's own exit codes are small numbers).
  static func reportFatal(outOfMemory: Bool, location: String, message: String) {
    let error =
      outOfMemory
      ? FeError(
        .internalError, "JavaScript heap out of memory (\(location))", hint: "the tool needs more memory than V8's heap limit allows")
      : FeError(
        .internalError, "the JavaScript engine stopped: \(message) (\(location))",
        hint: "this is a bug in fe or a corrupt blob; `fe blobs verify --repair` rebuilds a blob")
    var text = "fe: error: \(error.message)\n  hint: \(error.hint ?? "")\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    _exit(error.kind.exitCode)
  }

  /// Prints fe's own error (prefixed, so users tell it from the tool's) and returns its code.
  static func report(_ error: Error, context: FeContext) -> Int32 {
    let fe = error as? FeError ?? FeError(.internalError, "\(error)", hint: "this is a bug in fe; please report it")
    var text = context.paint("fe: error:", .error, fd: 2) + " \(fe.message)"
    if let hint = fe.hint { text += "\n  " + context.paint("hint:", .dim, fd: 2) + " \(hint)" }
    context.err(text)
    return fe.kind.exitCode
  }
}

/// A tool's own exit code, passed through `fe blobs exec` untouched.
struct ToolExit: Error {
  let code: Int32
}

extension String {
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
