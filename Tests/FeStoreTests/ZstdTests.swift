import CZstd
import FeBasics
import Testing

@testable import FeStore

@Suite struct ZstdTests {
  let text = Array(String(repeating: "function f(x) { return x * 2 }\n", count: 5000).utf8)
  let noise: [UInt8] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<100_000).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 33)
    }
  }()

  @Test func roundTrip() throws {
    for input in [text, noise, [], [42]] {
      let compressed = try Zstd.compress(input, level: 3)
      #expect(try Zstd.decompress(compressed, maxSize: 1 << 20) == input)
    }
    let small = try Zstd.compress(text)
    #expect(small.count < text.count / 20)
    #expect(try Zstd.decompress(small, maxSize: text.count) == text)
  }

  @Test func framesWithoutAContentSizeDecompress() throws {
    // What a streaming compressor (`zstd -` from a pipe) writes: no size in the frame header.
    let cctx = try #require(ZSTD_createCCtx())
    defer { ZSTD_freeCCtx(cctx) }
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 0)
    var out = [UInt8](repeating: 0, count: ZSTD_compressBound(text.count))
    let n = out.withUnsafeMutableBytes { dst in
      text.withUnsafeBytes { src in ZSTD_compress2(cctx, dst.baseAddress, dst.count, src.baseAddress, src.count) }
    }
    #expect(ZSTD_isError(n) == 0)
    let frame = Array(out.prefix(n))
    #expect(ZSTD_getFrameContentSize(frame, frame.count) == ZSTD_CONTENTSIZE_UNKNOWN)
    #expect(try Zstd.decompress(frame, maxSize: text.count) == text)
  }

  @Test func concatenatedFramesDecompressToTheConcatenation() throws {
    let both = try Zstd.compress(Array("hello ".utf8)) + Zstd.compress(Array("world".utf8))
    #expect(try Zstd.decompress(both, maxSize: 100) == Array("hello world".utf8))
  }

  @Test func corruptInputIsAnIntegrityError() throws {
    let good = try Zstd.compress(noise, level: 1)
    var flipped = good
    flipped[flipped.count / 2] ^= 0xFF
    let cases: [(String, [UInt8])] = [
      ("empty", []),
      ("not zstd", Array("plain text, not a zstd frame".utf8)),
      ("truncated", Array(good.prefix(good.count / 2))),
      ("flipped byte", flipped),
      ("trailing garbage", good + [1, 2, 3, 4, 5, 6, 7, 8]),
    ]
    for (what, input) in cases {
      let error = feError { _ = try Zstd.decompress(input, maxSize: 1 << 20) }
      #expect(error?.kind == .integrity, "\(what)")
      #expect(
        error?.message.hasPrefix("compressed data is corrupt") == true, "\(what): \(error?.message ?? "no error")")
    }
  }

  @Test func outputLargerThanMaxSizeIsRefused() throws {
    let compressed = try Zstd.compress(text)
    let error = feError { _ = try Zstd.decompress(compressed, maxSize: text.count - 1) }
    #expect(error?.kind == .integrity)
    #expect(error?.message.contains("more than \(text.count - 1) bytes") == true)
  }
}
