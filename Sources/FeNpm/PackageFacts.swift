import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// What an unpacked package's own package.json says that an install needs when no packument
/// was read (a tree installed from fe.lock): its bins, and whether it declares install scripts
/// (as the registry's `hasInstallScript` is computed: a pre/post/install script, or a
/// binding.gyp, which npm builds with an implicit `node-gyp rebuild`).
struct PackageFacts {
  let bin: [String: String]
  let hasInstallScript: Bool

  static func read(_ dir: String, name: PackageName, label: String) throws -> PackageFacts {
    guard let bytes = try FileSystem.read(Path.join(dir, "package.json")), let json = JSONValue.parse(bytes) else {
      throw FeError(
        .integrity, "the tarball of \(label) has no readable package.json",
        hint: "the package is malformed: nothing was installed")
    }
    let scripts = json["scripts"]
    let declares = ["preinstall", "install", "postinstall"].contains { scripts?[$0] != nil }
    return PackageFacts(
      bin: Manifest.bins(json["bin"], packageName: name),
      hasInstallScript: declares || FileSystem.isFile(Path.join(dir, "binding.gyp")))
  }

  /// Gives each bin that is a regular file of the package mode 0755, as the unpacking does when
  /// it knows the bins beforehand (normalized, so inside the package); a link is left alone.
  func makeBinsExecutable(in dir: String) throws {
    for rel in bin.values {
      let inner = Path.normalize(rel)
      guard inner != "/" else { continue }
      let path = dir + inner
      var st = stat()
      guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { continue }
      guard chmod(path, 0o755) == 0 else { throw FileSystem.ioError("cannot make \(path) executable") }
    }
  }
}
