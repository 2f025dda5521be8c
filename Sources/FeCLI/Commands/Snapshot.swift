import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

extension BlobsCommand {
  struct Snapshot: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build the snapshots of npm tools that are not built yet, now.",
      discussion: """
        An npm tool is installed without its snapshot, which is then built in the background; \
        until it is there, the tool runs from its package image as Node would run it. This \
        builds what is missing now (after waiting for a background build already at work): for \
        an image baked in one step, or a store that is read-only afterwards. \
        FE_SNAPSHOT_AT_INSTALL=1 makes every install build it itself instead.
        """)

    @Argument(help: "Only these tools or <tool>@<version>s (default: every blob without its snapshot).") var only: [String] = []
    @Flag(help: .hidden) var background = false
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      let jobs = SnapshotJobs(context: c, store: store)
      if background {
        // Detached from an install or a launch: lower priority, and nothing to report to anyone.
        _ = nice(10)
        _ = try? jobs.buildMissing(wait: false, inherited: SnapshotJobs.inheritedLockFD)
        return
      }
      let installed = store.installed()
      if let missing = only.first(where: { name in !installed.contains { $0.tool == name || $0.spec == name } }) {
        throw FeError(.notInstalled, "\(missing) is not installed", hint: "`fe blobs list` shows what is installed")
      }
      let built = try jobs.buildMissing(only: only, wait: true) { spec in
        if !output.quiet && !output.json { c.out("built the snapshot of \(spec)") }
      }
      if output.json {
        c.out(JSValue.object([("built", .array((built ?? []).map { .string($0) }))]).json)
      } else if !output.quiet && (built ?? []).isEmpty {
        c.out("every snapshot is built")
      }
    }
  }
}
