import FeBasics

/// A JavaScript value as Swift data: everything JSON can hold, plus `undefined` and bytes.
/// Used where values cross the boundary as a whole (configs, tool context, test results).
public enum JSValue: Equatable, Sendable, CustomStringConvertible {
  case undefined
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSValue])
  /// Keys in the order JavaScript enumerates them.
  case object([(String, JSValue)])
  case bytes([UInt8])

  public static func == (a: JSValue, b: JSValue) -> Bool {
    switch (a, b) {
    case (.undefined, .undefined), (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)): return x.map(\.0) == y.map(\.0) && x.map(\.1) == y.map(\.1)
    case (.bytes(let x), .bytes(let y)): return x == y
    default: return false
    }
  }

  public subscript(key: String) -> JSValue? {
    if case .object(let entries) = self { return entries.first { $0.0 == key }?.1 }
    return nil
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var isObject: Bool {
    if case .object = self { return true }
    return false
  }

  /// Compact JSON text (`undefined` members are skipped as JSON.stringify does).
  public var json: String {
    var out = ""
    write(into: &out)
    return out
  }

  public var description: String { json }

  private func write(into out: inout String) {
    switch self {
    case .undefined, .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let d):
      if d.isNaN || d.isInfinite {
        out += "null"
      } else if d == d.rounded(), abs(d) < 1e15 {
        out += String(Int64(d))
      } else {
        out += "\(d)"
      }
    case .string(let s): JSONString.quote(s, into: &out)
    case .bytes(let b): JSValue.array(b.map { .number(Double($0)) }).write(into: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if case .undefined = item { out += "null" } else { item.write(into: &out) }
      }
      out += "]"
    case .object(let entries):
      out += "{"
      var first = true
      for (k, v) in entries {
        if case .undefined = v { continue }
        if !first { out += "," }
        first = false
        JSONString.quote(k, into: &out)
        out += ":"
        v.write(into: &out)
      }
      out += "}"
    }
  }
}
