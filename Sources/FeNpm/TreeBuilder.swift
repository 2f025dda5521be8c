import FeBasics
import FeSemver
import FoundationEssentials

/// Where packuments come from (the registry client; anything that reads them in tests).
public protocol PackumentSource: AnyObject {
  func packument(_ name: PackageName) throws -> Packument?
  /// Versions published after this date do not count (nil: all do).
  var before: Date? { get }
}

extension NpmRegistryClient: PackumentSource {}

/// Builds the tree npm would build for `npm install --global <specs>` (arborist's rules, with
/// install-strategy=shallow as npm uses for global installs): breadth-first, each package's
/// dependencies in name order; a dependency goes to the shallowest `node_modules` from the
/// dependent up to its top-level package where nothing conflicts, and is reused where a version
/// already there satisfies it. Peer dependencies are placed beside their dependent (npm 7+),
/// optional ones only when they fit this platform and resolve; failures there are skipped.
public final class TreeBuilder {
  let source: PackumentSource
  let platform: Platform

  /// Optional dependencies left out, and why ("@x/y@1.0.0: os win32").
  public private(set) var skipped: [String] = []
  /// Deprecation notices, one per package version.
  public private(set) var deprecations: [String] = []

  public init(source: PackumentSource, platform: Platform = .current) {
    self.source = source
    self.platform = platform
  }

  enum EdgeKind: Equatable {
    case prod, optional, peer, peerOptional

    var isOptional: Bool { self == .optional || self == .peerOptional }
    var isPeer: Bool { self == .peer || self == .peerOptional }
  }

  struct Edge {
    let from: DependencyTree.Node
    let spec: DependencySpec
    let kind: EdgeKind

    func satisfied(by node: DependencyTree.Node) -> Bool {
      guard let m = node.manifest, m.name == spec.name else { return false }
      switch spec.selector {
      case .range(let r): return r.contains(m.version)
      // A tag is satisfied by what it named when the edge was placed: any version of the package.
      case .tag: return true
      }
    }
  }

  /// The version `spec` selects, as the tree's top-level package would get it.
  public func resolve(_ spec: PackageSpec) throws -> Manifest {
    let root = DependencyTree.Node(key: PackageName(trusted: "root"), manifest: nil, parent: nil, wantedBy: [])
    let d = DependencySpec(key: spec.name, name: spec.name, selector: spec.selector, text: spec.selector.description)
    return try pick(Edge(from: root, spec: d, kind: .prod), wantedBy: [])
  }

  /// The tree for the top-level `specs` (`npm install -g a b`).
  public func build(_ specs: [PackageSpec]) throws -> DependencyTree {
    let root = DependencyTree.Node(key: PackageName(trusted: "root"), manifest: nil, parent: nil, wantedBy: [])
    let tree = DependencyTree(root: root)
    var rootEdges: [Edge] = []
    for s in specs {
      rootEdges.append(
        Edge(from: root, spec: DependencySpec(key: s.name, name: s.name, selector: s.selector, text: s.selector.description), kind: .prod))
    }
    root.edges = rootEdges
    var queue = [root]
    var i = 0
    while i < queue.count {
      let node = queue[i]
      i += 1
      for edge in node.edges.sorted(by: { $0.spec.key < $1.spec.key }) {
        guard let placed = try place(edge, tree: tree) else { continue }
        placed.edges = try self.edges(of: placed)
        queue.append(placed)
      }
    }
    tree.markRequired()
    return tree
  }

