import CZlib
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for the zlib module (JS/zlib.js). Each Node zlib object owns one native stream, a
/// resource of the runtime. A write runs the loop of Node's binding
/// (fill output chunks of `chunkSize` until the engine stops asking for room, reusing the unused
/// end of the last chunk), so the bytes are what Node's zlib binding produces with the same
/// library. The `_async` forms run the work on the worker pool; a stream's lock keeps one write
/// at a time.
enum ZlibOps {
  static let all: [Op] =
    [
      // (mode, level, windowBits, memLevel, strategy, dictionary | undefined, chunkSize,
      //  brotliParams | undefined) → the stream's id, or a zlib error record
      Op("op_zlib_new") { rt, call in
        let dictionary = call.isNullish(5) ? [] : call.bytes(5)
        var params: [(UInt32, UInt32)] = []
        if !call.isNullish(7) {
          let list = call.arg(7)
          for i in stride(from: 0, to: call.scope.length(list) - 1, by: 2) {
            guard let k = call.scope.element(list, i), let v = call.scope.element(list, i + 1) else { continue }
            params.append((UInt32(truncatingIfNeeded: Int(call.scope.number(k))), UInt32(truncatingIfNeeded: Int(call.scope.number(v)))))
          }
        }
        let made = ZStream.make(
          mode: ZStream.Mode(rawValue: call.int(0)) ?? .deflate, level: Int32(truncatingIfNeeded: call.int(1)),
          windowBits: Int32(truncatingIfNeeded: call.int(2)), memLevel: Int32(truncatingIfNeeded: call.int(3)),
          strategy: Int32(truncatingIfNeeded: call.int(4)), dictionary: dictionary, chunkSize: max(64, call.int(6)),
          brotliParams: params)
        switch made {
        case .success(let z): call.returns(Double(rt.resources.add(z)))
        case .failure(let e): call.returns(e.record)
        }
      },
      Op("op_zlib_close") { rt, call in
        // The stream is freed when no write in flight holds it any more.
        _ = rt.resources.take(call.int(0), as: ZStream.self)
      },
      // (id, level, strategy) → undefined or a zlib error record
      Op("op_zlib_params") { rt, call in
        guard let z = call.resource(0, in: rt.resources, as: ZStream.self) else { return }
        if let e = z.params(level: Int32(truncatingIfNeeded: call.int(1)), strategy: Int32(truncatingIfNeeded: call.int(2))) {
          call.returns(e.record)
        }
      },
      // (id) → undefined or a zlib error record
      Op("op_zlib_reset") { rt, call in
        guard let z = call.resource(0, in: rt.resources, as: ZStream.self) else { return }
        if let e = z.reset() { call.returns(e.record) }
      },
      // (data, initial) → the CRC-32 of data continuing from initial
      Op("op_zlib_crc32") { _, call in
        let initial = UInt(UInt32(truncatingIfNeeded: Int64(call.number(1))))
        let v = call.scope.withBytes(call.arg(0)) { buf in
          crc32(initial, buf.baseAddress?.assumingMemoryBound(to: Bytef.self), uInt(buf.count))
        }
        call.returns(Double(v))
      },
      Op("op_zlib_version") { _, call in
        call.returns(.array([.string(String(cString: zlibVersion())), .number(Double(ZLIB_VERNUM))]))
      },
    ] + writeOps

  /// `op_zlib_write` (id, flush, input, maxOutputLength) → [output, availInAfter, chunk sizes] or
  /// a zlib error record; `op_zlib_write_async` takes a promise id first and does the work on the worker pool.
  static let writeOps: [Op] = {
    func parse(_ rt: Runtime, _ call: OpCall, _ at: Int) -> () -> OpResult {
      guard let z = rt.resources.get(call.int(at), as: ZStream.self) else {
        return { .value(ZError(message: "zlib binding closed", code: "ERR_ZLIB_BINDING_CLOSED", errno: 0).record) }
      }
      let flush = Int32(truncatingIfNeeded: call.int(at + 1))
      let input = call.bytes(at + 2)
      let limit = call.number(at + 3)
      return { z.write(flush: flush, input: input, limit: limit) }
    }
    return [
      Op("op_zlib_write") { rt, call in call.returns(parse(rt, call, 0)().local(call.scope)) },
      Op("op_zlib_write_async") { rt, call in
        let id = call.number(0)
        let work = parse(rt, call, 1)
        rt.loop.retain()
        WorkerPool.shared.submit {
          let result = work()
          rt.loop.post { s in try s.callCore(.settle, [s.number(id), s.bool(true), result.local(s)]) }
        }
      },
    ]
  }()
}

