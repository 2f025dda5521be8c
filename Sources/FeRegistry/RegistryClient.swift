import FeBasics
import FeStore

/// Reads one registry: a tool's index (with its signature checked) and the files the index
/// lists (each checked against its size and sha256 before anyone sees its bytes).
public final class RegistryClient {
  public let location: RegistryLocation
  private let http: HTTPClient?

  /// A client for `location`; http(s) registries go through `transport` (libcurl by default).
  public init(location: RegistryLocation, settings: TransferSettings, transport: HTTPTransport? = nil) throws {
    self.location = location
    guard case .http(let base) = location else {
      http = nil
      return
    }
    let chosen: HTTPTransport
    if let transport {
      chosen = transport
    } else {
      do {
        chosen = try CurlSession().transport
      } catch {
        throw FeError(.internalError, "cannot start an HTTP session: \(error)", hint: "check that libcurl is installed")
      }
    }
    http = HTTPClient(settings: settings, transport: chosen, registry: base)
  }

  /// The tool's index, checked against `trusted` keys; nil when the registry has no such tool.
  public func index(of tool: String, trusted: [Ed25519Key]) throws -> (index: RegistryIndex, origin: String)? {
    try Names.validateTool(tool)
    let origin = location.locate(tool: tool, "index.json")
    let bytes: [UInt8]
    let signature: [UInt8]?
    switch location {
    case .directory(let root):
      guard FileSystem.isDirectory(root) else {
        throw FeError(
          .registry, "the registry directory \(root) does not exist",
          hint: "check --registry, FE_REGISTRY or `registry` in fe.config.js")
      }
      guard let read = try FileSystem.read(origin) else { return nil }
      guard read.count <= RegistryIndex.maxIndexSize else {
        throw RegistryIndex.malformed(origin, "it is larger than \(RegistryIndex.maxIndexSize) bytes")
      }
      bytes = read
      signature = trusted.isEmpty ? nil : try FileSystem.read(origin + ".sig")
    case .http:
      guard let http, let fetched = try http.fetch(origin, limit: RegistryIndex.maxIndexSize) else { return nil }
      bytes = fetched
      // Without trusted keys a signature proves nothing, so it is not even fetched.
      signature = trusted.isEmpty ? nil : try http.fetch(origin + ".sig", limit: 64 << 10)
    }
    try IndexSignature.verify(index: bytes, signature: signature, trusted: trusted, origin: origin)
    return (try RegistryIndex.decode(bytes, tool: tool, origin: origin), origin)
  }

  /// A file the index lists (`path` under the tool's directory), verified against `size` and
  /// `sha256`. Over HTTP it is downloaded into `staging` (a file in the store's tmp/) first.
  public func file(
    tool: String, path: String, sha256: String, size: Int64, staging: String, progress: ((Int64) -> Void)? = nil
  ) throws -> [UInt8] {
    let origin = location.locate(tool: tool, path)
    let bytes: [UInt8]
    switch location {
    case .directory:
      guard let actual = FileSystem.size(origin) else {
        throw FeError(
          .registry, "\(origin) is listed in the registry's index but does not exist",
          hint: "the registry is incomplete: republish that version")
      }
      guard Int64(actual) == size else { throw sizeMismatch(origin, found: Int64(actual), listed: size) }
      bytes = try FileSystem.read(origin) ?? []
    case .http:
      guard let http else { throw FeError(.internalError, "no HTTP client for \(origin)", hint: "this is a bug in fe; please report it") }
      try http.download(origin, to: staging, expectedSize: size, progress: progress)
      bytes = try FileSystem.read(staging) ?? []
    }
    guard Int64(bytes.count) == size else { throw sizeMismatch(origin, found: Int64(bytes.count), listed: size) }
    let actual = SHA256.hex(bytes)
    guard actual == sha256 else {
      throw FeError(
        .integrity,
        "\(origin) does not match the sha256 in the registry's index (got \(actual.prefix(12))…, expected \(sha256.prefix(12))…)",
        hint:
          "nothing was installed; the file was damaged or tampered with on the way or on the server: try again, and tell the registry's maintainers if it persists"
      )
    }
    return bytes
  }

  private func sizeMismatch(_ origin: String, found: Int64, listed: Int64) -> FeError {
    FeError(
      .integrity, "\(origin) is \(found) bytes, but the registry's index lists \(listed)",
      hint: "nothing was installed; the registry serves a different file than it published: tell its maintainers")
  }
}