  /// The node's outgoing edges: dependencies, optional dependencies, peers; bundled ones come
  /// inside its tarball and are not resolved.
  func edges(of node: DependencyTree.Node) throws -> [Edge] {
    guard let m = node.manifest else { return [] }
    var out: [Edge] = []
    var seen = Set<String>()
    func add(_ deps: [String: String], _ kind: (String) -> EdgeKind) throws {
      for (key, spec) in deps.sorted(by: { $0.key < $1.key }) where !seen.contains(key) && !m.bundled.contains(key) {
        seen.insert(key)
        switch DependencySpec.parse(key: key, spec: spec) {
        case .success(let d): out.append(Edge(from: node, spec: d, kind: kind(key)))
        case .failure(let problem):
          if kind(key).isOptional {
            skipped.append("\(m.id): \(key) (\(problem.why))")
            continue
          }
          throw FeError(
            .notInstalled, "\(m.id) depends on \(key) \(spec): \(problem.why)\(chain([m.id] + node.wantedBy))",
            hint: "fe installs npm packages from registries only")
        }
      }
    }
    // optionalDependencies win over dependencies for the same name (npm lists them in both).
    try add(m.optionalDependencies) { _ in .optional }
    try add(m.dependencies) { _ in .prod }
    try add(m.peerDependencies) { m.optionalPeers.contains($0) ? .peerOptional : .peer }
    return out
  }

  /// Resolves and places one edge; the new node, or nil when an existing one serves (or an
  /// optional edge was skipped).
  func place(_ edge: Edge, tree: DependencyTree) throws -> DependencyTree.Node? {
    let from = edge.from
    if let existing = from.resolve(edge.spec.key), edge.satisfied(by: existing) { return nil }
    // An optional peer is only checked against what is there, never installed for itself.
    if edge.kind == .peerOptional { return nil }
    let wantedBy = from.manifest.map { [$0.id] + from.wantedBy } ?? []
    let manifest: Manifest
    do {
      manifest = try pick(edge, wantedBy: wantedBy)
    } catch let error as FeError where edge.kind.isOptional {
      skipped.append("\(edge.spec.key)@\(edge.spec.selector): \(error.message)")
      return nil
    }
    if let why = platform.mismatch(manifest) {
      if edge.kind.isOptional {
        skipped.append("\(manifest.id): \(why) (this is \(platform.os) \(platform.cpu))")
        return nil
      }
      throw FeError(
        .notInstalled,
        "\(manifest.id) does not run on this platform (it requires \(why); this is \(platform.os) \(platform.cpu))\(chain(wantedBy))",
        hint: "pick a version of the tool whose dependencies support \(platform.os) \(platform.cpu)")
    }
    if let note = manifest.deprecated, !deprecations.contains(where: { $0.hasPrefix(manifest.id + ":") }) {
      deprecations.append("\(manifest.id): \(note)")
    }
    let target = try target(for: edge, manifest: manifest, wantedBy: wantedBy)
    let node = DependencyTree.Node(key: edge.spec.key, manifest: manifest, parent: target, wantedBy: wantedBy)
    target.adopt(node)
    return node
  }

  /// npm's choice of version for an edge; a missing package or unsatisfiable range names the chain.
  func pick(_ edge: Edge, wantedBy: [String]) throws -> Manifest {
    let name = edge.spec.name
    guard let packument = try source.packument(name) else {
      throw FeError(
        .notInstalled,
        "the registry has no package named \(name)\(wantedBy.isEmpty ? "" : " (wanted as \(name)@\(edge.spec.text))")\(chain(wantedBy))",
        hint: wantedBy.isEmpty
          ? "check the package name and the registry (.npmrc)" : "the package that depends on it may need another version")
    }
    switch VersionPicker.pick(edge.spec.selector, in: packument, before: source.before) {
    case .success(let m): return m
    case .failure(let failure):
      let published = packument.versions.suffix(8).map(\.version.description).joined(separator: ", ")
      let what: String
      switch failure {
      case .noSuchTag(let tag):
        what = "\(name) has no dist-tag \"\(tag)\" (tags: \(packument.distTags.keys.sorted().joined(separator: ", ")))"
      case .noneSatisfies:
        what = "no version of \(name) satisfies \(edge.spec.selector) (published: \(published.isEmpty ? "none" : published))"
      case .tooRecent:
        let cutoff = source.before?.formatted(.iso8601) ?? "the cut-off"
        what =
          "every version of \(name) that satisfies \(edge.spec.selector) was published after \(cutoff)"
          + " (FE_NPM_MIN_RELEASE_AGE, or before= in .npmrc)"
      case .malformed(let version, let why):
        throw FeError(
          .registry, "the registry lists \(name)@\(version) but \(why), so it cannot be installed\(chain(wantedBy))",
          hint: "tell the registry's maintainers; meanwhile pin another version of \(wantedBy.first ?? name.text)")
      }
      throw FeError(
        .notInstalled, what + chain(wantedBy),
        hint: wantedBy.isEmpty
          ? "pick a published version or tag" : "the package that asks for it needs a version the registry does not have")
    }
  }