/// A zlib or brotli error as Node reports it: message, code name and errno.
struct ZError: Error {
  let message: String
  let code: String
  let errno: Int32

  /// What JS receives: `{zlibError: {message, code, errno}}`.
  var record: JSValue {
    .object([("zlibError", .object([("message", .string(message)), ("code", .string(code)), ("errno", .number(Double(errno)))]))])
  }
}

/// One compression or decompression stream in one of Node's modes; frees its engine in deinit.
final class ZStream: Resource, @unchecked Sendable {
  /// Node's mode numbers (zlib.constants.DEFLATE…).
  enum Mode: Int {
    case deflate = 1
    case inflate, gzip, gunzip, deflateRaw, inflateRaw, unzip, brotliDecode, brotliEncode
  }

  private var mode: Mode
  private let strm = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
  private var encoder: OpaquePointer?
  private var decoder: OpaquePointer?
  private var zlibReady = false
  private var level: Int32
  private var strategy: Int32
  private let windowBits: Int32
  private let dictionary: [UInt8]
  private let chunkSize: Int
  /// Where the next write's output starts in Node's reused output buffer.
  private var outOffset = 0
  private var gzipIDBytesRead = 0
  private var scratch: [UInt8]
  private let lock = Mutex()

  private init(mode: Mode, level: Int32, windowBits: Int32, strategy: Int32, dictionary: [UInt8], chunkSize: Int) {
    self.mode = mode
    self.level = level
    self.windowBits = windowBits
    self.strategy = strategy
    self.dictionary = dictionary
    self.chunkSize = chunkSize
    scratch = [UInt8](repeating: 0, count: chunkSize)
    strm.initialize(to: z_stream())
  }

  static func make(
    mode: Mode, level: Int32, windowBits: Int32, memLevel: Int32, strategy: Int32, dictionary: [UInt8],
    chunkSize: Int, brotliParams: [(UInt32, UInt32)]
  ) -> Result<ZStream, ZError> {
    var bits = windowBits
    switch mode {
    case .gzip, .gunzip: bits += 16
    case .unzip: bits += 32
    case .deflateRaw, .inflateRaw: bits = -bits
    default: break
    }
    let z = ZStream(mode: mode, level: level, windowBits: bits, strategy: strategy, dictionary: dictionary, chunkSize: chunkSize)
    switch mode {
    case .brotliEncode:
      z.encoder = BrotliEncoderCreateInstance(nil, nil, nil)
      guard let enc = z.encoder else {
        return .failure(ZError(message: "Initialization failed", code: "ERR_ZLIB_INITIALIZATION_FAILED", errno: -1))
      }
      for (k, v) in brotliParams where BrotliEncoderSetParameter(enc, BrotliEncoderParameter(k), v) == BROTLI_FALSE {
        return .failure(ZError(message: "Initialization failed", code: "ERR_BROTLI_PARAM_SET_FAILED", errno: -1))
      }
      return .success(z)
    case .brotliDecode:
      z.decoder = BrotliDecoderCreateInstance(nil, nil, nil)
      guard let dec = z.decoder else {
        return .failure(ZError(message: "Initialization failed", code: "ERR_ZLIB_INITIALIZATION_FAILED", errno: -1))
      }
      for (k, v) in brotliParams where BrotliDecoderSetParameter(dec, BrotliDecoderParameter(k), v) == BROTLI_FALSE {
        return .failure(ZError(message: "Initialization failed", code: "ERR_BROTLI_PARAM_SET_FAILED", errno: -1))
      }
      return .success(z)
    case .deflate, .gzip, .deflateRaw:
      let err = fe_deflate_init(z.strm, level, bits, memLevel, strategy)
      if err != Z_OK { return .failure(ZError(message: "Init error", code: ZStream.codeName(err), errno: err)) }
    case .inflate, .gunzip, .inflateRaw, .unzip:
      let err = fe_inflate_init(z.strm, bits)
      if err != Z_OK { return .failure(ZError(message: "Init error", code: ZStream.codeName(err), errno: err)) }
    }
    z.zlibReady = true
    if let e = z.setDictionary() { return .failure(e) }
    return .success(z)
  }

  deinit {
    if zlibReady {
      switch mode {
      case .deflate, .gzip, .deflateRaw: deflateEnd(strm)
      default: inflateEnd(strm)
      }
    }
    if let encoder { BrotliEncoderDestroyInstance(encoder) }
    if let decoder { BrotliDecoderDestroyInstance(decoder) }
    strm.deallocate()
  }

