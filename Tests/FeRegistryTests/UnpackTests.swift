import FeBasics
import FeStore
import Testing

@testable import FeRegistry

@Suite struct UnpackTests {
  let data = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

  @Test func unpacksToExactlyTheListedSize() throws {
    let packed = try Zstd.compress(data, level: 3)
    #expect(try Unpack.zstd(packed, size: data.count, origin: "x") == data)
    #expect(try Unpack.zstd(try Zstd.compress([], level: 3), size: 0, origin: "x") == [])
  }

  @Test func severalFramesInARow() throws {
    let packed = try Zstd.compress(Array(data.prefix(1000)), level: 3) + Zstd.compress(Array(data.dropFirst(1000)), level: 3)
    #expect(try Unpack.zstd(packed, size: data.count, origin: "x") == data)
  }

  @Test(arguments: [-1, 1, 100_000])
  func anotherSizeIsAnIntegrityError(_ delta: Int) throws {
    let packed = try Zstd.compress(data, level: 3)
    let error = try? #require(throws: FeError.self) {
      try Unpack.zstd(packed, size: data.count + delta, origin: "https://r/fe/1.0.0/source.js.zst")
    }
    #expect(
      error?.kind == .integrity && error?.message.contains("https://r/fe/1.0.0/source.js.zst") == true, "\(String(describing: error))")
  }

  @Test func truncatedOrGarbageIsAnIntegrityError() throws {
    let packed = try Zstd.compress(data, level: 3)
    for bad in [Array(packed.prefix(packed.count / 2)), Array("not zstd at all".utf8), []] {
      let error = try? #require(throws: FeError.self) { try Unpack.zstd(bad, size: data.count, origin: "x") }
      #expect(error?.kind == .integrity)
    }
  }
}
