// IndexSerials in-process: what is refused (older serial, expiry), what is recorded, and the
// serial and expiry Publisher writes.
import FeBasics
import FeStore
import Foundation
import Testing

@testable import FeRegistry

@Suite struct IndexSerialsTests {
  func index(serial: Int?, expires: String?) -> RegistryIndex {
    var index = RegistryIndex(name: "fe")
    index.serial = serial
    index.expires = expires
    return index
  }

  @Test func refusesOlderSerialsAndExpiredIndexesOnly() throws {
    let dir = TempDir("serials")
    defer { dir.remove() }
    let layout = StoreLayout(home: dir.path + "/home")
    let now = time(nil)
    let future = Manifest.timestamp(now + 86400)
    // Nothing recorded: any serial is accepted.
    try IndexSerials.check(index(serial: 3, expires: future), tool: "fe", registry: "R", origin: "R/fe/index.json", layout: layout)
    try IndexSerials.record(3, registry: "R", tool: "fe", layout: layout)
    try IndexSerials.record(2, registry: "R", tool: "fe", layout: layout)  // never lowers
    #expect(IndexSerials.read(layout.registrySerialsPath).highest(registry: "R", tool: "fe") == 3)
    // Same or newer: accepted. Older, or none once one was seen: refused.
    try IndexSerials.check(index(serial: 3, expires: nil), tool: "fe", registry: "R", origin: "o", layout: layout)
    try IndexSerials.check(index(serial: 4, expires: nil), tool: "fe", registry: "R", origin: "o", layout: layout)
    for older in [2, nil] {
      let error = try? #require(throws: FeError.self) {
        try IndexSerials.check(index(serial: older, expires: nil), tool: "fe", registry: "R", origin: "o", layout: layout)
      }
      #expect(error?.kind == .integrity && error?.message.contains("older than serial 3") == true, "\(String(describing: error))")
    }
    // Per registry and per tool.
    try IndexSerials.check(index(serial: 1, expires: nil), tool: "fe", registry: "Other", origin: "o", layout: layout)
    try IndexSerials.check(index(serial: 1, expires: nil), tool: "tsc", registry: "R", origin: "o", layout: layout)
    // Expired.
    let past = Manifest.timestamp(now - 1)
    let error = try? #require(throws: FeError.self) {
      try IndexSerials.check(index(serial: 5, expires: past), tool: "fe", registry: "R", origin: "o", layout: layout)
    }
    #expect(error?.kind == .integrity && error?.message.contains("expired at \(past)") == true)
  }

  @Test func aMalformedRecordReadsAsEmptyAndIsRewritten() throws {
    let dir = TempDir("serials-bad")
    defer { dir.remove() }
    let layout = StoreLayout(home: dir.path + "/home")
    try FileSystem.createDirectory(layout.home)
    try FileSystem.writeAtomically(layout.registrySerialsPath, Array("{ nope".utf8))
    #expect(IndexSerials.read(layout.registrySerialsPath) == IndexSerials())
    try IndexSerials.record(7, registry: "R", tool: "fe", layout: layout)
    #expect(IndexSerials.read(layout.registrySerialsPath).highest(registry: "R", tool: "fe") == 7)
  }

  @Test func anIndexWithAMalformedSerialOrExpiryIsMalformed() {
    var bad = index(serial: -1, expires: nil)
    #expect(bad.problem(tool: "fe")?.contains("serial") == true)
    bad = index(serial: 1, expires: "next year")
    #expect(bad.problem(tool: "fe")?.contains("expires") == true)
    #expect(index(serial: 1, expires: "2027-01-01T00:00:00Z").problem(tool: "fe") == nil)
    #expect(index(serial: nil, expires: nil).problem(tool: "fe") == nil)
  }

  @Test func publishingIncrementsTheSerialAndSetsTheExpiry() throws {
    let dir = TempDir("serials-publish")
    defer { dir.remove() }
    let publisher = Publisher(root: dir.path)
    let now: time_t = 1_800_000_000
    let first = try publisher.publish(tool: "fe", version: "1.0.0", source: [1], snapshot: nil, signingKeys: [], now: now)
    #expect(first.serial == 1 && first.expires == Manifest.timestamp(now + 365 * 86400))
    let same = try publisher.publish(tool: "fe", version: "1.0.0", source: [1], snapshot: nil, signingKeys: [], now: now + 10)
    #expect(!same.changed && same.serial == 1 && same.expires == first.expires)
    let second = try publisher.publish(tool: "fe", version: "1.1.0", source: [2], snapshot: nil, signingKeys: [], now: now + 20)
    #expect(second.serial == 2)
    let renewed = try publisher.publish(
      tool: "fe", version: "1.1.0", source: [2], snapshot: nil, signingKeys: [], expiresInDays: 7, now: now + 30)
    #expect(renewed.changed && renewed.serial == 3 && renewed.expires == Manifest.timestamp(now + 30 + 7 * 86400))
    let read = try RegistryIndex.decode(try #require(try FileSystem.read(dir.path + "/fe/index.json")), tool: "fe", origin: "x")
    #expect(read.serial == 3 && read.expires == renewed.expires)
  }
}