  /// Node's `(level, strategy)` change for deflate streams.
  func params(level: Int32, strategy: Int32) -> ZError? {
    lock.withLock {
      guard mode == .deflate || mode == .gzip || mode == .deflateRaw else { return nil }
      let err = deflateParams(strm, level, strategy)
      if err != Z_OK && err != Z_BUF_ERROR { return ZError(message: "Failed to set parameters", code: "ERR_ZLIB_PARAMS", errno: err) }
      self.level = level
      self.strategy = strategy
      return nil
    }
  }

  func reset() -> ZError? {
    lock.withLock {
      outOffset = 0
      gzipIDBytesRead = 0
      switch mode {
      case .deflate, .gzip, .deflateRaw:
        let err = deflateReset(strm)
        if err != Z_OK { return error(err, "Failed to reset stream", flush: Z_NO_FLUSH) }
      case .inflate, .gunzip, .inflateRaw, .unzip:
        let err = inflateReset(strm)
        if err != Z_OK { return error(err, "Failed to reset stream", flush: Z_NO_FLUSH) }
      case .brotliEncode, .brotliDecode:
        return nil
      }
      return setDictionary()
    }
  }

  /// Deflate streams, and raw inflate streams, take the dictionary up front; the others when
  /// inflate asks for it.
  private func setDictionary() -> ZError? {
    guard !dictionary.isEmpty else { return nil }
    var err = Z_OK
    dictionary.withUnsafeBufferPointer { d in
      switch mode {
      case .deflate, .deflateRaw: err = deflateSetDictionary(strm, d.baseAddress, uInt(d.count))
      case .inflateRaw: err = inflateSetDictionary(strm, d.baseAddress, uInt(d.count))
      default: break
      }
    }
    return err == Z_OK ? nil : ZError(message: "Failed to set dictionary", code: "ERR_ZLIB_DICTIONARY", errno: err)
  }

  /// Runs `input` through the engine with `flush`: the output, and how much input it left.
  func write(flush: Int32, input: [UInt8], limit: Double) -> OpResult {
    lock.withLock {
      input.withUnsafeBufferPointer { inBuf -> OpResult in
        var output: [UInt8] = []
        var sizes: [JSValue] = []  // the output chunks Node's binding would push
        var inOffset = 0
        var availIn = inBuf.count
        while true {
          let availOutBefore = chunkSize - outOffset
          let step = scratch.withUnsafeMutableBufferPointer { out in
            self.step(
              flush: flush, input: inBuf.baseAddress.map { $0 + inOffset }, availIn: availIn,
              output: out.baseAddress!, availOut: availOutBefore)
          }
          let (availOutAfter, availInAfter) = (step.availOut, step.availIn)
          if let e = step.error { return .value(e.record) }
          let have = availOutBefore - availOutAfter
          output.append(contentsOf: scratch[0..<have])
          if have > 0 { sizes.append(.number(Double(have))) }
          outOffset += have
          if Double(output.count) > limit {
            return .value(ZError(message: "", code: "ERR_BUFFER_TOO_LARGE", errno: 0).record)
          }
          if availOutAfter == 0 || outOffset >= chunkSize { outOffset = 0 }
          if availOutAfter != 0 { return .value(.array([.bytes(output), .number(Double(availInAfter)), .array(sizes)])) }
          // The engine filled the chunk: run again with the input it left.
          inOffset += availIn - availInAfter
          availIn = availInAfter
        }
      }
    }
  }

  private struct Step {
    var availOut: Int
    var availIn: Int
    var error: ZError?
  }

  private func step(
    flush: Int32, input: UnsafePointer<UInt8>?, availIn: Int, output: UnsafeMutablePointer<UInt8>,
    availOut: Int
  ) -> Step {
    switch mode {
    case .brotliEncode: return brotliEncode(flush: flush, input: input, availIn: availIn, output: output, availOut: availOut)
    case .brotliDecode: return brotliDecode(flush: flush, input: input, availIn: availIn, output: output, availOut: availOut)
    default: break
    }
    strm.pointee.next_in = UnsafeMutablePointer(mutating: input)
    strm.pointee.avail_in = uInt(availIn)
    strm.pointee.next_out = output
    strm.pointee.avail_out = uInt(availOut)
    var err: Int32
    switch mode {
    case .deflate, .gzip, .deflateRaw:
      err = deflate(strm, flush)
    default:
      if mode == .unzip { detectUnzip() }
      err = inflate(strm, flush)
      if mode != .inflateRaw && err == Z_NEED_DICT && !dictionary.isEmpty {
        err = dictionary.withUnsafeBufferPointer { inflateSetDictionary(strm, $0.baseAddress, uInt($0.count)) }
        if err == Z_OK {
          err = inflate(strm, flush)
        } else if err == Z_DATA_ERROR {
          err = Z_NEED_DICT  // a dictionary that does not fit: "Bad dictionary"
        }
      }
      // More input after a gzip member: another member, or trailing zero padding.
      while strm.pointee.avail_in > 0 && mode == .gunzip && err == Z_STREAM_END && strm.pointee.next_in[0] != 0 {
        inflateReset(strm)
        err = inflate(strm, flush)
      }
    }
    return Step(availOut: Int(strm.pointee.avail_out), availIn: Int(strm.pointee.avail_in), error: check(err, flush: flush))
  }

