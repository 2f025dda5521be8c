import FeBasics
import FeStore

/// A local source: a directory with package.json, or a bundle file with --name/--version.
///
/// A directory's "main" may be split into modules: when it requires relative files
/// (`require('./src/server')`), esbuild bundles it with them into one CommonJS file, so the blob
/// (built from one source) holds the whole tool. A main without relative requires is taken as it
/// is, byte for byte, as is a bundle file.
public enum LocalSource {
  static func describe(_ path: String, name: String?, version: String?) throws -> (entry: String, tool: String, version: String) {
    if FileSystem.isDirectory(path) {
      let pkgPath = Path.join(path, "package.json")
      guard let text = try FileSystem.readString(pkgPath) else {
        throw FeError(
          .usage, "\(path) has no package.json", hint: "add one with \"name\", \"version\" and \"main\", or pass the bundle file")
      }
      let pkg = try PackageJSON.parse(text, path: pkgPath)
      guard let tool = name ?? pkg.name, let ver = version ?? pkg.version else {
        throw FeError(.usage, "\(pkgPath) needs \"name\" and \"version\"", hint: "or pass --name and --version")
      }
      return (Path.join(path, pkg.main ?? "index.js"), tool, ver)
    }
    guard let name, let version else {
      throw FeError(
        .usage, "installing the bundle \(path) needs --name and --version",
        hint: "fe blobs install \(Path.basename(path)) --name <tool> --version <x.y.z>")
    }
    return (path, name, version)
  }

  /// The source to build a blob from: the entry file, bundled with its relative requires when
  /// `path` is a directory whose main has any.
  public static func load(_ path: String, name: String?, version: String?, env: [String: String]) throws -> ToolSource {
    let (entry, tool, ver) = try describe(path, name: name, version: version)
    guard let source = try FileSystem.read(entry) else {
      throw FeError(.usage, "no such file: \(entry)", hint: "check the path (and \"main\" in package.json)")
    }
    guard FileSystem.isDirectory(path), requiresRelative(source) else {
      return ToolSource(source: source, tool: tool, version: ver, entry: entry)
    }
    let (bundle, unresolved) = try Esbuild.bundle(entry: entry, root: path, env: env)
    // A missing file of the tool's own is a broken source, not an optional dependency.
    if let missing = unresolved.first(where: { $0.hasPrefix("./") || $0.hasPrefix("../") }) {
      throw FeError(
        .usage, "\(entry) requires \(missing), which esbuild could not find",
        hint: "check the require path (relative to the requiring file) and that the file exists")
    }
    return ToolSource(source: bundle, tool: tool, version: ver, entry: entry, unresolved: unresolved)
  }

  /// Whether the source has `require('./…')` or `require("../…")` (spaces allowed inside the
  /// parentheses; any quote). A mention inside a comment or string also counts: bundling such a
  /// file is harmless.
  static func requiresRelative(_ source: [UInt8]) -> Bool {
    let needle = Array("require(".utf8)
    let n = source.count
    var i = 0
    while i + needle.count <= n {
      if source[i] == needle[0], source[i..<(i + needle.count)].elementsEqual(needle) {
        var j = i + needle.count
        while j < n, source[j] == 0x20 || source[j] == 0x09 || source[j] == 0x0A || source[j] == 0x0D { j += 1 }
        if j < n, source[j] == 0x27 || source[j] == 0x22 || source[j] == 0x60 {  // ' " `
          let rest = source[(j + 1)..<min(n, j + 4)]
          if rest.starts(with: Array("./".utf8)) || rest.starts(with: Array("../".utf8)) { return true }
        }
      }
      i += 1
    }
    return false
  }
}
