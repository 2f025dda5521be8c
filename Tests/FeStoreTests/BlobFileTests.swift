import FeBasics
import Testing

@testable import FeStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite struct BlobFileTests {
  let payload: [UInt8] = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }

  @Test func headerLayout() throws {
    let file = try BlobFile.encode(payload: payload, engineId: "eng-1")
    #expect(file.count == 512 + payload.count)
    #expect(Array(file[0..<8]) == Array("FEBLOB01".utf8))
    #expect(Array(file[8..<12]) == [0, 2, 0, 0])  // 512 LE
    #expect(Array(file[12..<16]) == [2, 0, 0, 0])
    #expect(Array(file[16..<24]) == [0x10, 0x27, 0, 0, 0, 0, 0, 0])  // 10000 LE
    #expect(Array(file[24..<56]).hexString == SHA256.hex(payload))
    #expect(Array(file[56..<61]) == Array("eng-1".utf8))
    #expect(file[61..<120].allSatisfy { $0 == 0 })
    let checksum = payload.withUnsafeBytes { BlobFile.checksum($0) }
    #expect(checksum != 0)
    #expect(file.withUnsafeBytes { BlobFile.readLE($0, at: 120, bytes: 8) } == checksum, "XXH3-64 of the payload, LE")
    #expect(file[128..<512].allSatisfy { $0 == 0 }, "bound to no tool: identity fields empty")
    #expect(Array(file[512...]) == payload)
  }

  @Test func identityIsInTheHeader() throws {
    let identity = BlobFile.Identity(tool: "tsc", version: "5.4.5", sourceSha256: SHA256.hex(Array("x".utf8)))
    let file = try BlobFile.encode(payload: payload, engineId: "eng-1", identity: identity)
    #expect(Array(file[128..<160]).hexString == identity.sourceSha256)
    #expect(Array(file[160..<163]) == Array("tsc".utf8) && file[163..<384].allSatisfy { $0 == 0 })
    #expect(Array(file[384..<389]) == Array("5.4.5".utf8) && file[389..<512].allSatisfy { $0 == 0 })
    try withTempHome { layout throws in
      let path = try write(layout, file)
      let blob = try MappedBlob(path: path, expectedEngineId: "eng-1", expectedIdentity: identity, verification: .full)
      #expect(blob.identity == identity)
      let other = BlobFile.Identity(tool: "tsc", version: "5.4.6", sourceSha256: identity.sourceSha256)
      func failure(_ path: String, _ expected: BlobFile.Identity) -> BlobFileError? {
        do {
          _ = try MappedBlob(path: path, expectedEngineId: "eng-1", expectedIdentity: expected)
          return nil
        } catch { return error }
      }
      let reason = self.reason(failure(path, other))
      #expect(reason?.contains("it is the snapshot of tsc@5.4.5") == true, "\(String(describing: reason))")
      // A snapshot bound to no tool is no blob's.
      let unbound = try write(layout, try BlobFile.encode(payload: payload, engineId: "eng-1"))
      let unboundReason = self.reason(failure(unbound, identity))
      #expect(unboundReason?.contains("bound to no tool") == true, "\(String(describing: unboundReason))")
    }
    #expect(
      feError { _ = try BlobFile.encode(payload: [1], engineId: "e", identity: .init(tool: "t", version: "1.0.0", sourceSha256: "xyz")) }
        != nil)
  }

  @Test func formatOneIsOutdated() throws {
    try withTempHome { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file[12] = 1
      let path = try write(layout, file)
      #expect(open(path, expected: "eng-1") == .outdatedFormat(path: path, version: 1))
    }
  }

  @Test func encodeRejectsUnusableEngineIds() {
    for id in ["", String(repeating: "x", count: 65), "tab\there", "é"] {
      let error = feError { _ = try BlobFile.encode(payload: [1], engineId: id) }
      #expect(error?.kind == .internalError, "engine id \(id)")
    }
    #expect(BlobFile.engineIdProblem(String(repeating: "x", count: 64)) == nil)
  }

  @Test func openMapsAValidBlob() throws {
    try withTempHome { layout throws in
      let path = try write(layout, try BlobFile.encode(payload: payload, engineId: "eng-1"))
      let blob = try MappedBlob(path: path, expectedEngineId: "eng-1", verification: .full)
      #expect(blob.engineId == "eng-1")
      #expect(blob.path == path)
      #expect(Array(blob.payload) == payload)
      #expect(blob.payloadSha256.hexString == SHA256.hex(payload))
      #expect(blob.verifyHash())
      // Without an expected engine the header is still checked and reported.
      #expect(try MappedBlob(path: path, expectedEngineId: nil).engineId == "eng-1")
    }
  }

  @Test func emptyPayloadAndFullWidthEngineId() throws {
    try withTempHome { layout throws in
      let id = String(repeating: "e", count: 64)
      let path = try write(layout, try BlobFile.encode(payload: [], engineId: id))
      let blob = try MappedBlob(path: path, expectedEngineId: id, verification: .full)
      #expect(blob.payload.isEmpty)
      #expect(blob.engineId == id)
    }
  }

  @Test func missingFile() throws {
    try withTempHome { layout throws in
      let path = Path.join(layout.home, "nope.bin")
      #expect(open(path, expected: "eng-1") == .missing(path: path))
      #expect(
        open(Path.join(layout.home, "nope", "x.bin"), expected: "eng-1")
          == .missing(path: Path.join(layout.home, "nope", "x.bin")))
    }
  }

  /// Both the checksum and the sha256 must match when installing; at launch the checksum alone.
  @Test func installsCheckTheSha256AndLaunchesTheChecksum() throws {
    try withTempHome { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file[30] ^= 0x01  // the header's sha256, not the payload
      let path = try write(layout, file)
      #expect(reason(open(path, expected: "eng-1", verification: .full)) == "payload sha256 mismatch")
      #expect(open(path, expected: "eng-1", verification: .checksum) == nil)
    }
  }

  /// Blobs written before the checksum existed hold 0 there: they are checked by sha256.
  @Test func blobsWithoutAChecksumFallBackToTheSha256() throws {
    try withTempHome { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file.replaceSubrange(120..<128, with: [UInt8](repeating: 0, count: 8))
      let intact = try write(layout, file)
      #expect(open(intact, expected: "eng-1", verification: .checksum) == nil)
      file[128 + 9999] ^= 0x80
      let flipped = try write(layout, file)
      #expect(reason(open(flipped, expected: "eng-1", verification: .checksum)) == "payload sha256 mismatch")
    }
  }

  @Test(arguments: [0, 1, 127, 511, 512, 513, 10_511])
  func truncatedFilesAreCorrupt(_ keep: Int) throws {
    try withTempHome("\(#function)-\(keep)") { layout throws in
      let file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      let path = try write(layout, Array(file.prefix(keep)))
      let result = open(path, expected: "eng-1")
      guard case .corrupt(let p, let reason) = result else {
        Issue.record("expected corrupt, got \(String(describing: result))")
        return
      }
      #expect(p == path)
      #expect(reason.contains(keep < 512 ? "shorter than" : "truncated"), "\(reason)")
    }
  }

  @Test func trailingBytesAreCorrupt() throws {
    try withTempHome { layout throws in
      let path = try write(layout, try BlobFile.encode(payload: payload, engineId: "eng-1") + [0])
      #expect(reason(open(path, expected: "eng-1"))?.contains("trailing") == true)
    }
  }

  @Test func flippedPayloadByteIsCaughtWhenVerifying() throws {
    try withTempHome { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file[128 + 5000] ^= 0x01
      let path = try write(layout, file)
      #expect(reason(open(path, expected: "eng-1", verification: .full)) == "payload checksum mismatch")
      #expect(reason(open(path, expected: "eng-1", verification: .checksum)) == "payload checksum mismatch")
      // The fast path skips the hash by design; the header is still sound.
      let unverified = try MappedBlob(path: path, expectedEngineId: "eng-1", verification: .none)
      #expect(!unverified.verifyHash())
    }
  }

  @Test(arguments: [
    (0, "bad magic"), (7, "bad magic"), (8, "header size"), (12, "format version"), (16, "truncated"),
    (56, "engine id"),
  ])
  func damagedHeadersAreCorrupt(_ offset: Int, _ why: String) throws {
    try withTempHome("\(#function)-\(offset)") { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file[offset] = offset == 56 ? 0xFF : file[offset] &+ 1
      let path = try write(layout, file)
      #expect(reason(open(path, expected: "eng-1"))?.contains(why) == true)
    }
  }

  @Test func engineIdFieldMustBeNulPadded() throws {
    try withTempHome { layout throws in
      var file = try BlobFile.encode(payload: payload, engineId: "eng-1")
      file[100] = UInt8(ascii: "x")  // text after the NUL terminator
      let path = try write(layout, file)
      #expect(reason(open(path, expected: "eng-1"))?.contains("engine id") == true)
    }
  }

  @Test func otherEngineIsAMismatchNotCorruption() throws {
    try withTempHome { layout throws in
      let path = try write(layout, try BlobFile.encode(payload: payload, engineId: "eng-old"))
      #expect(open(path, expected: "eng-new") == .engineMismatch(path: path, found: "eng-old", expected: "eng-new"))
    }
  }

  @Test func directoryIsCorrupt() throws {
    try withTempHome { layout throws in
      try FileSystem.createDirectory(layout.home)
      #expect(reason(open(layout.home, expected: "eng-1")) == "it is a directory, not a regular file")
    }
  }

  @Test func feErrorConversionNamesTheRepair() {
    let corrupt = BlobFileError.corrupt(path: "/s/snapshot.bin", reason: "bad magic: not an fe blob")
      .feError(repair: "fe blobs install tsc@5.4.5", remove: "fe blobs remove tsc@5.4.5")
    #expect(corrupt.kind == .integrity)
    #expect(corrupt.message == "snapshot /s/snapshot.bin is corrupt (bad magic: not an fe blob)")
    #expect(
      corrupt.hint == "run `fe blobs install tsc@5.4.5` to repair it, or `fe blobs remove tsc@5.4.5` to delete it")
    let missing = BlobFileError.missing(path: "/s/snapshot.bin").feError(repair: "fe blobs install ./tool.js")
    #expect(missing.kind == .integrity)
    #expect(missing.hint == "run `fe blobs install ./tool.js` to repair it")
    let mismatch = BlobFileError.engineMismatch(path: "/s", found: "a", expected: "b").feError(repair: "x")
    #expect(mismatch.message.contains("built for engine a"))
    let unreadable = BlobFileError.unreadable(path: "/s", code: EACCES).feError(repair: "x")
    #expect(unreadable.kind == .io)
    #expect(unreadable.hint?.contains("permissions") == true)
  }

  // MARK: helpers

  private func write(_ layout: StoreLayout, _ bytes: [UInt8]) throws -> String {
    try FileSystem.createDirectory(layout.home)
    let path = Path.join(layout.home, "snapshot.bin")
    try writeFile(path, bytes)
    return path
  }

  private func open(_ path: String, expected: String, verification: MappedBlob.Verification = .none) -> BlobFileError? {
    do {
      _ = try MappedBlob(path: path, expectedEngineId: expected, verification: verification)
      return nil
    } catch {
      return error
    }
  }

  private func reason(_ error: BlobFileError?) -> String? {
    if case .corrupt(_, let reason) = error { return reason }
    Issue.record("expected corrupt, got \(String(describing: error))")
    return nil
  }
}
