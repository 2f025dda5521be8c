import FeBasics
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Tarballs kept by content: `<dir>/<algorithm>/<hex digest>.tgz`, so a package downloaded once
/// is never downloaded again, whatever tool or version asks for it. A file gets there only by
/// rename after its digest matched, and is checked again when used (a cache on a shared disk
/// can be damaged); a damaged one is removed and fetched anew.
struct TarballCache {
  let dir: String

  func path(_ integrity: Integrity) -> String {
    Path.join(dir, integrity.algorithm.rawValue, integrity.hex + ".tgz")
  }

  /// The cached tarball, when present and intact.
  func lookup(_ integrity: Integrity) -> String? {
    let p = path(integrity)
    guard FileSystem.isFile(p) else { return nil }
    if (try? integrity.matches(file: p)) == true { return p }
    unlink(p)
    return nil
  }

  /// A scratch file beside the cache (same file system, so `admit` is a rename).
  func scratch() throws -> String {
    let tmp = Path.join(dir, "tmp")
    try FileSystem.createDirectory(tmp)
    return Path.join(tmp, "\(getpid())-\(UInt64.random(in: 0...UInt64.max)).tgz")
  }

  /// Removes scratch files of processes that died mid-download (killed installs).
  func cleanStale() {
    let tmp = Path.join(dir, "tmp")
    for name in FileSystem.listDirectory(tmp) {
      if let pid = Staging.owner(ofEntry: name), !Staging.isAlive(pid) { unlink(Path.join(tmp, name)) }
    }
  }

  /// Moves a verified download into the cache.
  func admit(_ file: String, _ integrity: Integrity) throws -> String {
    let p = path(integrity)
    try FileSystem.createDirectory(Path.dirname(p))
    guard rename(file, p) == 0 else { throw FileSystem.ioError("cannot move \(file) into the npm cache") }
    return p
  }
}
