import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Every path under `$FE_HOME`, declared once. `StoreLayout.version` is written to
/// `$FE_HOME/layout` so a later fe can migrate this store instead of misreading it.
///
///     $FE_HOME/
///       layout                          "1\n"
///       blobs/<tool>/<version>/         source.js, snapshot.bin, manifest.json, image/ (npm tools)
///       tmp/                            staging dirs `<pid>-<random>` (same file system as blobs/)
///       cache/                          engine-level caches; cache/npm/ for npm (metadata, tarballs, keys)
///       lock                            flock(2) by writers
///       seen-locks.json                 fe.lock files seen and when (SeenLocks), for prune
///       registry-serials.json           highest signed index serial seen per registry and tool
///       bin/<tool>                      shims: symlinks to the fe binary (`fe blobs shim`)
///
/// Path functions do not validate names: callers pass names checked by `Names` first.
public struct StoreLayout: Sendable, Equatable {
  /// The layout version this fe reads and writes.
  public static let version = 1
  /// File names inside a blob directory.
  public static let sourceFile = "source.js"
  public static let snapshotFile = "snapshot.bin"
  public static let manifestFile = "manifest.json"
  /// A package image: the tool's npm tree (`image/node_modules/<package>/…`), run in place.
  public static let imageDir = "image"

  /// The store root (`$FE_HOME`), absolute.
  public let home: String

  /// A layout rooted at `home`.
  public init(home: String) {
    self.home = home
  }

  /// The layout at `$FE_HOME` (default `~/.fe`) for this environment.
  public init(env: [String: String]) {
    self.init(home: Environment.feHome(env))
  }

  /// `$FE_HOME/layout`, holding the layout version.
  public var layoutMarker: String { Path.join(home, "layout") }
  /// `$FE_HOME/blobs`.
  public var blobsDir: String { Path.join(home, "blobs") }
  /// `$FE_HOME/tmp`, where installs stage.
  public var tmpDir: String { Path.join(home, "tmp") }
  /// `$FE_HOME/cache`, for engine-level caches.
  public var cacheDir: String { Path.join(home, "cache") }
  /// `$FE_HOME/cache/npm`: npm packuments (`metadata/`, revalidated with ETag), tarballs by
  /// their sha512 (`tarballs/`) and registries' signing keys (`keys/`), shared by every tool.
  public var npmCacheDir: String { Path.join(home, "cache", "npm") }
  /// `$FE_HOME/lock`, taken by writers.
  public var lockPath: String { Path.join(home, "lock") }
  /// `$FE_HOME/seen-locks.json`, the fe.lock files this store has served (`SeenLocks`).
  public var seenLocksPath: String { Path.join(home, "seen-locks.json") }
  /// `$FE_HOME/registry-serials.json`, rollback protection for signed indexes (FeRegistry's `IndexSerials`).
  public var registrySerialsPath: String { Path.join(home, "registry-serials.json") }
  /// `$FE_HOME/bin`, where shims live (put it on PATH).
  public var binDir: String { Path.join(home, "bin") }
  /// `bin/<name>`: one shim.
  public func shimPath(_ name: String) -> String { Path.join(binDir, name) }

  /// `blobs/<tool>`.
  public func toolDir(_ tool: String) -> String { Path.join(blobsDir, tool) }
  /// `blobs/<tool>/<version>`.
  public func blobDir(_ tool: String, _ version: String) -> String { Path.join(blobsDir, tool, version) }
  /// `blobs/<tool>/<version>/source.js`.
  public func sourcePath(_ tool: String, _ version: String) -> String {
    Path.join(blobDir(tool, version), Self.sourceFile)
  }
  /// `blobs/<tool>/<version>/snapshot.bin`.
  public func snapshotPath(_ tool: String, _ version: String) -> String {
    Path.join(blobDir(tool, version), Self.snapshotFile)
  }
  /// `blobs/<tool>/<version>/manifest.json`.
  public func manifestPath(_ tool: String, _ version: String) -> String {
    Path.join(blobDir(tool, version), Self.manifestFile)
  }

  /// Creates the store's directories and layout marker if missing; refuses a layout it does not know.
  public func ensure() throws {
    _ = try checkVersion()
    for dir in [home, blobsDir, tmpDir, cacheDir] { try FileSystem.createDirectory(dir) }
    if !FileSystem.exists(layoutMarker) {
      try FileSystem.writeAtomically(layoutMarker, Array("\(Self.version)\n".utf8))
    }
  }

  /// The store's layout version (nil when there is no marker yet), or an error when this fe cannot read it.
  public func checkVersion() throws -> Int? {
    guard let text = try FileSystem.readString(layoutMarker) else { return nil }
    let trimmed = text.trimmingWhitespace()
    guard let found = Int(trimmed), found >= 1 else {
      throw FeError(
        .io, "\(layoutMarker) does not hold a store layout version (found \"\(trimmed.prefix(20))\")",
        hint: "if \(home) is an fe store, write `\(Self.version)` into that file; otherwise point FE_HOME elsewhere")
    }
    if found > Self.version {
      throw FeError(
        .io, "the store at \(home) uses layout version \(found), newer than this fe understands (\(Self.version))",
        hint: "upgrade fe, or point FE_HOME at another directory")
    }
    return found
  }
}

extension String {
  /// ASCII whitespace trimmed from both ends (FoundationEssentials has no `trimmingCharacters`).
  func trimmingWhitespace() -> String {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    var bytes = ArraySlice(self.utf8)
    while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
    while let last = bytes.last, isSpace(last) { bytes = bytes.dropLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}
