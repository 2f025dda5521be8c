import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The host parser's "domain to ASCII" and url.domainToUnicode (JS/09-url.js): UTS #46 with the
/// URL Standard's settings. ICU already does UTS #46 with its own Unicode tables, and every fe
/// has ICU in its process (libnode links libicuuc for V8's Intl), so these ops call it rather
/// than fe carrying a second copy of the IDNA mapping table in JavaScript. ICU's C symbols carry
/// its major version as a suffix (`uidna_openUTS46_72`), so they are looked up with dlsym.
enum URLOps {
  static let all: [Op] = [
    // The ASCII form of a domain, or null when UTS #46 processing reports an error.
    Op("op_domain_to_ascii") { _, call in
      if let s = ICUIDNA.shared?.convert(call.string(0), toASCII: true) { call.returns(s) } else { call.returns(call.scope.null) }
    },
    // The Unicode form of a domain, or null on error (url.domainToUnicode answers '' then).
    Op("op_domain_to_unicode") { _, call in
      if let s = ICUIDNA.shared?.convert(call.string(0), toASCII: false) { call.returns(s) } else { call.returns(call.scope.null) }
    },
  ]
}

/// ICU's UTS #46 processor, opened once with the URL Standard's options.
/// ICU documents a UIDNA as usable from several threads at once (its calls are const).
final class ICUIDNA: @unchecked Sendable {
  typealias Open = @convention(c) (UInt32, UnsafeMutablePointer<Int32>) -> OpaquePointer?
  typealias Name = @convention(c) (
    OpaquePointer?, UnsafePointer<UInt16>, Int32, UnsafeMutablePointer<UInt16>, Int32, UnsafeMutableRawPointer, UnsafeMutablePointer<Int32>
  ) -> Int32

  // UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ | UIDNA_NONTRANSITIONAL_TO_ASCII |
  // UIDNA_NONTRANSITIONAL_TO_UNICODE: the URL Standard's "domain to ASCII" with beStrict false
  // (CheckHyphens, UseSTD3ASCIIRules and VerifyDnsLength off; the URL parser checks forbidden
  // domain code points itself).
  private static let options: UInt32 = 0x4 | 0x8 | 0x10 | 0x20
  // Errors that belong to the options left off (empty label, label or name too long, leading,
  // trailing or 3rd/4th-position hyphens): ICU reports them regardless, the URL Standard ignores them.
  private static let ignored: UInt32 = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20

  private let uts46: OpaquePointer
  private let toASCII: Name
  private let toUnicode: Name

  static let shared: ICUIDNA? = ICUIDNA()

  private init?() {
    guard let self_ = dlopen(nil, RTLD_NOW) else { return nil }
    var handles: [UnsafeMutableRawPointer] = [self_]
    // Normally libicuuc is already loaded (through libnode); otherwise open it by its soname.
    func find(_ name: String) -> UnsafeMutableRawPointer? {
      for h in handles {
        if let p = dlsym(h, name) { return p }
        for v in (50...99).reversed() { if let p = dlsym(h, "\(name)_\(v)") { return p } }
      }
      return nil
    }
    if find("uidna_openUTS46") == nil {
      for v in (50...99).reversed() { if let h = dlopen("libicuuc.so.\(v)", RTLD_NOW) { handles.append(h); break } }
    }
    guard let open = find("uidna_openUTS46"), let ascii = find("uidna_nameToASCII"), let unicode = find("uidna_nameToUnicode") else {
      return nil
    }
    var status: Int32 = 0
    guard let idna = unsafeBitCast(open, to: Open.self)(Self.options, &status), status <= 0 else { return nil }
    uts46 = idna
    toASCII = unsafeBitCast(ascii, to: Name.self)
    toUnicode = unsafeBitCast(unicode, to: Name.self)
  }

  func convert(_ input: String, toASCII ascii: Bool) -> String? {
    let src = Array(input.utf16)
    var capacity = max(64, src.count * 4 + 16)
    while true {
      var dest = [UInt16](repeating: 0, count: capacity)
      var status: Int32 = 0
      // UIDNAInfo: int16 size, two UBools, uint32 errors, two reserved int32s (16 bytes).
      var info = [UInt8](repeating: 0, count: 16)
      info[0] = 16
      let empty: [UInt16] = [0]
      let n: Int32 = (src.isEmpty ? empty : src).withUnsafeBufferPointer { s in
        dest.withUnsafeMutableBufferPointer { d in
          info.withUnsafeMutableBytes { i in
            guard let sp = s.baseAddress, let dp = d.baseAddress, let ip = i.baseAddress else { return -1 }
            return (ascii ? toASCII : toUnicode)(uts46, sp, Int32(src.count), dp, Int32(capacity), ip, &status)
          }
        }
      }
      if n < 0 { return nil }
      if status == 15 /* U_BUFFER_OVERFLOW_ERROR */ && Int(n) > capacity - 1 {
        capacity = Int(n) + 1
        continue
      }
      if status > 0 { return nil }
      let errors = info.withUnsafeBytes { $0.load(fromByteOffset: 4, as: UInt32.self) }
      if errors & ~Self.ignored != 0 { return nil }
      return String(decoding: dest[0..<Int(n)], as: UTF16.self)
    }
  }
}
