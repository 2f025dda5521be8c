import FeBasics
import FoundationEssentials

/// Where npm packages come from and how to authenticate, read from the same places as npm and
/// in the same order (a later one wins): the user's `.npmrc` (`$NPM_CONFIG_USERCONFIG`, else
/// `~/.npmrc`), the project's `.npmrc`, then `npm_config_*`/`NPM_CONFIG_*` environment variables.
///
/// Settings read: `registry`, `@scope:registry`, `//host/path/:_authToken`, `//host/path/:_auth`,
/// `//host/path/:username` + `:_password`, `_auth`/`_authToken` (legacy, for the default
/// registry only), `cafile`, `strict-ssl`, `proxy`, `https-proxy`, `noproxy`, `before`. A credential is keyed by host and path as npm keys it
/// (its "nerf dart"), so it is only ever sent to URLs under that host and path.
public struct NpmConfig: Sendable {
  /// npm's public registry, npm's default.
  public static let defaultRegistry = "https://registry.npmjs.org/"

  /// The default registry, with a trailing slash.
  public private(set) var registry = defaultRegistry
  /// `@scope` → registry URL (trailing slash).
  public private(set) var scopeRegistries: [String: String] = [:]
  /// Nerf dart (`//host[:port]/path/`) → the Authorization header value.
  private var credentials: [String: String] = [:]
  public private(set) var cafile: String?
  public private(set) var strictSSL = true
  /// `proxy` (http URLs, and https ones without `https-proxy`), `https-proxy`, `noproxy`: when set,
  /// they win over the environment's http_proxy/https_proxy/no_proxy, as in npm.
  public private(set) var proxy: String?
  public private(set) var httpsProxy: String?
  public private(set) var noProxy: String?
  /// npm's `before`: only versions published up to this date exist.
  public private(set) var before: Date?
  /// Where each setting came from, for messages (never the secret itself).
  public private(set) var sources: [String: String] = [:]

  public init() {}

  /// The configuration for a project at `projectDir` (nil outside a project).
  public init(projectDir: String?, env: [String: String]) throws {
    var raw: [(key: String, value: String, source: String)] = []
    let home = env["HOME"].flatMap { $0.isEmpty ? nil : $0 }
    let userConfig = env["NPM_CONFIG_USERCONFIG"] ?? env["npm_config_userconfig"] ?? home.map { Path.join($0, ".npmrc") }
    var files: [String] = []
    if let userConfig { files.append(userConfig) }
    if let projectDir {
      let project = Path.join(projectDir, ".npmrc")
      if project != userConfig { files.append(project) }
    }
    for file in files {
      guard let rc = try Npmrc.read(file, env: env) else { continue }
      for e in rc.entries { raw.append((e.key, e.value, file)) }
    }
    // npm: the part after the prefix, lowercased, every `_` but a leading one read as `-`.
    for (name, value) in env.sorted(by: { $0.key < $1.key }) {
      let lower = name.lowercased()
      guard lower.hasPrefix("npm_config_"), !value.isEmpty else { continue }
      var key = String(name.dropFirst("npm_config_".count))
      if !key.hasPrefix("//") {
        let leading = key.hasPrefix("_") ? "_" : ""
        key = leading + String(key.dropFirst(leading.count)).replacing("_", with: "-").lowercased()
      }
      raw.append((key, value, name))
    }
    try apply(raw)
  }

  private mutating func apply(_ raw: [(key: String, value: String, source: String)]) throws {
    var legacyAuth: (String, String)?
    var users: [String: String] = [:]
    var passwords: [String: String] = [:]
    for (key, value, source) in raw {
      if key == "registry" {
        registry = try Self.registryURL(value, key: key, source: source)
        sources[key] = source
      } else if key.hasPrefix("@"), key.hasSuffix(":registry") {
        let scope = String(key.dropLast(":registry".count))
        scopeRegistries[scope] = try Self.registryURL(value, key: key, source: source)
        sources[key] = source
      } else if key.hasPrefix("//"), let colon = key.lastIndex(of: ":") {
        let dart = Self.withSlash(String(key[..<colon]))
        switch key[key.index(after: colon)...] {
        case "_authToken": credentials[dart] = "Bearer \(value)"
        case "_auth": credentials[dart] = "Basic \(value)"
        case "username": users[dart] = value
        case "_password": passwords[dart] = value
        default: continue
        }
        sources[dart] = source
      } else if key == "_authToken" {
        legacyAuth = ("Bearer \(value)", source)
      } else if key == "_auth" {
        legacyAuth = ("Basic \(value)", source)
      } else if key == "cafile" {
        cafile = value
      } else if key == "strict-ssl" {
        strictSSL = value.lowercased() != "false"
      } else if key == "proxy" {
        proxy = value
      } else if key == "https-proxy" {
        httpsProxy = value
      } else if key == "noproxy" || key == "no-proxy" {
        noProxy = value
      } else if key == "before" {
        guard let date = (try? Date(value, strategy: .iso8601)) ?? (try? Date(value + "T00:00:00Z", strategy: .iso8601)) else {
          throw FeError(.config, "\(source): before = \(value) is not a date", hint: "write it as 2024-05-01 or 2024-05-01T12:00:00Z")
        }
        before = date
      }
    }
    // `username` + base64 `_password`, as npm pairs them.
    for (dart, user) in users {
      guard let password64 = passwords[dart], credentials[dart] == nil,
        let password = Base64.decode(password64).map({ String(decoding: $0, as: UTF8.self) })
      else { continue }
      credentials[dart] = "Basic \(Base64.encode(Array("\(user):\(password)".utf8)))"
    }
    if let (value, source) = legacyAuth {
      let dart = Self.nerfDart(registry)
      if credentials[dart] == nil {
        credentials[dart] = value
        sources[dart] = source
      }
    }
  }

