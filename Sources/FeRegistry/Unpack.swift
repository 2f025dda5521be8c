import CZstd
import FeBasics

/// zstd decompression into a buffer of exactly the size the registry's index lists: one
/// allocation instead of a growing array (a 17 MB snapshot would otherwise be copied as it
/// grows), and a file that unpacks to more or fewer bytes than listed is caught on the spot.
enum Unpack {
  static func zstd(_ packed: [UInt8], size: Int, origin: String) throws -> [UInt8] {
    func corrupt(_ why: String) -> FeError {
      FeError(
        .integrity, "\(origin) \(why)",
        hint: "nothing was installed; the registry's index and files disagree: tell its maintainers")
    }
    guard size >= 0, !packed.isEmpty else { throw corrupt("is empty") }
    guard let stream = ZSTD_createDStream() else { throw FeError(.internalError, "zstd could not allocate a stream") }
    defer { ZSTD_freeDStream(stream) }
    _ = ZSTD_initDStream(stream)
    var failure: FeError?
    let out = [UInt8](unsafeUninitializedCapacity: max(size, 1)) { buffer, count in
      count = 0
      packed.withUnsafeBytes { src in
        var input = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
        var output = ZSTD_outBuffer(dst: buffer.baseAddress, size: size, pos: 0)
        var spare: UInt8 = 0
        while true {
          let before = (input.pos, output.pos)
          let rc = ZSTD_decompressStream(stream, &output, &input)
          if ZSTD_isError(rc) != 0 {
            failure = corrupt("is not valid zstd data (\(String(cString: ZSTD_getErrorName(rc))))")
            return
          }
          if rc == 0 && input.pos == input.size { break }  // the last frame ended with the input
          if (input.pos, output.pos) == before {
            // No progress: either the output is full and more is coming, or the input ran out mid-frame.
            if output.pos == output.size {
              let more = withUnsafeMutableBytes(of: &spare) { spareBytes in
                var probe = ZSTD_outBuffer(dst: spareBytes.baseAddress, size: 1, pos: 0)
                let rc = ZSTD_decompressStream(stream, &probe, &input)
                return ZSTD_isError(rc) == 0 && probe.pos == 0 ? rc : 1
              }
              if more == 0 && input.pos == input.size { break }  // nothing more: the output was exactly full
              failure = corrupt("unpacks to more than the \(size) bytes its index lists")
            } else {
              failure = corrupt("is truncated")
            }
            return
          }
        }
        count = output.pos
      }
    }
    if let failure { throw failure }
    guard out.count == size else { throw corrupt("unpacks to \(out.count) bytes, not the \(size) its index lists") }
    return out
  }
}
