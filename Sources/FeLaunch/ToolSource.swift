/// The source a blob is built from, as install, build and publish read it from disk: a bundle
/// file, a package's main (bundled with its relative requires) or an npm package's bin (bundled
/// with its dependencies). See LocalSource and NodePackage.
public struct ToolSource {
  public let source: [UInt8]
  public let tool: String
  public let version: String
  /// The entry file, for messages and as the path a build-time run sees.
  public let entry: String
  /// Bare modules esbuild could not find: they stay `require` calls, resolved (or failing) at run time.
  public var unresolved: [String] = []

  /// A warning naming the unresolved modules, if any.
  public var warning: String? {
    if unresolved.isEmpty { return nil }
    return "fe: warning: \(tool): esbuild could not resolve \(unresolved.joined(separator: ", ")) from \(entry); "
      + "they stay require() calls that fail if the tool reaches them (install them or set NODE_PATH)"
  }
}
