import FeBasics
import FeRegistry

#if canImport(Glibc)
  import Glibc
#endif

/// One package of an installed tree, as a lock file or a listing records it.
public struct InstalledPackage: Sendable {
  /// `node_modules/a/node_modules/b`, relative to the install root.
  public let path: String
  public let name: PackageName
  public let version: String
  /// `sha512-…` (or `sha1-…` for packages that publish nothing stronger).
  public let integrity: String
  public let tarball: String
  public let registry: String
  public let optional: Bool
  public let hasInstallScript: Bool
  public let bin: [String: String]
}

/// What an install did beyond placing files, for the install output.
public struct NpmInstallReport: Sendable {
  public var packages: [InstalledPackage] = []
  /// Packages that declare install scripts (`name@version`); fe never runs them.
  public var installScripts: [String] = []
  public var deprecations: [String] = []
  /// Optional dependencies left out, and why.
  public var skipped: [String] = []
  /// Things the user should know (a package checked by sha1 only).
  public var warnings: [String] = []
}

public struct NpmInstallOptions: Sendable {
  /// Unsigned packages fail too (FE_NPM_REQUIRE_SIGNATURES).
  public var requireSignatures = false
  /// Parallel downloads.
  public var workers = 8

  public init(requireSignatures: Bool = false, workers: Int = 8) {
    self.requireSignatures = requireSignatures
    self.workers = workers
  }
}

/// Installs npm packages into a directory as `npm install --global --ignore-scripts` lays them
/// out (`<root>/node_modules/<package>`, its dependencies under it): resolve the tree, check
/// every registry signature, fetch the tarballs in parallel through the cache, unpack each
/// safely, and move the whole tree into place in one rename. Install scripts never run.
public final class NpmInstaller {
  let client: NpmRegistryClient
  let options: NpmInstallOptions

  public init(client: NpmRegistryClient, options: NpmInstallOptions = NpmInstallOptions()) {
    self.client = client
    self.options = options
  }

  /// Installs `specs` into `destination`, which must not exist yet; on any failure nothing is
  /// left there (the tree is built beside it and renamed).
  public func install(_ specs: [PackageSpec], into destination: String) throws -> NpmInstallReport {
    var report = NpmInstallReport()
    let builder = TreeBuilder(source: client)
    let tree = try builder.build(specs)
    report.deprecations = builder.deprecations
    report.skipped = builder.skipped

    // Signatures first: they cover the integrity the downloads are then checked against.
    for node in tree.packages {
      guard let m = node.manifest else { continue }
      let keys = try client.keys(client.config.registry(for: m.name))
      try SignatureCheck.verify(m, keys: keys, require: options.requireSignatures)
    }

    let fetcher = TarballFetcher(client: client, cache: tarballCache, workers: options.workers)
    var nodes = tree.packages
    let refs = nodes.compactMap(\.manifest).map(TarballFetcher.Ref.init)
    try requireCached(refs, what: specs.map(\.description).joined(separator: ", "))
    let results = fetcher.fetch(refs: refs)
    var tarballs: [ObjectIdentifier: String] = [:]
    for (node, result) in zip(nodes, results) {
      switch result {
      case .success(let path): tarballs[ObjectIdentifier(node)] = path
      case .failure(let error):
        // An optional package that cannot be fetched is left out (npm does the same); one that
        // was tampered with is not: that is an attack, not a missing feature.
        guard node.optional, error.kind != .integrity else {
          let chain = node.wantedBy.isEmpty ? "" : " (wanted by \(node.wantedBy.joined(separator: " ← ")))"
          throw FeError(error.kind, error.message + chain, hint: error.hint)
        }
        // It may have gone already, with another optional package that alone needed it.
        if tree.packages.contains(where: { $0 === node }) {
          let dropped = tree.drop(node)
          report.skipped.append("\(node.label): \(error.message) (optional; left out with \(dropped.count - 1) package(s) only it needed)")
        }
      }
    }
    nodes = tree.packages

    let staging = Self.staging(for: destination)
    try FileSystem.createDirectory(staging)
    var done = false
    defer { if !done { try? FileSystem.removeTree(staging) } }
    let extractor = SafeExtractor()
    for node in nodes {
      guard let m = node.manifest, let tarball = tarballs[ObjectIdentifier(node)] else { continue }
      _ = try extractor.extract(tarball, into: Path.join(staging, node.path), label: m.id, bins: Array(m.bin.values))
      let integrity = Integrity(integrity: m.dist.integrity, shasum: m.dist.shasum)
      if integrity?.algorithm == .sha1 {
        report.warnings.append("\(m.id) was checked by its sha1 shasum only: the registry publishes no stronger integrity for it")
      }
      if m.hasInstallScript { report.installScripts.append(m.id) }
      report.packages.append(
        InstalledPackage(
          path: node.path, name: m.name, version: m.version.description, integrity: integrity?.description ?? "",
          tarball: m.dist.tarball, registry: client.config.registry(for: m.name), optional: node.optional,
          hasInstallScript: m.hasInstallScript, bin: m.bin))
    }
    guard rename(staging, destination) == 0 else {
      throw FileSystem.ioError("cannot move the installed tree to \(destination)")
    }
    done = true
    return report
  }

  var tarballCache: TarballCache { TarballCache(dir: Path.join(client.cacheDir, "tarballs")) }

  /// A fresh name beside `destination`, on its file system, for building the tree to rename.
  static func staging(for destination: String) -> String {
    Path.join(Path.dirname(destination), ".\(Path.basename(destination)).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
  }

  /// Offline, every tarball must be in the cache already: fails (69) naming each one that is not.
  func requireCached(_ refs: [TarballFetcher.Ref], what: String) throws {
    guard client.offline else { return }
    let cache = tarballCache
    let missing = refs.filter { ref in ref.integrity.map { cache.lookup($0) == nil } ?? true }.map(\.id)
    guard !missing.isEmpty else { return }
    throw FeError(
      .registry,
      "fe is offline and the npm tarball cache (\(cache.dir)) lacks \(missing.count) package(s) of \(what): \(missing.joined(separator: ", "))",
      hint: "run the install once without --offline (or FE_OFFLINE) to fill the cache")
  }
}
