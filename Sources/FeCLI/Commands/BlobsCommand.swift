import ArgumentParser
import FeBasics
import FeLaunch

/// `fe blobs …`: the launcher's own namespace for managing the store.
struct BlobsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fe blobs",
    abstract: "Manage fe's store of versioned tool blobs (V8 snapshots).",
    discussion: """
      Every other `fe <args…>` runs the `fe` tool pinned by the nearest fe.config.js.

      `fe blobs --version` prints the launcher's version and engine id.

      Environment: FE_HOME (store, default ~/.fe), FE_CONFIG (config to use), FE_REGISTRY, FE_OFFLINE, FE_AUTO_INSTALL=0 (no install on launch), CI (frozen installs; no prompts, progress or colour), NO_COLOR; the registry and HTTP settings are listed by `fe blobs install --help`.

      `--json` (install, list, which, verify, prune, shim) prints one JSON document described by docs/schemas/<command>.schema.json; `--quiet` prints nothing but errors.

      Exit codes:
      \(FeError.Kind.allCases.map { "  \($0.exitCode)  \($0.summary)" }.joined(separator: "\n"))
        A tool's own exit code passes through unchanged.
      """,
    subcommands: [
      Build.self, Install.self, List.self, Remove.self, Exec.self, Which.self, Run.self, Publish.self, Pack.self, Shim.self, Verify.self,
      Prune.self, Snapshot.self,
    ]
  )

  // `fe blobs --version` is answered before parsing (FeMain.runBlobs): a root-level flag named
  // --version would swallow subcommands' own --version options.
  func run() throws {
    throw CleanExit.helpRequest(self)
  }
}

/// A `fe blobs` subcommand: ArgumentParser parses it, FeMain.runBlobs runs it with the context
/// (so a test can run it in-process with its own).
protocol FeCommand: ParsableCommand {
  func run(_ c: FeContext) throws
}

extension FeCommand {
  /// ArgumentParser's entry, unused by fe (FeMain passes the context): this process's.
  func run() throws { try run(FeContext.current()) }
}

/// Options shared by commands that print data.
struct OutputOptions: ParsableArguments {
  @Flag(help: "Print machine-readable JSON.") var json = false
  @Flag(help: "Print nothing but errors.") var quiet = false
}
