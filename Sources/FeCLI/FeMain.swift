#if canImport(Glibc)
  import Glibc
#endif
import ArgumentParser
import FeBasics

/// Entry point: `fe blobs …` is the launcher's own namespace; every other `fe <args…>` goes to
/// the `fe` tool the project pins.
public enum FeMain {
  public static let version = "0.1.0"

  public static func main() -> Never {
    // As Node does: a closed pipe is an EPIPE error for the writer, not a signal that kills fe.
    signal(SIGPIPE, SIG_IGN)
    let args = Array(CommandLine.arguments.dropFirst())
    let context = CLIContext.current()
    if args.first == "blobs" {
      exit(runBlobs(Array(args.dropFirst()), context: context))
    }
    exit(launch(tool: "fe", range: nil, args: args, context: context))
  }

  /// Runs a pinned tool and returns its exit code, or fe's for fe's own errors.
  public static func launch(tool: String, range: String?, args: [String], context: CLIContext) -> Int32 {
    do {
      return try Launcher(context: context).run(tool: tool, range: range, args: args)
    } catch {
      return report(error, context: context)
    }
  }

  static func runBlobs(_ args: [String], context: CLIContext) -> Int32 {
    CLIContext.shared = context
    if args == ["--version"] || args == ["-V"] {
      VersionInfo.print()
      return 0
    }
    do {
      var command = try BlobsCommand.parseAsRoot(args)
      try command.run()
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
      context.err("fe: error: " + BlobsCommand.fullMessage(for: error).replacingPrefix("Error: ", with: ""))
      return FeError.Kind.usage.exitCode
    }
  }

  /// Prints fe's own error (prefixed, so users tell it from the tool's) and returns its code.
  static func report(_ error: Error, context: CLIContext) -> Int32 {
    let fe = error as? FeError ?? FeError(.internalError, "\(error)", hint: "this is a bug in fe; please report it")
    var text = "fe: error: \(fe.message)"
    if let hint = fe.hint { text += "\n  hint: \(hint)" }
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
