import FoundationEssentials

/// Any JSON document, decoded without a schema: registries and package.json files carry fields
/// in more shapes than their documentation admits (`bin` as a string or an object,
/// `bundleDependencies` as a list or `true`, `deprecated: false`), so manifests are read from
/// this leniently instead of failing on a field fe does not need.
public indirect enum JSONValue: Decodable, Equatable, Sendable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([String: JSONValue])

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if c.decodeNil() {
      self = .null
    } else if let b = try? c.decode(Bool.self) {
      self = .bool(b)
    } else if let n = try? c.decode(Double.self) {
      self = .number(n)
    } else if let s = try? c.decode(String.self) {
      self = .string(s)
    } else if let a = try? c.decode([JSONValue].self) {
      self = .array(a)
    } else {
      self = .object(try c.decode([String: JSONValue].self))
    }
  }

  /// The document in `bytes`, or nil when they are not JSON.
  public static func parse(_ bytes: [UInt8]) -> JSONValue? {
    try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
  }

  /// The document in `text`, or the decoder's error.
  public static func parse(_ text: String) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
  }

  public subscript(_ key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var object: [String: JSONValue]? {
    if case .object(let o) = self { return o }
    return nil
  }

  public var array: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// A `{name: string}` map (dependencies, bin); entries that are not strings are dropped.
  public var stringMap: [String: String] {
    guard let o = object else { return [:] }
    var out: [String: String] = [:]
    for (k, v) in o { if let s = v.string { out[k] = s } }
    return out
  }

  /// A list of strings; a single string counts as a list of one.
  public var stringList: [String] {
    if let s = string { return [s] }
    return (array ?? []).compactMap(\.string)
  }
}
