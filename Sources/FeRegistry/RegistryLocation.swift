import FeBasics

/// Where a registry is: a directory (a path or a `file://` URL) or an `http(s)://` base URL.
/// Either way the layout under it is the same (`<tool>/index.json`, `<tool>/<version>/…`).
public enum RegistryLocation: Equatable, Sendable, CustomStringConvertible {
  case directory(String)
  /// The base URL, without a trailing slash.
  case http(String)

  /// Reads what the user wrote (`--registry`, FE_REGISTRY, `registry` in fe.config.js).
  public init(parsing text: String, cwd: String) throws {
    let trimmed = text.trimmed(of: " \t\r\n")
    let lower = trimmed.lowercased()
    if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
      var base = Substring(trimmed)
      while base.hasSuffix("/") { base = base.dropLast() }
      guard let origin = URLOrigin(String(base)), !origin.host.isEmpty else {
        throw FeError(.usage, "\"\(text)\" is not a valid registry URL", hint: "write it like https://blobs.example.com/fe")
      }
      if base.contains("?") || base.contains("#") {
        throw FeError(.usage, "the registry URL \"\(text)\" has a query or fragment", hint: "give the base URL of the registry tree")
      }
      self = .http(String(base))
    } else if lower.hasPrefix("file://") {
      var rest = String(trimmed.dropFirst("file://".count))
      if rest.lowercased().hasPrefix("localhost/") { rest = String(rest.dropFirst("localhost".count)) }
      guard rest.hasPrefix("/"), let path = Self.percentDecoded(rest) else {
        throw FeError(.usage, "\"\(text)\" is not a file URL of a local directory", hint: "write it like file:///srv/fe-registry")
      }
      self = .directory(Path.normalize(path))
    } else if let colon = trimmed.firstRange(of: "://"), !trimmed[..<colon.lowerBound].contains("/") {
      throw FeError(
        .usage, "fe cannot fetch from a \(trimmed[..<colon.lowerBound]):// registry",
        hint: "use an http://, https:// or file:// URL, or a directory path")
    } else if trimmed.isEmpty {
      throw FeError(.usage, "the registry is empty", hint: "pass --registry <url or directory>")
    } else {
      self = .directory(Path.absolute(trimmed, from: cwd))
    }
  }

  public var description: String {
    switch self {
    case .directory(let path): return path
    case .http(let url): return url
    }
  }

  /// Where `relative` (a checked path under the tool's directory) is.
  public func locate(tool: String, _ relative: String) -> String {
    switch self {
    case .directory(let root): return Path.join(root, tool, relative)
    case .http(let base): return "\(base)/\(tool)/\(relative)"
    }
  }

  private static func percentDecoded(_ s: String) -> String? {
    var out: [UInt8] = []
    var bytes = Array(s.utf8)[...]
    while let b = bytes.popFirst() {
      if b == UInt8(ascii: "%") {
        guard bytes.count >= 2, let v = UInt8(String(decoding: bytes.prefix(2), as: UTF8.self), radix: 16) else { return nil }
        out.append(v)
        bytes = bytes.dropFirst(2)
      } else {
        out.append(b)
      }
    }
    return String(validating: out, as: UTF8.self)
  }
}

/// The scheme, host and port of a URL: what decides whether a request goes to the registry's
/// own server (and so may carry its token).
public struct URLOrigin: Equatable, Sendable, CustomStringConvertible {
  public let scheme: String
  public let host: String
  public let port: Int

  public init?(_ url: String) {
    guard let sep = url.firstRange(of: "://") else { return nil }
    let scheme = url[..<sep.lowerBound].lowercased()
    guard scheme == "http" || scheme == "https" else { return nil }
    let afterScheme = url[sep.upperBound...]
    var authority = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
    var host: Substring
    var portText: Substring?
    if authority.hasPrefix("[") {
      guard let close = authority.firstIndex(of: "]") else { return nil }
      host = authority[...close]
      let after = authority[authority.index(after: close)...]
      if after.hasPrefix(":") { portText = after.dropFirst() }
    } else if let colon = authority.lastIndex(of: ":") {
      host = authority[..<colon]
      portText = authority[authority.index(after: colon)...]
    } else {
      host = authority
    }
    // The same server whether the URL spells the default port or not.
    let defaultPort = scheme == "https" ? 443 : 80
    if let portText, !portText.isEmpty {
      guard let p = Int(portText), p > 0, p < 65536 else { return nil }
      port = p
    } else {
      port = defaultPort
    }
    self.scheme = scheme
    self.host = host.lowercased()
  }

  public var description: String {
    let standard = (scheme == "https" && port == 443) || (scheme == "http" && port == 80)
    return "\(scheme)://\(host)\(standard ? "" : ":\(port)")"
  }
}
