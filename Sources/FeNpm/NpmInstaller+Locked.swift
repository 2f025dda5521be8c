import FeBasics
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

extension NpmInstaller {
  /// Installs exactly `packages` (an npm tool's tree as fe.lock records it) into `destination`,
  /// which must not exist yet: no packument is read and no version chosen. Each tarball comes
  /// from the cache when it is there, else from its recorded URL, and must have the integrity the
  /// lock records: a registry that now serves other bytes fails the install (65) naming the
  /// package. Signatures were checked when the lock was written; the integrity is what they
  /// vouched for. `lockPath` and `tool` name the lock entry in messages.
  public func install(
    locked packages: [Lockfile.Package], tool: String, lockPath: String, into destination: String
  ) throws
    -> NpmInstallReport
  {
    let refs = try Self.refs(packages, tool: tool, lockPath: lockPath)
    try requireCached(refs, what: "\(tool) as \(lockPath) locks it")
    let results = TarballFetcher(client: client, cache: tarballCache, workers: options.workers).fetch(refs: refs)
    var tarballs: [String] = []
    for (ref, result) in zip(refs, results) {
      switch result {
      case .success(let path): tarballs.append(path)
      case .failure(let error):
        let hint =
          error.kind == .integrity
          ? "nothing was installed; the registry now serves other bytes for \(ref.id) than when \(lockPath) was written: find out why before trusting it, or run `fe blobs install --update \(tool)` to lock what it serves now"
          : error.hint
        throw FeError(error.kind, "\(error.message) (\(tool) in \(lockPath))", hint: hint)
      }
    }

    var report = NpmInstallReport()
    let staging = Self.staging(for: destination)
    try FileSystem.createDirectory(staging)
    var done = false
    defer { if !done { try? FileSystem.removeTree(staging) } }
    let extractor = SafeExtractor()
    for (p, tarball) in zip(packages, tarballs) {
      guard let name = PackageName(p.name) else { continue }  // checked by refs()
      let dir = Path.join(staging, p.path)
      _ = try extractor.extract(tarball, into: dir, label: "\(p.name)@\(p.version)", bins: [])
      let facts = try PackageFacts.read(dir, name: name, label: "\(p.name)@\(p.version)")
      try facts.makeBinsExecutable(in: dir)
      if facts.hasInstallScript { report.installScripts.append("\(p.name)@\(p.version)") }
      report.packages.append(
        InstalledPackage(
          path: p.path, name: name, version: p.version, integrity: p.integrity, tarball: p.resolved, registry: p.registry,
          optional: false, hasInstallScript: facts.hasInstallScript, bin: facts.bin))
    }
    guard rename(staging, destination) == 0 else {
      throw FileSystem.ioError("cannot move the installed tree to \(destination)")
    }
    done = true
    return report
  }

  /// The tarballs of a locked tree, after checking what the lock says can be acted on: names,
  /// integrities fe can check, each path once and inside a package the lock also places.
  static func refs(_ packages: [Lockfile.Package], tool: String, lockPath: String) throws -> [TarballFetcher.Ref] {
    func bad(_ what: String) -> FeError {
      FeError(
        .config, "\(lockPath): tools.\(tool).packages \(what)",
        hint: "restore fe.lock from version control, or delete the entry and run `fe blobs install` to lock the tree again")
    }
    var paths = Set<String>()
    var refs: [TarballFetcher.Ref] = []
    for p in packages {
      let id = "\(p.name)@\(p.version)"
      guard PackageName(p.name) != nil else { throw bad("names \"\(p.name)\", which is not an npm package name") }
      guard let integrity = Integrity(integrity: p.integrity, shasum: nil) else {
        throw bad("gives \(id) the integrity \"\(p.integrity)\", which fe cannot check")
      }
      guard paths.insert(p.path).inserted else { throw bad("places two packages at \(p.path)") }
      refs.append(.init(id: id, url: p.resolved, integrity: integrity, integritySource: "the integrity \(lockPath) locks"))
    }
    for p in packages {
      // node_modules/a/node_modules/b sits inside a: a must be in the tree too.
      let parts = p.path.split(separator: "/")
      guard let last = parts.lastIndex(of: "node_modules"), last > 0 else { continue }
      let parent = parts[..<last].joined(separator: "/")
      if !paths.contains(parent) { throw bad("places \(p.name)@\(p.version) inside \(parent), which it does not list") }
    }
    if packages.isEmpty { throw bad("is empty") }
    return refs
  }
}
