import FeBasics

/// One `.npmrc` file read as npm reads it (the `ini` package): `key = value` lines, `;` and `#`
/// comments, optional quotes, and `${VAR}` (or `${VAR?}`) replaced from the environment in keys
/// and values. Sections and `key[]` arrays are not settings npm's install reads; they are skipped.
struct Npmrc {
  /// Settings in file order; a later line wins over an earlier one for the same key.
  var entries: [(key: String, value: String)] = []
  let path: String

  init(path: String, text: String, env: [String: String]) throws {
    self.path = path
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmed()
      if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") || line.hasPrefix("[") { continue }
      guard let eq = line.firstIndex(of: "=") else {
        // npm reads a bare key as `true`; no setting fe reads is a flag, so it is skipped.
        continue
      }
      let key = try Self.expand(String(line[..<eq]).trimmed(), env: env, path: path, line: number + 1)
      var value = String(line[line.index(after: eq)...]).trimmed()
      if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
        value = String(value.dropFirst().dropLast())
      }
      if key.hasSuffix("[]") { continue }
      entries.append((key, try Self.expand(value, env: env, path: path, line: number + 1)))
    }
  }

  /// The file at `path`, or nil when there is none.
  static func read(_ path: String, env: [String: String]) throws -> Npmrc? {
    guard let text = try FileSystem.readString(path) else { return nil }
    return try Npmrc(path: path, text: text, env: env)
  }

  /// `${NAME}` replaced by the variable; npm fails on an unset one unless written `${NAME?}`.
  static func expand(_ text: String, env: [String: String], path: String, line: Int) throws -> String {
    guard text.contains("${") else { return text }
    var out = ""
    var rest = Substring(text)
    while let start = rest.firstRange(of: "${") {
      out += rest[..<start.lowerBound]
      // A backslash before `$` keeps the text as it is.
      if out.hasSuffix("\\") {
        out.removeLast()
        out += "${"
        rest = rest[start.upperBound...]
        continue
      }
      guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
        out += rest[start.lowerBound...]
        return out
      }
      var name = String(rest[start.upperBound..<close])
      let optional = name.hasSuffix("?")
      if optional { name.removeLast() }
      if let value = env[name] {
        out += value
      } else if !optional {
        throw FeError(
          .config, "\(path):\(line) uses ${\(name)}, which is not set",
          hint: "set \(name) in the environment, or write ${\(name)?} to let it be empty")
      }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
