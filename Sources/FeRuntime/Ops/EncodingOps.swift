import FeEngine

/// Byte/text conversions that are slow to do a character at a time in JavaScript: Buffer,
/// TextEncoder and TextDecoder use them (JS/buffer.js, JS/web.js). `op_utf8_decode` is in CoreOps.
enum EncodingOps {
  static let all: [Op] = [
    // A string's UTF-8 bytes; a lone surrogate becomes U+FFFD (EF BF BD), as in Node.
    Op("op_utf8_encode") { _, call in
      var s = call.string(0)
      s.withUTF8 { call.returns(bytes: UnsafeRawBufferPointer($0)) }
    },
    // Whether bytes are well-formed UTF-8 (TextDecoder's `fatal` mode, buffer.isUtf8).
    Op("op_utf8_valid") { _, call in
      call.returns(call.scope.withBytes(call.arg(0)) { isValidUTF8($0) })
    },
    // Standard base64 with padding, or base64url without (`true` as the second argument).
    Op("op_base64_encode") { _, call in
      let url = call.bool(1)
      call.returns(call.scope.withBytes(call.arg(0)) { base64Encode($0, url: url) })
    },
    // Node's forgiving decoder: both alphabets, other characters skipped, stops at '='.
    Op("op_base64_decode") { _, call in
      var s = call.string(0)
      let bytes = s.withUTF8 { base64Decode(UnsafeRawBufferPointer($0)) }
      call.returns(call.scope.bytes(bytes))
    },
  ]

  static func isValidUTF8(_ buf: UnsafeRawBufferPointer) -> Bool {
    var it = buf.makeIterator()
    var parser = Unicode.UTF8.ForwardParser()
    while true {
      switch parser.parseScalar(from: &it) {
      case .valid: continue
      case .emptyInput: return true
      case .error: return false
      }
    }
  }

  private static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
  private static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  static func base64Encode(_ buf: UnsafeRawBufferPointer, url: Bool) -> String {
    let n = buf.count
    let full = n / 3 * 3
    let capacity = (n + 2) / 3 * 4
    return (url ? urlSafe : standard).withUnsafeBufferPointer { table in
      String(unsafeUninitializedCapacity: capacity) { out in
        var o = 0
        var i = 0
        while i < full {
          let v = UInt32(buf[i]) << 16 | UInt32(buf[i + 1]) << 8 | UInt32(buf[i + 2])
          out[o] = table[Int(v >> 18 & 63)]
          out[o + 1] = table[Int(v >> 12 & 63)]
          out[o + 2] = table[Int(v >> 6 & 63)]
          out[o + 3] = table[Int(v & 63)]
          i += 3
          o += 4
        }
        let rest = n - full
        if rest > 0 {
          let v = UInt32(buf[i]) << 16 | (rest == 2 ? UInt32(buf[i + 1]) << 8 : 0)
          out[o] = table[Int(v >> 18 & 63)]
          out[o + 1] = table[Int(v >> 12 & 63)]
          o += 2
          if rest == 2 {
            out[o] = table[Int(v >> 6 & 63)]
            o += 1
          }
          if !url {
            while o % 4 != 0 {
              out[o] = UInt8(ascii: "=")
              o += 1
            }
          }
        }
        return o
      }
    }
  }

  private static let decodeTable: [UInt8] = {
    var t = [UInt8](repeating: 255, count: 256)
    for (i, c) in standard.enumerated() { t[Int(c)] = UInt8(i) }
    t[Int(UInt8(ascii: "-"))] = 62
    t[Int(UInt8(ascii: "_"))] = 63
    return t
  }()

  static func base64Decode(_ src: UnsafeRawBufferPointer) -> [UInt8] {
    [UInt8](unsafeUninitializedCapacity: src.count / 4 * 3 + 2) { out, count in
      decodeTable.withUnsafeBufferPointer { table in
        var acc: UInt32 = 0
        var bits = 0
        var o = 0
        for c in src {
          if c == UInt8(ascii: "=") { break }
          let v = table[Int(c)]
          if v == 255 { continue }
          acc = acc << 6 | UInt32(v)
          bits += 6
          if bits >= 8 {
            bits -= 8
            out[o] = UInt8(truncatingIfNeeded: acc >> UInt32(bits))
            o += 1
          }
        }
        count = o
      }
    }
  }
}
