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

  /// The pin of `tool`, parsed; nil when the config does not pin it. For an npm pin
  /// (`npm:typescript@4.8.x`) it is the package's range or tag: the blob is versioned as the package.
  public func selector(for tool: String) throws -> VersionSelector? {
    guard let pin = pins[tool] else { return nil }
    let text: String
    if let npm = npmSpec(for: tool) {
      guard let split = Self.splitNpmSpec(npm) else {
        throw ConfigError.invalid(
          path, "\(Self.pinLabel(tool)) = \"\(pin)\" names no npm package; write npm:<package>[@<range or tag>], e.g. npm:typescript@4.8.x")
      }
      text = split.selector ?? "latest"
    } else {
      text = pin
    }
    do {
      return try VersionSelector(parsing: text)
    } catch {
      throw ConfigError.invalid(path, "the range \"\(text)\" pinned for \(tool) is not valid: \(error.reason)")
    }
  }

  /// Where `tool`'s pin is written in the config: `fe` for the main tool, else `tools.<name>`.
  public static func pinLabel(_ tool: String) -> String { tool == "fe" ? "fe" : "tools.\(tool)" }

  /// `npm:<package>[@<range or tag>]` when `tool`'s pin names an npm package, else nil.
  public func npmSpec(for tool: String) -> String? {
    guard let pin = pins[tool], pin.hasPrefix("npm:") else { return nil }
    return pin
  }

  /// The package and the range or tag of `npm:<package>[@<selector>]` (a scope's `@` belongs to
  /// the name); nil when no package is named.
  public static func splitNpmSpec(_ spec: String) -> (package: String, selector: String?)? {
    let body = spec.hasPrefix("npm:") ? spec.dropFirst(4) : Substring(spec)
    let from = body.hasPrefix("@") ? body.index(after: body.startIndex) : body.startIndex
    guard let at = body[from...].firstIndex(of: "@") else { return body.isEmpty ? nil : (String(body), nil) }
    let name = String(body[..<at])
    let selector = String(body[body.index(after: at)...])
    guard !name.isEmpty, !name.hasSuffix("/") else { return nil }
    return (name, selector.isEmpty ? nil : selector)
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
