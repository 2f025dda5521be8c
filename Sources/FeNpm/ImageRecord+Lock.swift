import FeStore

extension ImageRecord {
  /// The tree as fe.lock records it, in the record's order (by path).
  public var lockedPackages: [Lockfile.Package] {
    packages.map {
      Lockfile.Package(
        integrity: $0.integrity, name: $0.name, path: $0.path, registry: $0.registry ?? registry, resolved: $0.tarball,
        version: $0.version)
    }
  }

  /// The first way the installed tree differs from the locked one (a package added, missing, or
  /// of another version or integrity), nil when they are the same tree.
  public func difference(from locked: [Lockfile.Package]) -> String? {
    let have = Dictionary(packages.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    let want = Dictionary(locked.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    for p in locked {
      guard let h = have[p.path] else { return "\(p.name)@\(p.version) (at \(p.path)) is locked but not installed" }
      if h.name != p.name || h.version != p.version {
        return "\(p.path) is \(h.name)@\(h.version) installed, \(p.name)@\(p.version) locked"
      }
      if h.integrity != p.integrity {
        return "\(p.name)@\(p.version) is installed with integrity \(h.integrity), locked with \(p.integrity)"
      }
    }
    for h in packages where want[h.path] == nil { return "\(h.name)@\(h.version) (at \(h.path)) is installed but not locked" }
    return nil
  }
}