  /// Unzip mode: gzip when the input starts with gzip's magic bytes, zlib otherwise.
  private func detectUnzip() {
    guard strm.pointee.avail_in > 0, let p = strm.pointee.next_in else { return }
    var i = 0
    if gzipIDBytesRead == 0 {
      if p[0] != 0x1f {
        mode = .inflate
        return
      }
      gzipIDBytesRead = 1
      i = 1
      if strm.pointee.avail_in == 1 { return }
    }
    if gzipIDBytesRead == 1 {
      mode = p[i] == 0x8b ? .gunzip : .inflate
      gzipIDBytesRead = 2
    }
  }

  private func check(_ err: Int32, flush: Int32) -> ZError? {
    switch err {
    case Z_OK, Z_BUF_ERROR:
      if strm.pointee.avail_out != 0 && flush == Z_FINISH { return error(err, "unexpected end of file", flush: flush) }
      return nil
    case Z_STREAM_END: return nil
    case Z_NEED_DICT: return error(err, dictionary.isEmpty ? "Missing dictionary" : "Bad dictionary", flush: flush)
    default: return error(err, "Zlib error", flush: flush)
    }
  }

  private func error(_ err: Int32, _ fallback: String, flush: Int32) -> ZError {
    let message = strm.pointee.msg.map { String(cString: $0) } ?? fallback
    return ZError(message: message, code: ZStream.codeName(err), errno: err)
  }

  static func codeName(_ err: Int32) -> String {
    switch err {
    case Z_OK: return "Z_OK"
    case Z_STREAM_END: return "Z_STREAM_END"
    case Z_NEED_DICT: return "Z_NEED_DICT"
    case Z_ERRNO: return "Z_ERRNO"
    case Z_STREAM_ERROR: return "Z_STREAM_ERROR"
    case Z_DATA_ERROR: return "Z_DATA_ERROR"
    case Z_MEM_ERROR: return "Z_MEM_ERROR"
    case Z_BUF_ERROR: return "Z_BUF_ERROR"
    case Z_VERSION_ERROR: return "Z_VERSION_ERROR"
    default: return "Z_UNKNOWN_ERROR"
    }
  }

  // MARK: brotli

  private func brotliEncode(
    flush: Int32, input: UnsafePointer<UInt8>?, availIn: Int, output: UnsafeMutablePointer<UInt8>,
    availOut: Int
  ) -> Step {
    var nextIn = input
    var inLeft = availIn
    var nextOut: UnsafeMutablePointer<UInt8>? = output
    var outLeft = availOut
    let ok = BrotliEncoderCompressStream(
      encoder, BrotliEncoderOperation(UInt32(bitPattern: flush)), &inLeft, &nextIn,
      &outLeft, &nextOut, nil)
    let error = ok == BROTLI_FALSE ? ZError(message: "Compression failed", code: "ERR_BROTLI_COMPRESSION_FAILED", errno: -1) : nil
    return Step(availOut: outLeft, availIn: inLeft, error: error)
  }

  private func brotliDecode(
    flush: Int32, input: UnsafePointer<UInt8>?, availIn: Int, output: UnsafeMutablePointer<UInt8>,
    availOut: Int
  ) -> Step {
    var nextIn = input
    var inLeft = availIn
    var nextOut: UnsafeMutablePointer<UInt8>? = output
    var outLeft = availOut
    let result = BrotliDecoderDecompressStream(decoder, &inLeft, &nextIn, &outLeft, &nextOut, nil)
    var error: ZError?
    if result == BROTLI_DECODER_RESULT_ERROR {
      let code = BrotliDecoderGetErrorCode(decoder)
      error = ZError(
        message: "Decompression failed", code: "ERR_" + String(cString: BrotliDecoderErrorString(code)),
        errno: code.rawValue)
    } else if flush == Int32(BROTLI_OPERATION_FINISH.rawValue) && result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT {
      error = ZError(message: "unexpected end of file", code: "Z_BUF_ERROR", errno: Z_BUF_ERROR)
    }
    return Step(availOut: outLeft, availIn: inLeft, error: error)
  }
}
