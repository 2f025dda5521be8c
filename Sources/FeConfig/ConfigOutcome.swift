import FeBasics
import FeEngine
import FeRuntime

/// What the config sandbox's process sends back on its result pipe: the config's value and what
/// the evaluation observed (for the cache), or the error to report. In the cache's encoding, so
/// it keeps what JSON cannot (undefined, bytes, key order).
public enum ConfigOutcome {
  case evaluated(JSValue, ConfigObservations?)
  case failed(FeError)

  static let magic = Array("FECFGR01".utf8)

  /// nil when the value nests deeper than the encoding takes.
  public func encode() -> [UInt8]? {
    var w = ConfigCache.Writer()
    switch self {
    case .failed(let e):
      w.bytes.append(0)
      w.string(e.kind.rawValue)
      w.string(e.message)
      w.string(e.hint ?? "")
    case .evaluated(let value, let observed):
      w.bytes.append(observed == nil ? 1 : 2)
      guard w.value(value, depth: 0) else { return nil }
      if let observed {
        w.count(observed.paths.count)
        for (path, depth) in observed.paths.sorted(by: { $0.key < $1.key }) {
          w.bytes.append(UInt8(depth.rawValue))
          w.string(path)
        }
        w.count(observed.envNames.count)
        for name in observed.envNames { w.string(name) }
        w.bytes.append(observed.allEnv ? 1 : 0)
        w.string(observed.volatileReason ?? "")
      }
    }
    return ConfigOutcome.magic + w.bytes
  }

  public static func decode(_ bytes: [UInt8]) -> ConfigOutcome? {
    guard bytes.count > magic.count, Array(bytes[0..<magic.count]) == magic else { return nil }
    var r = ConfigCache.Reader(bytes: Array(bytes[magic.count...]))
    do {
      let tag = try r.byte()
      let outcome: ConfigOutcome
      switch tag {
      case 0:
        guard let kind = FeError.Kind(rawValue: try r.string()) else { return nil }
        let message = try r.string()
        let hint = try r.string()
        outcome = .failed(FeError(kind, message, hint: hint.isEmpty ? nil : hint))
      case 1, 2:
        let value = try r.value(depth: 0)
        var observed: ConfigObservations?
        if tag == 2 {
          var o = ConfigObservations()
          for _ in 0..<(try r.count()) {
            guard let depth = ReadLog.Depth(rawValue: Int(try r.byte())) else { return nil }
            o.paths[try r.string()] = depth
          }
          for _ in 0..<(try r.count()) { o.envNames.append(try r.string()) }
          o.allEnv = try r.byte() == 1
          let reason = try r.string()
          o.volatileReason = reason.isEmpty ? nil : reason
          observed = o
        }
        outcome = .evaluated(value, observed)
      default:
        return nil
      }
      return r.offset == r.bytes.count ? outcome : nil
    } catch {
      return nil
    }
  }
}