  /// Where a new node for `edge` goes: from the deepest allowed `node_modules` (the dependent's
  /// own; for a peer, its parent's) upwards to the shallowest allowed (the top-level package's,
  /// or the root for the top-level packages and their peers), the shallowest one before the
  /// first conflict: a different version of the name already there, or a package below that
  /// would then see a version it does not accept.
  func target(for edge: Edge, manifest: Manifest, wantedBy: [String]) throws -> DependencyTree.Node {
    let from = edge.from
    let deepest: DependencyTree.Node
    if edge.kind.isPeer {
      guard let p = from.parent else {
        throw FeError(.internalError, "a peer dependency of the install root", hint: "this is a bug in fe; please report it")
      }
      deepest = p
    } else {
      deepest = from
    }
    // The top-level package under the root caps hoisting (install-strategy=shallow).
    var shallowest = deepest
    while let p = shallowest.parent, p.parent != nil { shallowest = p }
    if deepest.parent == nil || (edge.kind.isPeer && from.depth == 1) { shallowest = deepest }

    var chosen: DependencyTree.Node?
    var at: DependencyTree.Node? = deepest
    while let candidate = at {
      // A satisfying one would have been found by resolve(): whatever is here conflicts.
      if candidate.children[edge.spec.key] != nil { break }
      if shadowsSomeone(at: candidate, key: edge.spec.key, manifest: manifest, except: edge) { break }
      chosen = candidate
      if candidate === shallowest { break }
      at = candidate.parent
    }
    guard let chosen else {
      let there = deepest.children[edge.spec.key]?.label ?? "another version"
      throw FeError(
        .notInstalled,
        "\(manifest.id) cannot be placed: \(there) is already where \(edge.kind.isPeer ? "its peer dependents" : "its dependent") would find it\(chain(wantedBy))",
        hint: "the versions these packages ask for conflict (npm reports this as ERESOLVE)")
    }
    return chosen
  }

  /// Whether a package under `target` that reaches `key` through `target` would be handed a
  /// version its own range does not accept.
  func shadowsSomeone(at target: DependencyTree.Node, key: PackageName, manifest: Manifest, except edge: Edge) -> Bool {
    let candidate = DependencyTree.Node(key: key, manifest: manifest, parent: nil, wantedBy: [])
    func visit(_ node: DependencyTree.Node) -> Bool {
      if let m = node.manifest, node !== edge.from,
        let spec = m.dependencies[key.text] ?? m.optionalDependencies[key.text] ?? m.peerDependencies[key.text],
        case .success(let d) = DependencySpec.parse(key: key.text, spec: spec),
        !Edge(from: node, spec: d, kind: .prod).satisfied(by: candidate)
      {
        return true
      }
      for (k, child) in node.children {
        // Below a package that has its own `key`, that one is seen instead.
        if k == key { continue }
        if child.children[key] != nil { continue }
        if visit(child) { return true }
      }
      return false
    }
    for (k, child) in target.children where k != key {
      if child.children[key] != nil { continue }
      if visit(child) { return true }
    }
    return false
  }

  /// ", wanted by a@1 ← b@2" for messages.
  func chain(_ wantedBy: [String]) -> String {
    wantedBy.isEmpty ? "" : ", wanted by " + wantedBy.joined(separator: " ← ")
  }
}
