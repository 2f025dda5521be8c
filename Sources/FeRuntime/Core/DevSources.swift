import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// `FE_DEV_RUNTIME_DIR`: a checkout's `Sources/FeRuntime`, whose `JS/` and `NodeLib/` files are
/// used instead of the ones compiled into fe, so the runtime's JavaScript can be worked on
/// without rebuilding fe (Node's tests re-run at once). The engine id hashes the files read, so
/// snapshots made from other sources are never booted with them. Unset, nothing is read.
enum DevSources {
  static let directory: String? = getenv("FE_DEV_RUNTIME_DIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }

  /// `JS/<name>` of the directory, when it is set and has that file.
  static func runtimeFile(_ name: String) -> [UInt8]? {
    directory.flatMap { (try? FileSystem.read(Path.join($0, "JS", name))) ?? nil }
  }

  /// Every `NodeLib/node.<a.b>.js` of the directory, by module id (`a/b`): new vendored files too.
  static func nodeLibFiles() -> [String: [UInt8]] {
    guard let directory else { return [:] }
    var files: [String: [UInt8]] = [:]
    for name in FileSystem.listDirectory(Path.join(directory, "NodeLib")) where name.hasPrefix("node.") && name.hasSuffix(".js") {
      let id = name.dropFirst(5).dropLast(3).split(separator: ".").joined(separator: "/")
      if let bytes = try? FileSystem.read(Path.join(directory, "NodeLib", name)) { files[id] = bytes }
    }
    return files
  }
}
