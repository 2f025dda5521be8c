import FeBasics
import FeRegistry
import FoundationEssentials

/// Talks to npm registries over fe's HTTP client: packuments (abbreviated, revalidated from the
/// metadata cache), signing keys and tarballs, each from the registry that .npmrc names for the
/// package, with the credential configured for exactly that host and path.
public final class NpmRegistryClient {
  public let config: NpmConfig
  let settings: TransferSettings
  let cacheDir: String
  let offline: Bool
  /// Only versions published up to this date count (npm's `before`, or a minimum release age);
  /// it needs the full packuments, which carry publish times.
  public let before: Date?
  /// One connection for metadata, kept alive across packuments (resolution is sequential).
  private var metadataHTTP: HTTPClient?
  private var packuments: [PackageName: Packument?] = [:]
  private let metadata: MetadataCache
  private let makeTransport: () throws -> HTTPTransport
  /// Signing keys per registry (RegistryKeysFetch), nil inside when a registry has none.
  var keysByRegistry: [String: RegistryKeys?] = [:]
  let keysMemo = Mutex()

  /// The Accept header npm sends for installs.
  static let abbreviatedAccept = "application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*"
  /// A packument larger than this is refused (the largest on npmjs.org are tens of MB).
  static let maxPackumentSize = 256 << 20

  /// `settings` come from the environment (timeouts, proxies); the npm config adds its cafile.
  /// `transport` makes one transport per connection (libcurl by default).
  public init(
    config: NpmConfig, settings: TransferSettings, cacheDir: String, offline: Bool = false, minReleaseAgeDays: Double? = nil,
    transport: (() throws -> HTTPTransport)? = nil
  ) throws {
    if !config.strictSSL {
      throw FeError(
        .config, "strict-ssl=false (from \(config.sources["strict-ssl"] ?? ".npmrc")) would accept any certificate, which fe does not do",
        hint: "point cafile= in .npmrc (or NODE_EXTRA_CA_CERTS) at the registry's CA certificate instead")
    }
    self.config = config
    var s = settings
    if let ca = config.cafile, !s.extraCAFiles.contains(ca) { s.extraCAFiles.append(ca) }
    if let p = config.proxy { s.proxy.http = p }
    if let p = config.httpsProxy ?? config.proxy { s.proxy.https = p }
    if let n = config.noProxy { s.proxy.noProxy = n }
    // npm's credentials are per host in .npmrc; FE_REGISTRY_TOKEN belongs to fe's own registries.
    s.token = nil
    self.settings = s
    self.cacheDir = cacheDir
    self.offline = offline
    let ageCutoff = minReleaseAgeDays.map { Date(timeIntervalSinceNow: -$0 * 86400) }
    before = [config.before, ageCutoff].compactMap { $0 }.min()
    metadata = MetadataCache(dir: Path.join(cacheDir, "metadata"))
    makeTransport = transport ?? { try CurlSession().transport }
  }

  /// A client with its own connection (one per download thread).
  func http() throws -> HTTPClient {
    let config = self.config
    let transport = try makeTransport()
    return HTTPClient(
      settings: settings, transport: transport, registry: nil,
      authorize: { config.authorization(for: $0) },
      authHint: "the registry refused the request: configure a token for its host in .npmrc "
        + "(//host/path/:_authToken=…, or NPM_CONFIG_//host/path/:_authToken); fe never sends a token configured for another host")
  }

  /// The packument URL of `name`.
  public func packumentURL(_ name: PackageName) -> String { config.registry(for: name) + name.urlPath }

  /// `name`'s packument, or nil when the registry has no such package. Fetched once per client.
  public func packument(_ name: PackageName) throws -> Packument? {
    if let known = packuments[name] { return known }
    let url = packumentURL(name)
    let kind = before == nil ? "abbreviated" : "full"
    let cached = metadata.read(url, kind: kind)
    var result: Packument?
    if offline {
      guard let cached else {
        throw FeError(
          .registry, "\(name) is not in the npm metadata cache, and fe is offline",
          hint: "run the install once without --offline")
      }
      result = try Packument(name: name, bytes: cached.body, url: url)
    } else {
      var headers: [(name: String, value: String)] = [("Accept", before == nil ? Self.abbreviatedAccept : "application/json")]
      if let etag = cached?.etag { headers.append(("If-None-Match", etag)) }
      if let lm = cached?.lastModified { headers.append(("If-Modified-Since", lm)) }
      let client = try metadataHTTP ?? http()
      metadataHTTP = client
      switch try client.fetch(url, limit: Self.maxPackumentSize, headers: headers) {
      case .notFound:
        result = nil
      case .notModified:
        guard let cached else { throw FeError(.registry, "\(url) answered 304 to a request without validators") }
        result = try Packument(name: name, bytes: cached.body, url: url)
      case .body(let bytes, let h):
        let packument = try Packument(name: name, bytes: bytes, url: url)
        metadata.write(url, .init(body: bytes, etag: h["etag"], lastModified: h["last-modified"]), kind: kind)
        result = packument
      }
    }
    packuments[name] = result
    return result
  }
}
