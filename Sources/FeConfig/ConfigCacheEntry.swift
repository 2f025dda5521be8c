import FeBasics
import FeEngine
import FeRuntime

extension ConfigCache {
  /// One cache file: `FECFGC01`, the sha256 of the body, then the body: strings and counts
  /// length-prefixed (u32 LE), the config's value in a tagged encoding that keeps what JSON
  /// cannot (undefined, bytes, NaN, key order). Binary, so a warm launch parses no JSON.
  struct Entry {
    struct ObservedPath {
      var path: String
      var depth: ReadLog.Depth
      var fingerprint: String
    }

    var engineID: String
    var configPath: String
    var cwd: String
    /// The digest of the whole environment, when the config enumerated it.
    var envDigest: String?
    /// Variable name → `ConfigCache.digest(of:)` of its value when the entry was written.
    var env: [(String, String)]
    var paths: [ObservedPath]
    var value: JSValue

    /// nil when the value nests deeper than the decoder accepts.
    func encode() -> [UInt8]? {
      var w = Writer()
      w.string(engineID)
      w.string(configPath)
      w.string(cwd)
      w.string(envDigest ?? "")
      w.count(env.count)
      for (name, digest) in env {
        w.string(name)
        w.string(digest)
      }
      w.count(paths.count)
      for p in paths {
        w.bytes.append(UInt8(p.depth.rawValue))
        w.string(p.path)
        w.string(p.fingerprint)
      }
      guard w.value(value, depth: 0) else { return nil }
      var h = SHA256()
      h.update(w.bytes)
      return ConfigCache.magic + h.finalize() + w.bytes
    }

    static func decode(_ file: [UInt8]) throws(CorruptEntry) -> Entry {
      let head = ConfigCache.magic.count + 32
      guard file.count >= head, Array(file[0..<ConfigCache.magic.count]) == ConfigCache.magic else { throw CorruptEntry() }
      let body = Array(file[head...])
      var h = SHA256()
      h.update(body)
      guard h.finalize() == Array(file[ConfigCache.magic.count..<head]) else { throw CorruptEntry() }
      var r = Reader(bytes: body)
      let engineID = try r.string()
      let configPath = try r.string()
      let cwd = try r.string()
      let envDigest = try r.string()
      var env: [(String, String)] = []
      for _ in 0..<(try r.count()) { env.append((try r.string(), try r.string())) }
      var paths: [ObservedPath] = []
      for _ in 0..<(try r.count()) {
        guard let depth = ReadLog.Depth(rawValue: Int(try r.byte())) else { throw CorruptEntry() }
        paths.append(ObservedPath(path: try r.string(), depth: depth, fingerprint: try r.string()))
      }
      let value = try r.value(depth: 0)
      guard r.offset == body.count else { throw CorruptEntry() }
      return Entry(
        engineID: engineID, configPath: configPath, cwd: cwd, envDigest: envDigest.isEmpty ? nil : envDigest, env: env,
        paths: paths, value: value)
    }
  }

  struct CorruptEntry: Error {}

  /// Deeper values are not cached (the config is evaluated at every launch instead).
  static let maxDepth = 200

  private enum Tag: UInt8 {
    case undefined, null, `false`, `true`, number, string, array, object, bytes
  }

  struct Writer {
    var bytes: [UInt8] = []

    mutating func count(_ n: Int) {
      let v = UInt32(truncatingIfNeeded: n)
      for i in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(i)))) }
    }

    mutating func string(_ s: String) {
      let utf8 = Array(s.utf8)
      count(utf8.count)
      bytes += utf8
    }

    mutating func value(_ v: JSValue, depth: Int) -> Bool {
      guard depth < ConfigCache.maxDepth else { return false }
      switch v {
      case .undefined: bytes.append(Tag.undefined.rawValue)
      case .null: bytes.append(Tag.null.rawValue)
      case .bool(let b): bytes.append(b ? Tag.true.rawValue : Tag.false.rawValue)
      case .number(let d):
        bytes.append(Tag.number.rawValue)
        let bits = d.bitPattern
        for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(i)))) }
      case .string(let s):
        bytes.append(Tag.string.rawValue)
        string(s)
      case .bytes(let b):
        bytes.append(Tag.bytes.rawValue)
        count(b.count)
        bytes += b
      case .array(let items):
        bytes.append(Tag.array.rawValue)
        count(items.count)
        for item in items where !value(item, depth: depth + 1) { return false }
      case .object(let entries):
        bytes.append(Tag.object.rawValue)
        count(entries.count)
        for (k, item) in entries {
          string(k)
          if !value(item, depth: depth + 1) { return false }
        }
      }
      return true
    }
  }

  struct Reader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() throws(CorruptEntry) -> UInt8 {
      guard offset < bytes.count else { throw CorruptEntry() }
      defer { offset += 1 }
      return bytes[offset]
    }

    mutating func count() throws(CorruptEntry) -> Int {
      guard bytes.count - offset >= 4 else { throw CorruptEntry() }
      var v = 0
      for i in 0..<4 { v |= Int(bytes[offset + i]) << (8 * i) }
      offset += 4
      // Every counted item takes at least one byte: a larger count is corrupt, not a huge allocation.
      guard v <= bytes.count - offset else { throw CorruptEntry() }
      return v
    }

    mutating func raw(_ n: Int) throws(CorruptEntry) -> ArraySlice<UInt8> {
      guard bytes.count - offset >= n else { throw CorruptEntry() }
      defer { offset += n }
      return bytes[offset..<(offset + n)]
    }

    mutating func string() throws(CorruptEntry) -> String {
      String(decoding: try raw(try count()), as: UTF8.self)
    }

    mutating func value(depth: Int) throws(CorruptEntry) -> JSValue {
      guard depth < ConfigCache.maxDepth, let tag = Tag(rawValue: try byte()) else { throw CorruptEntry() }
      switch tag {
      case .undefined: return .undefined
      case .null: return .null
      case .false: return .bool(false)
      case .true: return .bool(true)
      case .number:
        var bits: UInt64 = 0
        for (i, b) in try raw(8).enumerated() { bits |= UInt64(b) << (8 * UInt64(i)) }
        return .number(Double(bitPattern: bits))
      case .string: return .string(try string())
      case .bytes: return .bytes(Array(try raw(try count())))
      case .array:
        var items: [JSValue] = []
        for _ in 0..<(try count()) { items.append(try value(depth: depth + 1)) }
        return .array(items)
      case .object:
        var entries: [(String, JSValue)] = []
        for _ in 0..<(try count()) { entries.append((try string(), try value(depth: depth + 1))) }
        return .object(entries)
      }
    }
  }
}
