import CZstd
import FeBasics

/// zstd for registry files (`source.js.zst`, `<engine-id>.blob.zst`).
public enum Zstd {
  /// One zstd frame holding `bytes`, with a checksum so a damaged file fails to decompress
  /// (level 19 by default: published once, downloaded many times).
  public static func compress(_ bytes: [UInt8], level: Int32 = 19) throws -> [UInt8] {
    guard let cctx = ZSTD_createCCtx() else { throw FeError(.internalError, "zstd could not allocate a context") }
    defer { ZSTD_freeCCtx(cctx) }
    try check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level))
    try check(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1))
    var out = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
    let written = out.withUnsafeMutableBytes { dst in
      bytes.withUnsafeBytes { src in
        ZSTD_compress2(cctx, dst.baseAddress, dst.count, src.baseAddress, src.count)
      }
    }
    try check(written)
    out.removeLast(out.count - written)
    return out
  }

  /// Turns a zstd return code into an internal error (compression only fails on misuse).
  private static func check(_ rc: Int) throws {
    if ZSTD_isError(rc) != 0 { throw FeError(.internalError, "zstd compression failed: \(errorName(rc))") }
  }

  /// The decompressed content of one or more frames, streamed so frames without a content size
  /// work; corrupt, truncated or larger-than-`maxSize` input is an integrity error.
  public static func decompress(_ bytes: [UInt8], maxSize: Int) throws -> [UInt8] {
    guard !bytes.isEmpty else { throw corrupt("the input is empty") }
    guard let stream = ZSTD_createDStream() else { throw FeError(.internalError, "zstd could not allocate a stream") }
    defer { ZSTD_freeDStream(stream) }
    let initialized = ZSTD_initDStream(stream)
    if ZSTD_isError(initialized) != 0 { throw FeError(.internalError, "zstd: \(errorName(initialized))") }

    var out = [UInt8]()
    var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
    var pending: Int = 1  // ZSTD_decompressStream's hint: 0 once a frame is complete.
    try bytes.withUnsafeBytes { src in
      var input = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
      // Run until all input is consumed and the decoder has flushed everything it holds.
      while true {
        let produced: Int = try chunk.withUnsafeMutableBytes { dst in
          var output = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
          let rc = ZSTD_decompressStream(stream, &output, &input)
          if ZSTD_isError(rc) != 0 { throw corrupt(errorName(rc)) }
          pending = rc
          return output.pos
        }
        if out.count + produced > maxSize { throw corrupt("it decompresses to more than \(maxSize) bytes") }
        out += chunk[..<produced]
        let inputDone = input.pos == input.size
        // A full output chunk may mean more is buffered inside the decoder.
        if inputDone && produced < chunk.count { break }
      }
    }
    if pending != 0 { throw corrupt("the data is truncated") }
    return out
  }

  private static func errorName(_ code: Int) -> String {
    String(cString: ZSTD_getErrorName(code))
  }

  private static func corrupt(_ reason: String) -> FeError {
    FeError(.integrity, "compressed data is corrupt (\(reason))", hint: "download it again")
  }
}
