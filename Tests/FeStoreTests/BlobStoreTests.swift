import Dispatch
import FeBasics
import Synchronization
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct BlobStoreTests {
  @Test func emptyStoreListsNothingAndCreatesNothing() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: StoreLayout(home: Path.join(layout.home, "fresh")))
      #expect(store.installed().isEmpty)
      #expect(store.versions(of: "tsc").isEmpty)
      #expect(try store.manifest(tool: "tsc", version: "1.0.0") == nil)
      #expect(!FileSystem.exists(Path.join(layout.home, "fresh")))
    }
  }

  @Test func installListRemove() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      let tsc = SampleBlob(tool: "tsc", version: "5.4.5")
      let installed = try install(store, tsc)
      #expect(installed.tool == "tsc")
      #expect(installed.version == "5.4.5")
      #expect(installed.path == layout.blobDir("tsc", "5.4.5"))
      #expect(installed.manifest == tsc.manifest)
      #expect(installed.diskSize == tsc.source.count + tsc.snapshot.count + tsc.manifest.encoded().count)
      #expect(try FileSystem.read(layout.sourcePath("tsc", "5.4.5")) == tsc.source)
      #expect(try FileSystem.read(layout.snapshotPath("tsc", "5.4.5")) == tsc.snapshot)
      #expect(try FileSystem.read(layout.manifestPath("tsc", "5.4.5")) == tsc.manifest.encoded())
      let mapped = try MappedBlob(
        path: layout.snapshotPath("tsc", "5.4.5"), expectedEngineId: testEngine, verification: .full)
      #expect(Array(mapped.payload) == tsc.payload)

      try install(store, SampleBlob(tool: "tsc", version: "5.10.0"))
      try install(store, SampleBlob(tool: "tsc", version: "5.4.5-beta"))
      try install(store, SampleBlob(tool: "fe", version: "2.1.0"))
      #expect(store.installed().map(\.spec) == ["fe@2.1.0", "tsc@5.4.5-beta", "tsc@5.4.5", "tsc@5.10.0"])
      #expect(store.versions(of: "tsc") == ["5.4.5-beta", "5.4.5", "5.10.0"])
      #expect(try store.manifest(tool: "fe", version: "2.1.0")?.name == "fe")
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty, "staging dirs are gone after an install")

      try store.remove(tool: "tsc", version: "5.4.5")
      #expect(store.versions(of: "tsc") == ["5.4.5-beta", "5.10.0"])
      try store.remove(tool: "fe", version: "2.1.0")
      #expect(!FileSystem.exists(layout.toolDir("fe")), "a tool's directory goes with its last version")
      #expect(store.installed().map(\.spec) == ["tsc@5.4.5-beta", "tsc@5.10.0"])
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty)

      let error = feError { try store.remove(tool: "tsc", version: "5.4.5") }
      #expect(error?.kind == .notInstalled)
      #expect(error?.message == "tsc@5.4.5 is not installed")
    }
  }

  @Test func reinstallingTheSameSourceIsANoOp() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      let blob = SampleBlob()
      let first = try install(store, blob)
      var later = blob.manifest
      later.created = "2030-01-01T00:00:00Z"
      let second = try store.install(
        tool: "tsc", version: "5.4.5", source: blob.source, snapshot: blob.snapshot, manifest: later, replace: false)
      #expect(second == first, "the existing blob is kept")
    }
  }

  @Test func sameVersionWithAnotherSourceIsRefusedUnlessReplacing() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try install(store, SampleBlob(source: "one"))
      let other = SampleBlob(source: "two, different")
      let error = feError { try install(store, other) }
      #expect(error?.kind == .integrity)
      #expect(error?.message.contains("already installed from a different source") == true)
      #expect(error?.hint?.contains("fe blobs remove tsc@5.4.5") == true)
      #expect(try FileSystem.read(layout.sourcePath("tsc", "5.4.5")) == Array("one".utf8))

      let replaced = try install(store, other, replace: true)
      #expect(replaced.manifest == other.manifest)
      #expect(try FileSystem.read(layout.sourcePath("tsc", "5.4.5")) == other.source)
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty, "the old blob is deleted")
    }
  }

  @Test func aBrokenBlobIsRepairedByInstall() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      let blob = SampleBlob()
      try install(store, blob)
      try writeFile(layout.manifestPath("tsc", "5.4.5"), Array("{oops".utf8))
      let listed = store.installed()
      #expect(listed.count == 1)
      #expect(listed.first?.manifest == nil, "an unreadable manifest lists as nil")
      #expect(feError { _ = try store.manifest(tool: "tsc", version: "5.4.5") }?.kind == .integrity)

      try install(store, blob)  // no `replace` needed: the broken blob is what install repairs
      #expect(store.installed().first?.manifest == blob.manifest)
    }
  }

  @Test func manifestForAnotherBlobIsAnIntegrityError() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try install(store, SampleBlob())
      try writeFile(layout.manifestPath("tsc", "5.4.5"), SampleBlob(tool: "tsc", version: "9.9.9").manifest.encoded())
      let error = feError { _ = try store.manifest(tool: "tsc", version: "5.4.5") }
      #expect(error?.kind == .integrity)
      #expect(error?.message.contains("describes tsc@9.9.9") == true)
    }
  }

  @Test func inconsistentInputsLeaveTheStoreAsItWas() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      let blob = SampleBlob()
      var corruptSnapshot = blob.snapshot
      corruptSnapshot[200] ^= 0xFF
      var wrongName = blob.manifest
      wrongName.name = "terser"
      var wrongEngine = blob
      wrongEngine.manifest.engineId = "some-other-engine"
      var badPayload = blob
      badPayload.snapshot[200] ^= 0xFF  // header hash no longer matches, manifest updated to match the file
      badPayload.manifest.snapshotSha256 = SHA256.hex(badPayload.snapshot)

      let attempts: [(String, () throws -> Void)] = [
        (
          "snapshot differs from manifest",
          {
            try store.install(
              tool: "tsc", version: "5.4.5", source: blob.source, snapshot: corruptSnapshot, manifest: blob.manifest,
              replace: false)
          }
        ),
        (
          "source differs from manifest",
          {
            try store.install(
              tool: "tsc", version: "5.4.5", source: [1, 2], snapshot: blob.snapshot, manifest: blob.manifest,
              replace: false)
          }
        ),
        (
          "manifest names another tool",
          {
            try store.install(
              tool: "tsc", version: "5.4.5", source: blob.source, snapshot: blob.snapshot, manifest: wrongName,
              replace: false)
          }
        ),
        ("header engine differs from manifest", { try install(store, wrongEngine) }),
        ("payload differs from header hash", { try install(store, badPayload) }),
      ]
      for (what, attempt) in attempts {
        let error = feError(attempt)
        #expect(error?.kind == .integrity, "\(what)")
        #expect(store.installed().isEmpty, "\(what)")
        #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty, "\(what)")
      }
    }
  }

  @Test func namesAreValidatedBeforeTouchingTheFileSystem() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: StoreLayout(home: Path.join(layout.home, "store")))
      let blob = SampleBlob()
      for (tool, version) in [
        ("../x", "1.0.0"), ("a/b", "1.0.0"), ("A", "1.0.0"), ("", "1.0.0"), ("tsc", "../../x"), ("tsc", "1.2"),
      ] {
        let error = feError {
          try store.install(
            tool: tool, version: version, source: blob.source, snapshot: blob.snapshot, manifest: blob.manifest,
            replace: true)
        }
        #expect(error?.kind == .usage, "\(tool)@\(version)")
        #expect(feError { try store.remove(tool: tool, version: version) }?.kind == .usage)
        #expect(feError { _ = try store.manifest(tool: tool, version: version) }?.kind == .usage)
      }
      #expect(store.versions(of: "..").isEmpty)
      #expect(FileSystem.listDirectory(layout.home).isEmpty, "nothing was created anywhere")
    }
  }

  @Test func strayEntriesAreNotListed() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try install(store, SampleBlob())
      try FileSystem.createDirectory(Path.join(layout.blobsDir, "Bad Name", "1.0.0"))
      try FileSystem.createDirectory(Path.join(layout.toolDir("tsc"), "not-a-version"))
      try writeFile(Path.join(layout.blobsDir, ".DS_Store"), [1])
      #expect(store.installed().map(\.spec) == ["tsc@5.4.5"])
    }
  }

  /// A file where a blob directory should be is a corrupt blob: listed, an integrity error to
  /// read, removable, and replaced by an install.
  @Test func strayFileAtABlobPath() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try install(store, SampleBlob())
      let stray = Path.join(layout.toolDir("tsc"), "9.9.9")
      try writeFile(stray, [1])
      #expect(store.installed().map(\.spec) == ["tsc@5.4.5", "tsc@9.9.9"])
      #expect(try store.blob(tool: "tsc", version: "9.9.9")?.manifest == nil)
      #expect(feError { _ = try store.manifest(tool: "tsc", version: "9.9.9") }?.kind == .integrity)
      try store.remove(tool: "tsc", version: "9.9.9")
      #expect(!FileSystem.exists(stray))
      try writeFile(stray, [1])
      let sample = SampleBlob(version: "9.9.9")
      try store.install(
        tool: "tsc", version: "9.9.9", source: sample.source, snapshot: sample.snapshot, manifest: sample.manifest, replace: false)
      #expect(try store.manifest(tool: "tsc", version: "9.9.9") == sample.manifest)
    }
  }

  @Test func crashedInstallIsInvisibleAndCleanedUp() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try layout.ensure()
      // What a process killed mid-install leaves: a complete-looking staging dir, never renamed.
      let blob = SampleBlob()
      let staging = Path.join(layout.tmpDir, "\(try deadPid())-k1ll3d")
      try FileSystem.createDirectory(staging)
      try writeFile(Path.join(staging, "source.js"), blob.source)
      try writeFile(Path.join(staging, "snapshot.bin"), Array(blob.snapshot.prefix(1000)))
      #expect(store.installed().isEmpty)
      #expect(store.versions(of: "tsc").isEmpty)

      try install(store, SampleBlob(tool: "fe", version: "1.0.0"))
      #expect(!FileSystem.exists(staging), "the next writer removed the leftover")
      #expect(store.installed().map(\.spec) == ["fe@1.0.0"])
    }
  }

  @Test func concurrentInstallsOfTheSameBlobAllSucceed() throws {
    try withTempHome { layout throws in
      let blob = SampleBlob()
      let results = Mutex<[Result<InstalledBlob, FeError>]>([])
      DispatchQueue.concurrentPerform(iterations: 8) { _ in
        // Each installer has its own store object, hence its own lock file description.
        let store = BlobStore(layout: layout)
        let result: Result<InstalledBlob, FeError>
        do {
          result = .success(
            try store.install(
              tool: "tsc", version: "5.4.5", source: blob.source, snapshot: blob.snapshot, manifest: blob.manifest,
              replace: false))
        } catch {
          result = .failure(error as? FeError ?? FeError(.internalError, "\(error)"))
        }
        results.withLock { $0.append(result) }
      }
      let all = results.withLock { $0 }
      #expect(all.count == 8)
      for result in all {
        if case .failure(let error) = result { Issue.record("install failed: \(error)") }
      }
      let store = BlobStore(layout: layout)
      #expect(store.installed().map(\.spec) == ["tsc@5.4.5"])
      #expect(try FileSystem.read(layout.snapshotPath("tsc", "5.4.5")) == blob.snapshot)
      #expect(try store.manifest(tool: "tsc", version: "5.4.5") == blob.manifest)
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty)
    }
  }

  @Test func concurrentReplacesLeaveOneIntactBlob() throws {
    try withTempHome { layout throws in
      let blobs = (0..<6).map { SampleBlob(source: "variant \($0)") }
      DispatchQueue.concurrentPerform(iterations: blobs.count) { i in
        do {
          try install(BlobStore(layout: layout), blobs[i], replace: true)
        } catch {
          Issue.record("replace \(i) failed: \(error)")
        }
      }
      let store = BlobStore(layout: layout)
      let manifest = try #require(try store.manifest(tool: "tsc", version: "5.4.5"))
      let winner = try #require(blobs.first { $0.manifest == manifest })
      #expect(try FileSystem.read(layout.sourcePath("tsc", "5.4.5")) == winner.source)
      #expect(try FileSystem.read(layout.snapshotPath("tsc", "5.4.5")) == winner.snapshot)
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty)
    }
  }

  @Test func replaceSnapshotSwapsInANewEngineBuild() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      let old = SampleBlob(engine: "engine-old")
      try install(store, old)
      let before = try MappedBlob(path: layout.snapshotPath("tsc", "5.4.5"), expectedEngineId: "engine-old")

      let rebuilt = SampleBlob(engine: "engine-new")
      try store.replaceSnapshot(tool: "tsc", version: "5.4.5", snapshot: rebuilt.snapshot, manifest: rebuilt.manifest)
      #expect(try store.manifest(tool: "tsc", version: "5.4.5")?.engineId == "engine-new")
      let after = try MappedBlob(
        path: layout.snapshotPath("tsc", "5.4.5"), expectedEngineId: "engine-new", verification: .full)
      #expect(Array(after.payload) == rebuilt.payload)
      #expect(try FileSystem.read(layout.sourcePath("tsc", "5.4.5")) == old.source)
      // A reader that mapped the old snapshot keeps a valid mapping.
      #expect(before.engineId == "engine-old")
      #expect(before.verifyHash())
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty)

      var otherSource = rebuilt.manifest
      otherSource.sourceSha256 = String(repeating: "0", count: 64)
      let error = feError {
        try store.replaceSnapshot(tool: "tsc", version: "5.4.5", snapshot: rebuilt.snapshot, manifest: otherSource)
      }
      #expect(error?.kind == .integrity)
      #expect(try store.manifest(tool: "tsc", version: "5.4.5") == rebuilt.manifest)
      #expect(
        feError {
          try store.replaceSnapshot(
            tool: "tsc", version: "1.0.0", snapshot: rebuilt.snapshot, manifest: rebuilt.manifest)
        }?.kind == .notInstalled)
    }
  }

  @Test(.enabled(if: geteuid() != 0, "root ignores file permissions"))
  func readOnlyStoreGivesAnIOErrorWithAHint() throws {
    try withTempHome { layout throws in
      let store = BlobStore(layout: layout)
      try layout.ensure()
      chmod(layout.blobsDir, 0o555)
      let error = feError { try install(store, SampleBlob()) }
      #expect(error?.kind == .io)
      #expect(error?.hint?.contains("FE_HOME") == true)
      #expect(FileSystem.listDirectory(layout.tmpDir).isEmpty, "the staging dir is cleaned up after the failure")
    }
  }

  @Test func fullDiskAndReadOnlyErrnosGetHints() {
    let full = FileSystem.ioError("cannot write /s/x", code: ENOSPC)
    #expect(full.kind == .io)
    #expect(full.hint?.contains("disk is full") == true)
    let readOnly = FileSystem.ioError("cannot write /s/x", code: EROFS)
    #expect(readOnly.hint?.contains("read-only") == true)
    #expect(readOnly.hint?.contains("FE_HOME") == true)
  }

  // MARK: helpers

  @discardableResult
  private func install(_ store: BlobStore, _ blob: SampleBlob, replace: Bool = false) throws -> InstalledBlob {
    try store.install(
      tool: blob.manifest.name, version: blob.manifest.version, source: blob.source, snapshot: blob.snapshot,
      manifest: blob.manifest, replace: replace)
  }
}
