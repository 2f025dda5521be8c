import FeBasics
import FeEngine
import FeSemver

/// An evaluated fe.config.js: which tool versions the project pins, and the rest of its
/// settings for the tools themselves.
public struct ProjectConfig: Sendable {
  /// The config file and the project directory it stands in.
  public let path: String
  public var directory: String { Path.dirname(path) }
  /// Everything the config returned, for tools (`ctx.config`).
  public let value: JSValue
  /// tool name → range as written, including `fe` itself.
  public let pins: [String: String]
  public let registry: String?

  /// The pin of `tool`, parsed; nil when the config does not pin it.
  public func selector(for tool: String) throws -> VersionSelector? {
    guard let text = pins[tool] else { return nil }
    do {
      return try VersionSelector(parsing: text)
    } catch {
      throw ConfigError.invalid(path, "the range \"\(text)\" pinned for \(tool) is not valid: \(error.reason)")
    }
  }

  /// Validates the shape: an object; `fe` a string; `tools` an object of strings; `registry` a string.
  public init(path: String, value: JSValue) throws {
    self.path = path
    self.value = value
    guard case .object = value else {
      throw ConfigError.invalid(path, "it must export an object (or a function returning one), not \(value.kindName)")
    }
    var pins: [String: String] = [:]
    if let fe = value["fe"] {
      guard case .string(let s) = fe else {
        throw ConfigError.invalid(path, "`fe` must be a version range string like \"^2.1.0\", not \(fe.kindName)")
      }
      pins["fe"] = s
    }
    if let tools = value["tools"], tools != .undefined {
      guard case .object(let entries) = tools else {
        throw ConfigError.invalid(path, "`tools` must be an object of tool names to ranges, like { tsc: \"4.8.x\" }")
      }
      for (name, range) in entries {
        guard case .string(let s) = range else {
          throw ConfigError.invalid(path, "tools.\(name) must be a version range string, not \(range.kindName)")
        }
        pins[name] = s
      }
    }
    self.pins = pins
    switch value["registry"] {
    case nil, .undefined?, .null?: registry = nil
    case .string(let s)?: registry = s
    case let other?: throw ConfigError.invalid(path, "`registry` must be a URL or path string, not \(other.kindName)")
    }
    for tool in pins.keys { _ = try selector(for: tool) }
  }
}

extension SemverError {
  var reason: String { "\(self)" }
}

extension JSValue {
  var kindName: String {
    switch self {
    case .undefined: return "undefined"
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array: return "an array"
    case .object: return "an object"
    case .bytes: return "binary data"
    }
  }
}