  /// The registry a package comes from: its scope's, else the default.
  public func registry(for name: PackageName) -> String {
    if let scope = name.scope, let r = scopeRegistries[scope] { return r }
    return registry
  }

  /// The Authorization header for `url`: the credential configured for the longest host-and-path
  /// prefix of it, or none. A URL on another host (or port) never gets one.
  public func authorization(for url: String) -> String? {
    var dart = Self.nerfDart(url)
    while true {
      if let value = credentials[dart] { return value }
      // Up one path segment: //host/a/b/ → //host/a/ → //host/.
      let trimmed = dart.dropLast()
      guard let slash = trimmed.lastIndex(of: "/"), trimmed.distance(from: trimmed.startIndex, to: slash) > 1 else { return nil }
      dart = String(trimmed[...slash])
    }
  }

  /// Whether any credential is configured for `url`'s host and path (for a 401's hint).
  public func hasCredential(for url: String) -> Bool { authorization(for: url) != nil }

  /// npm's "nerf dart" of a URL: `//host[:port]/path/` without scheme, query, or the last path
  /// segment when it does not end in `/` (so `https://r.example/a/b` → `//r.example/a/`).
  public static func nerfDart(_ url: String) -> String {
    var rest = Substring(url)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    if let q = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) { rest = rest[..<q] }
    guard let slash = rest.firstIndex(of: "/") else { return "//" + rest.lowercased() + "/" }
    let host = rest[..<slash].lowercased()
    var path = rest[slash...]
    if !path.hasSuffix("/"), let last = path.lastIndex(of: "/") { path = path[...last] }
    return "//" + host + path
  }

  static func withSlash(_ s: String) -> String { s.hasSuffix("/") ? s : s + "/" }

  static func registryURL(_ value: String, key: String, source: String) throws -> String {
    let lower = value.lowercased()
    guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), value.count > 8 else {
      throw FeError(
        .config, "\(source): \(key) = \(value) is not an http(s) URL",
        hint: "write the registry's URL, e.g. \(key)=\(defaultRegistry)")
    }
    return withSlash(value)
  }
}

/// Base64 for credentials (`_auth`, `_password`) without Foundation's Data.
enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  static func encode(_ bytes: [UInt8]) -> String {
    var out = [UInt8]()
    var i = 0
    while i < bytes.count {
      let b0 = bytes[i]
      let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0
      let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
      out.append(alphabet[Int(b0 >> 2)])
      out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
      out.append(i + 1 < bytes.count ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      out.append(i + 2 < bytes.count ? alphabet[Int(b2 & 63)] : UInt8(ascii: "="))
      i += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  static func decode(_ text: String) -> [UInt8]? {
    var table = [UInt8: UInt8]()
    for (i, c) in alphabet.enumerated() { table[c] = UInt8(i) }
    table[UInt8(ascii: "-")] = 62
    table[UInt8(ascii: "_")] = 63
    var out = [UInt8]()
    var acc: UInt32 = 0
    var bits = 0
    for c in text.utf8 {
      if c == UInt8(ascii: "=") || c == 10 || c == 13 || c == 32 { continue }
      guard let v = table[c] else { return nil }
      acc = acc << 6 | UInt32(v)
      bits += 6
      if bits >= 8 {
        bits -= 8
        out.append(UInt8((acc >> UInt32(bits)) & 0xff))
      }
    }
    return out
  }
}
