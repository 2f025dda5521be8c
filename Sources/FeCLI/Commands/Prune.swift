import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

extension BlobsCommand {
  struct Prune: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove every blob that is not the newest of its tool and that no recently seen fe.lock references.",
      discussion: """
        fe records the fe.lock files it installs from or launches with in $FE_HOME/seen-locks.json.
        A lock seen within the last --days days (default 30) keeps every version it references; a
        lock file that no longer exists references nothing. The newest version of each tool is
        always kept. --dry-run prints what would go and removes nothing.
        """)

    @Option(help: "Keep what locks seen in the last N days reference.") var days = 30
    @Flag(help: "Print what would be removed; remove nothing.") var dryRun = false
    @OptionGroup var output: OutputOptions

    func validate() throws {
      guard days >= 0 else { throw ValidationError("--days must be 0 or more (got \(days))") }
    }

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      let plan = try PrunePlan.make(store: store, since: time(nil) - time_t(days) * 86400)
      for blob in plan.remove where !dryRun {
        try store.remove(tool: blob.tool, version: blob.version)
      }
      let freed = plan.remove.reduce(0) { $0 + $1.diskSize }
      if output.json { return c.out(json(plan, freed: freed).json) }
      if output.quiet { return }
      for blob in plan.remove {
        c.out("\(dryRun ? "would remove" : "removed") \(blob.spec) (\(ByteCount.format(blob.diskSize)))")
      }
      let verb = dryRun ? "would free" : "freed"
      c.out(
        plan.remove.isEmpty
          ? "nothing to prune: \(plan.keep.count) blob\(plan.keep.count == 1 ? "" : "s") kept (newest of their tool or locked)"
          : "\(verb) \(ByteCount.format(freed)); kept \(plan.keep.count) blob\(plan.keep.count == 1 ? "" : "s")")
    }

    /// docs/schemas/prune.schema.json
    private func json(_ plan: PrunePlan, freed: Int) -> JSValue {
      .object([
        ("dryRun", .bool(dryRun)),
        ("days", .number(Double(days))),
        ("locks", .array(plan.locks.map { .string($0) })),
        (
          "removed",
          .array(
            plan.remove.map { b in
              .object([
                ("tool", .string(b.tool)), ("version", .string(b.version)), ("size", .number(Double(b.diskSize))),
                ("path", .string(b.path)),
              ])
            })
        ),
        (
          "kept",
          .array(
            plan.keep.map { k in
              .object([
                ("tool", .string(k.blob.tool)), ("version", .string(k.blob.version)), ("size", .number(Double(k.blob.diskSize))),
                ("newest", .bool(k.newest)), ("lockedBy", .array(k.lockedBy.map { .string($0) })),
              ])
            })
        ),
        ("freedBytes", .number(Double(freed))),
      ])
    }
  }
}

/// What `fe blobs prune` removes and why it keeps the rest.
struct PrunePlan {
  struct Kept {
    var blob: InstalledBlob
    var newest: Bool
    var lockedBy: [String]
  }

  /// The lock files seen since the cutoff (existing or not).
  var locks: [String]
  var remove: [InstalledBlob]
  var keep: [Kept]

  /// Reads every lock seen since `since`; a lock that exists but cannot be read stops the prune,
  /// since what it references cannot be known.
  static func make(store: BlobStore, since: time_t) throws -> PrunePlan {
    let locks = try SeenLocks.read(store.layout).seen(since: since)
    var lockedBy: [String: [String]] = [:]  // "tool@version" → lock paths
    for path in locks {
      let lock: Lockfile?
      do { lock = try Lockfile.read(path) } catch let e as FeError {
        throw FeError(e.kind, "cannot prune: \(e.message)", hint: "fix or delete that lock file, then prune again")
      }
      for (tool, entry) in lock?.tools ?? [:] { lockedBy["\(tool)@\(entry.version)", default: []].append(path) }
    }
    var plan = PrunePlan(locks: locks, remove: [], keep: [])
    let blobs = store.installed()
    for blob in blobs {
      // installed() sorts each tool's versions lowest first: the newest is its last.
      let newest = blobs.last(where: { $0.tool == blob.tool })?.version == blob.version
      let locked = lockedBy[blob.spec] ?? []
      if newest || !locked.isEmpty {
        plan.keep.append(Kept(blob: blob, newest: newest, lockedBy: locked))
      } else {
        plan.remove.append(blob)
      }
    }
    return plan
  }
}
