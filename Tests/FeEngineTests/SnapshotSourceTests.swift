// Large script sources live beside V8's data in a snapshot image (Shim/src/snapshot_sources.cc,
// SnapshotImage.swift): booting maps them as external strings instead of copying them.
import CFeV8
import FeRuntime
import Testing

@testable import FeEngine

@Suite struct SnapshotSourceTests {
  /// A script over the 32 KiB threshold. `wide` adds characters outside Latin-1 (one of them
  /// astral), which makes V8 keep the source as UTF-16.
  static func bigScript(wide: Bool) -> String {
    let filler = (0..<800).map { "function filler\($0)(x) { return x * \($0) + \"é\".length; }" }.joined(separator: "\n")
    let marks = wide ? "║é😀" : "éü"
    return """
      globalThis.marks = "\(marks)";
      globalThis.shown = function shown(a, b) { /* \(marks) */ return a + b; };
      globalThis.lazy = function lazy(n) { function inner(k) { return k < 2 ? k : inner(k - 1) + inner(k - 2); } return inner(n); };
      \(filler)
      globalThis.fillerCount = typeof filler799 === "function" ? 800 : 0;
      """
  }

  static func built(_ script: String) throws -> SnapshotMemory {
    let builder = try Runtime.makeSnapshotBuilder()
    try builder.runScript(script, name: "big.js")
    return SnapshotMemory(try builder.snapshot())
  }

  @Test(arguments: [false, true])
  func sourcesSurviveTheRoundTrip(wide: Bool) throws {
    let script = Self.bigScript(wide: wide)
    let memory = try Self.built(script)
    let parts = try #require(SnapshotImage.parse(memory.bytes))
    // The runtime's own source and the script: Latin-1 unless a character needs UTF-16.
    #expect(parts.sources.count == 2)
    #expect(parts.sources.first?.kind == UInt32(FE_SOURCE_LATIN1))
    #expect(parts.sources.last?.kind == UInt32(wide ? FE_SOURCE_UTF16 : FE_SOURCE_LATIN1))
    #expect(parts.sources.last?.length == script.utf16.count)
    #expect(Engine.isValidSnapshot(memory.bytes))

    let rt = Runtime(snapshot: memory.bytes, owner: memory)
    rt.onExit = { _ in }
    #expect(try rt.runScript("marks", name: "read.js") == .string(wide ? "║é😀" : "éü"))
    let shown = "function shown(a, b) { /* \(wide ? "║é😀" : "éü") */ return a + b; }"
    #expect(try rt.runScript("shown.toString()", name: "read.js") == .string(shown))
    // `inner` was never run before the snapshot: V8 compiles it now, from the mapped source.
    #expect(try rt.runScript("lazy(20)", name: "read.js") == .number(6765))
    #expect(try rt.runScript("fillerCount + filler799(2)", name: "read.js") == .number(800 + 1599))
  }

  @Test func smallScriptsStayInTheHeap() throws {
    let memory = try Self.built("globalThis.small = 1")
    let count = withExtendedLifetime(memory) { SnapshotImage.parse(memory.bytes)?.sources.count }
    #expect(count == 1)  // the runtime's only
  }

  @Test func runtimeSourceIsASCII() {
    // One character outside Latin-1 would double the runtime's source in every snapshot.
    let ascii = Runtime.source.unicodeScalars.allSatisfy { $0.isASCII }
    #expect(ascii)
  }

  @Test func imageLayoutIsChecked() throws {
    let memory = try Self.built("globalThis.small = 1")
    var image = withExtendedLifetime(memory) { Array(memory.bytes) }
    #expect(image.withUnsafeBytes { SnapshotImage.parse($0) } != nil)
    let trailer = image.count - SnapshotImage.trailerSize
    func rejected(_ change: (inout [UInt8]) -> Void) -> Bool {
      var copy = image
      change(&copy)
      return copy.withUnsafeBytes { SnapshotImage.parse($0) == nil && !Engine.isValidSnapshot($0) }
    }
    #expect(rejected { $0[$0.count - 1] ^= 0xFF })  // magic
    #expect(rejected { $0[trailer + 16] = 99 })  // more sources than slots
    #expect(rejected { $0[trailer + 7] = 0x7F })  // V8 data past the end
    #expect(rejected { $0.removeLast(SnapshotImage.trailerSize + 1) })
    // A source entry pointing outside the image.
    let entry = trailer - SnapshotImage.entrySize
    #expect(rejected { $0[entry + 15] = 0x7F })
    // A damaged byte in V8's data fails its checksum before V8 sees it.
    image[64] ^= 0x01
    #expect(!image.withUnsafeBytes { Engine.isValidSnapshot($0) })
  }
}
