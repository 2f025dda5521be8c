import FeSemver

/// An installed tree as npm lays it out: a root (the install prefix, which depends on the
/// requested packages) and package nodes, each in the `node_modules` of its parent. Node's
/// resolution walks up from a file through every `node_modules` above it, and the tree mirrors
/// that: a package sees its own children, then its parent's, up to the root.
public final class DependencyTree {
  public final class Node {
    /// The folder name under the parent's node_modules (an alias's key, not its package name).
    public let key: PackageName
    /// Nil for the root.
    public let manifest: Manifest?
    public private(set) weak var parent: Node?
    public private(set) var children: [PackageName: Node] = [:]
    /// Who asked for it first, nearest first: the chain an error names.
    public let wantedBy: [String]
    /// True until a non-optional edge resolves to it (see DependencyTree.markRequired).
    public internal(set) var optional = true
    /// What it asks for (set by TreeBuilder when it is placed).
    var edges: [TreeBuilder.Edge] = []

    init(key: PackageName, manifest: Manifest?, parent: Node?, wantedBy: [String]) {
      self.key = key
      self.manifest = manifest
      self.parent = parent
      self.wantedBy = wantedBy
    }

    /// `node_modules/a/node_modules/b`, relative to the root; "" for the root.
    public var path: String {
      guard let parent else { return "" }
      let up = parent.path
      return (up.isEmpty ? "" : up + "/") + "node_modules/" + key.text
    }

    public var depth: Int { parent.map { $0.depth + 1 } ?? 0 }

    /// Node's lookup of `name` from inside this package: its own node_modules, then upwards.
    public func resolve(_ name: PackageName) -> Node? {
      var at: Node? = self
      while let n = at {
        if let found = n.children[name] { return found }
        at = n.parent
      }
      return nil
    }

    /// Every node below this one, parents before children, siblings by name.
    public var descendants: [Node] {
      var out: [Node] = []
      for key in children.keys.sorted() {
        guard let c = children[key] else { continue }
        out.append(c)
        out += c.descendants
      }
      return out
    }

    func adopt(_ child: Node) {
      children[child.key] = child
    }

    func remove(_ key: PackageName) {
      children[key] = nil
    }

    /// `name@version`, or the root's label.
    public var label: String { manifest?.id ?? "the install root" }
  }

  public let root: Node

  init(root: Node) {
    self.root = root
  }

  /// Every package node, in a stable order (by path).
  public var packages: [Node] { root.descendants }

  /// Clears `optional` on every node a non-optional edge leads to (through the tree's own
  /// resolution) from the root: what remains optional may be dropped when it fails.
  func markRequired() {
    for n in packages { n.optional = true }
    var stack = [root]
    var seen = Set<ObjectIdentifier>()
    while let node = stack.popLast() {
      guard seen.insert(ObjectIdentifier(node)).inserted else { continue }
      for edge in node.edges where !edge.kind.isOptional {
        if let target = node.resolve(edge.spec.key) {
          target.optional = false
          stack.append(target)
        }
      }
    }
  }

  /// Removes `node` (an optional package that could not be installed) and every package that
  /// nothing reachable from the root needs any more; returns what was removed.
  @discardableResult
  func drop(_ node: Node) -> [Node] {
    node.parent?.remove(node.key)
    var reached = Set<ObjectIdentifier>()
    var stack = [root]
    while let n = stack.popLast() {
      guard reached.insert(ObjectIdentifier(n)).inserted else { continue }
      for edge in n.edges {
        if let target = n.resolve(edge.spec.key) { stack.append(target) }
      }
    }
    var removed = [node]
    for n in packages where !reached.contains(ObjectIdentifier(n)) {
      n.parent?.remove(n.key)
      removed.append(n)
    }
    return removed
  }
}
