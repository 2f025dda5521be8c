import FeBasics
import FeStore
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `$FE_HOME/registry-serials.json`: the highest `serial` of a signed index fe has accepted, per
/// registry (as configured: URL or directory) and tool. With it fe refuses an index that is
/// older than one it has already seen, as TUF-style updaters do, so a mirror or cache cannot
/// replay the version list from before a security release.
///
///     { "serials": { "https://blobs.example.com": { "fe": 12 } }, "version": 1 }
///
/// Only indexes verified against trusted keys are checked and recorded: without a signature
/// anyone who can change an index can change its serial too. The record is state, not cache:
/// deleting it forgets what was seen (the next signed index is accepted and recorded again).
public struct IndexSerials: Codable, Sendable, Equatable {
  public static let currentVersion = 1

  public var version: Int
  /// Registry → tool → the highest serial accepted.
  public var serials: [String: [String: Int]]

  public init(serials: [String: [String: Int]] = [:]) {
    version = Self.currentVersion
    self.serials = serials
  }

  /// The highest serial accepted for `tool` from `registry`, if any.
  public func highest(registry: String, tool: String) -> Int? { serials[registry]?[tool] }

  /// Pretty JSON with sorted keys and a final newline.
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(self)) ?? Data("{\"serials\":{},\"version\":1}".utf8)
    return Array(data) + [0x0A]
  }

  /// The record at `path`; missing, unreadable or malformed reads as empty (it only ever
  /// tightens what is accepted, and the next signed index fills it again).
  public static func read(_ path: String) -> IndexSerials {
    guard let bytes = try? FileSystem.read(path),
      let record = try? JSONDecoder().decode(IndexSerials.self, from: Data(bytes)), record.version == currentVersion
    else { return IndexSerials() }
    return record
  }

  /// Raises the recorded serial of `tool` from `registry` to `serial` (never lowers it), under
  /// the store lock, with an atomic write. Throws when the record cannot be written.
  public static func record(_ serial: Int, registry: String, tool: String, layout: StoreLayout) throws {
    let path = layout.registrySerialsPath
    if let seen = read(path).highest(registry: registry, tool: tool), seen >= serial { return }
    try FileSystem.createDirectory(layout.home)
    let lock = try StoreLock(layout: layout, timeout: 10)
    defer { lock.release() }
    var record = read(path)
    if let seen = record.highest(registry: registry, tool: tool), seen >= serial { return }
    record.serials[registry, default: [:]][tool] = serial
    try FileSystem.writeAtomically(path, record.encoded())
  }

  // MARK: Checking an index

  /// Refuses (65) a signed index older than the one recorded for this registry and tool, or
  /// past its expiry. `origin` is the index's URL or path, `registry` the registry as configured.
  public static func check(
    _ index: RegistryIndex, tool: String, registry: String, origin: String, layout: StoreLayout, now: time_t = time(nil)
  ) throws {
    let path = layout.registrySerialsPath
    let serial = index.serial ?? 0
    if let seen = read(path).highest(registry: registry, tool: tool), serial < seen {
      throw FeError(
        .integrity,
        "the registry index \(origin) has \(index.serial.map { "serial \($0)" } ?? "no serial (counts as 0)"), older than serial \(seen) that fe has already accepted for \(tool) from \(registry): a mirror, cache or attacker may be replaying an old version list",
        hint: "nothing was installed; use the registry's current index (check mirrors and caches in between); "
          + "if the registry was deliberately reset, remove \(tool) under \"\(registry)\" from \(path)")
    }
    if let expiry = index.expiryTime, expiry <= now, let expires = index.expires {
      throw FeError(
        .integrity,
        "the registry index \(origin) expired at \(expires) (serial \(serial)): a mirror or cache may be serving a stale copy, or the registry was not renewed in time",
        hint:
          "nothing was installed; the registry's maintainers renew it with `fe blobs publish <tool> --to <dir> --sign-key <pem> --expires <days>`; "
          + "or point fe at the registry itself rather than a mirror")
    }
  }
}
