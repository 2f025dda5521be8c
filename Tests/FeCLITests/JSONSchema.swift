// A validator for the subset of JSON Schema 2020-12 that docs/schemas/*.schema.json use:
// type, enum, const, properties, required, additionalProperties, items, minimum, $ref to
// #/$defs/…. An unknown keyword is an error, so a schema cannot silently use more than this checks.
import Foundation

import FeBasics

/// The schema tests read documents with fe's own lenient JSON value.
typealias JSON = JSONValue

extension JSONValue {
  static func load(_ path: String) throws -> JSONValue {
    try parse(String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self))
  }
}

struct JSONSchema {
  let root: JSON

  /// docs/schemas/<name>.schema.json in this repository.
  static func named(_ name: String) throws -> JSONSchema {
    JSONSchema(root: try JSON.load(Fe.repo + "/docs/schemas/\(name).schema.json"))
  }

  static let known: Set<String> = [
    "$schema", "$id", "$defs", "$ref", "title", "description", "type", "enum", "const", "properties", "required",
    "additionalProperties", "items", "minimum",
  ]

  /// Keywords anywhere in the schema that this validator does not check.
  func unsupportedKeywords() -> [String] {
    var out: [String] = []
    func walk(_ schema: JSON, _ path: String) {
      guard case .object(let s) = schema else { return }
      for key in s.keys where !Self.known.contains(key) { out.append("\(path).\(key)") }
      for key in ["items", "additionalProperties"] { if let sub = s[key] { walk(sub, "\(path).\(key)") } }
      for key in ["properties", "$defs"] {
        if case .object(let subs)? = s[key] { for (name, sub) in subs { walk(sub, "\(path).\(key).\(name)") } }
      }
    }
    walk(root, "$")
    return out
  }

  /// Every violation of the schema by `value`, as `path: problem` (empty when valid).
  func errors(_ value: JSON) -> [String] {
    var out: [String] = []
    check(value, root, "$", &out)
    return out
  }

  private func check(_ value: JSON, _ schema: JSON, _ path: String, _ out: inout [String]) {
    guard case .object(let s) = schema else {
      if schema != .bool(true) { out.append("\(path): the schema is not an object") }
      return
    }
    for key in s.keys where !Self.known.contains(key) { out.append("\(path): unsupported schema keyword \(key)") }
    if case .string(let ref)? = s["$ref"] {
      let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
      guard let target = root["$defs"]?[name] else { return out.append("\(path): unresolved $ref \(ref)") }
      check(value, target, path, &out)
    }
    if let type = s["type"] {
      let allowed: [String]
      switch type {
      case .string(let t): allowed = [t]
      case .array(let ts): allowed = ts.compactMap { if case .string(let t) = $0 { return t } else { return nil } }
      default: allowed = []
      }
      if !allowed.contains(where: { Self.matches(value, type: $0) }) {
        out.append("\(path): \(Self.describe(value)) is not of type \(allowed.joined(separator: "|"))")
        return
      }
    }
    if case .array(let options)? = s["enum"], !options.contains(value) {
      out.append("\(path): \(Self.describe(value)) is not one of the allowed values")
    }
    if let constant = s["const"], constant != value { out.append("\(path): \(Self.describe(value)) is not the constant") }
    if case .number(let min)? = s["minimum"], case .number(let n) = value, n < min { out.append("\(path): \(n) < \(min)") }
    if case .object(let object) = value {
      if case .array(let required)? = s["required"] {
        for case .string(let key) in required where object[key] == nil { out.append("\(path): missing \"\(key)\"") }
      }
      let properties: [String: JSON]
      if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
      for (key, v) in object.sorted(by: { $0.key < $1.key }) {
        if let sub = properties[key] {
          check(v, sub, "\(path).\(key)", &out)
        } else if let extra = s["additionalProperties"] {
          if extra == .bool(false) {
            out.append("\(path): unexpected property \"\(key)\"")
          } else {
            check(v, extra, "\(path).\(key)", &out)
          }
        }
      }
    }
    if case .array(let items) = value, let sub = s["items"] {
      for (i, v) in items.enumerated() { check(v, sub, "\(path)[\(i)]", &out) }
    }
  }

  static func matches(_ value: JSON, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
      return true
    case ("integer", .number(let n)): return n.rounded() == n
    default: return false
    }
  }

  static func describe(_ value: JSON) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return "\(b)"
    case .number(let n): return "\(n)"
    case .string(let s): return "\"\(s.prefix(40))\""
    case .array: return "an array"
    case .object: return "an object"
    }
  }
}
