import ArgumentParser
import FeBasics
import FeEngine
import FeLaunch
import FeRuntime
import FeStore

extension BlobsCommand {
  struct Verify: FeCommand {
    static let configuration = CommandConfiguration(
      abstract: "Re-hash every installed blob against its manifest and report; --repair rebuilds what it can.",
      discussion: """
        Each blob is ok, stale (intact but built by another engine or in an older blob format:
        rebuilt from its source at its next launch; or an npm tool whose snapshot is not built
        yet) or corrupt (a file is missing, is not a regular
        file, does not match its manifest, or the snapshot is another blob's). --repair
        rebuilds a snapshot from the blob's stored source when that source is intact, and says
        what to run otherwise. Exits 65 when a corrupt blob remains.
        """)

    @Argument(help: "Only these tools or <tool>@<version>s (default: everything installed).") var only: [String] = []
    @Flag(help: "Rebuild bad or stale snapshots from their stored sources.") var repair = false
    @OptionGroup var output: OutputOptions

    func run(_ c: FeContext) throws {
      let store = BlobStore(layout: c.layout)
      let blobs = store.installed().filter { only.isEmpty || only.contains($0.tool) || only.contains($0.spec) }
      if let missing = only.first(where: { name in !blobs.contains { $0.tool == name || $0.spec == name } }) {
        throw FeError(.notInstalled, "\(missing) is not installed", hint: "`fe blobs list` shows what is installed")
      }
      var results: [Result] = []
      for blob in blobs {
        var check = Verify.check(store, blob.tool, blob.version)
        var repaired = false
        if repair && check.status != .ok {
          if check.sourceIntact && check.imageIntact, let manifest = check.manifest {
            try rebuild(store, check, manifest, c)
            check = Verify.check(store, blob.tool, blob.version)
            repaired = true
          }
        }
        results.append(Result(check: check, repaired: repaired, path: blob.path, repair: check.repair))
        if !output.json && !output.quiet { c.out(line(results[results.count - 1], c)) }
      }
      let bad = results.filter { $0.check.status == .corrupt }
      if output.json {
        c.out(json(results, ok: bad.isEmpty).json)
      } else if !output.quiet {
        c.out(blobs.isEmpty ? "no blobs installed in \(c.layout.blobsDir)" : summary(results))
      }
      guard bad.isEmpty else {
        let names = bad.map(\.check.spec).joined(separator: ", ")
        let fixes = bad.compactMap(\.repair)
        throw FeError(
          .integrity, "\(bad.count) of \(results.count) installed blobs \(bad.count == 1 ? "is" : "are") corrupt: \(names)",
          hint: fixes.isEmpty ? nil : "run " + Array(Set(fixes)).sorted().map { "`\($0)`" }.joined(separator: ", then "))
      }
    }

    struct Result {
      var check: BlobCheck
      var repaired: Bool
      var path: String
      /// The command that fixes a blob still not ok.
      var repair: String?
    }

    /// The store-level check, plus V8's own acceptance of an intact snapshot of this engine.
    static func check(_ store: BlobStore, _ tool: String, _ version: String) -> BlobCheck {
      var check = BlobCheck.run(store, tool: tool, version: version, engineId: Runtime.engineID)
      if check.status == .ok, let manifest = check.manifest,
        let blob = try? MappedBlob(
          path: store.layout.snapshotPath(tool, version), expectedEngineId: Runtime.engineID, expectedIdentity: manifest.identity),
        !Engine.isValidSnapshot(blob.payload)
      {
        check.fail("V8 rejects the snapshot's version header")
      }
      return check
    }

    private func rebuild(_ store: BlobStore, _ check: BlobCheck, _ manifest: Manifest, _ c: FeContext) throws {
      let layout = store.layout
      guard let source = try? StoreFile.read(layout.sourcePath(check.tool, check.version)) else { return }
      if !output.quiet && !output.json { c.err("fe: rebuilding \(check.spec) from its stored source") }
      let built = try BlobBuilder(options: c.options).rebuild(
        layout, tool: check.tool, version: check.version, manifest: manifest, source: source)
      try store.replaceSnapshot(tool: check.tool, version: check.version, snapshot: built.snapshot, manifest: built.manifest)
    }

    private func line(_ r: Result, _ c: FeContext) -> String {
      let word: String
      switch r.check.status {
      case .ok: word = c.paint(r.repaired ? "repaired" : "ok      ", .ok, fd: 1)
      case .stale: word = c.paint("stale   ", .warning, fd: 1)
      case .corrupt: word = c.paint("corrupt ", .error, fd: 1)
      }
      var text = "\(word) \(r.check.spec)"
      if r.check.status == .stale {
        let reason = r.check.staleReason ?? "built by another engine"
        text +=
          reason == BlobCheck.notBuiltYet
          ? "  \(reason); built in the background, or now by `fe blobs snapshot \(r.check.spec)`"
          : "  \(reason); rebuilt at its next launch"
      }
      for problem in r.check.problems { text += "\n         " + problem }
      if let fix = r.repair, r.check.status == .corrupt { text += "\n         repair: \(fix)" }
      return text
    }

    private func summary(_ results: [Result]) -> String {
      let count = { (s: BlobCheck.Status) in results.filter { $0.check.status == s }.count }
      let repaired = results.filter(\.repaired).count
      return "\(results.count) blob\(results.count == 1 ? "" : "s") checked: \(count(.ok)) ok, \(count(.stale)) stale, "
        + "\(count(.corrupt)) corrupt" + (repair ? ", \(repaired) repaired" : "")
    }

    /// docs/schemas/verify.schema.json
    private func json(_ results: [Result], ok: Bool) -> JSValue {
      .object([
        ("ok", .bool(ok)),
        (
          "blobs",
          .array(
            results.map { r in
              .object([
                ("tool", .string(r.check.tool)), ("version", .string(r.check.version)), ("path", .string(r.path)),
                ("status", .string(r.check.status.rawValue)), ("problems", .array(r.check.problems.map { .string($0) })),
                ("repaired", .bool(r.repaired)), ("repair", r.repair.map { .string($0) } ?? .null),
              ])
            })
        ),
      ])
    }
  }
}
