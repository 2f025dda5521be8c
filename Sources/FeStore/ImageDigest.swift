import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// One hash over a package image (`blobs/<tool>/<version>/image/`): every entry's path, kind,
/// executable bit and, for files, content sha256, in path order. Anything added, removed,
/// changed, made executable or swapped for a link changes it.
public enum ImageDigest {
  public static func compute(_ root: String) throws -> String {
    var listing = ""
    try walk(root, "", into: &listing)
    return SHA256.hex(listing)
  }

  private static func walk(_ root: String, _ rel: String, into listing: inout String) throws {
    let dir = rel.isEmpty ? root : Path.join(root, rel)
    for name in FileSystem.listDirectory(dir).sorted() {
      let path = Path.join(dir, name)
      let entry = rel.isEmpty ? name : rel + "/" + name
      var st = stat()
      guard lstat(path, &st) == 0 else { throw FileSystem.ioError("cannot read \(path)") }
      switch st.st_mode & S_IFMT {
      case S_IFDIR:
        listing += "d \(entry)\n"
        try walk(root, entry, into: &listing)
      case S_IFREG:
        guard let bytes = try FileSystem.read(path) else { throw FileSystem.ioError("cannot read \(path)") }
        listing += "f \(st.st_mode & 0o111 != 0 ? "x" : "-") \(SHA256.hex(bytes)) \(entry)\n"
      default:
        // The installer writes only files and directories: anything else was put there later.
        listing += "? \(st.st_mode & S_IFMT) \(entry)\n"
      }
    }
  }
}
