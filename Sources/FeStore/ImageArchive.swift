import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// A package image (`blobs/<tool>/<version>/image/`) as one byte string, so a pack can carry
/// it: in ImageDigest's order, `d <path>\n` for a directory, `f <x|-> <size> <path>\n` and the
/// bytes for a file. The image holds only directories and files (the installer writes nothing
/// else), so nothing else is encoded or accepted. Decoding writes only inside its root, never
/// through a link, and the caller checks the result against the manifest's image digest.
public enum ImageArchive {
  public static func encode(_ root: String) throws -> [UInt8] {
    var out: [UInt8] = []
    try walk(root, "", into: &out)
    return out
  }

  private static func walk(_ root: String, _ rel: String, into out: inout [UInt8]) throws {
    let dir = rel.isEmpty ? root : Path.join(root, rel)
    for name in FileSystem.listDirectory(dir).sorted() {
      let path = Path.join(dir, name)
      let entry = rel.isEmpty ? name : rel + "/" + name
      guard !entry.contains("\n") else { throw odd(path, "has a newline in its name") }
      var st = stat()
      guard lstat(path, &st) == 0 else { throw FileSystem.ioError("cannot read \(path)") }
      switch st.st_mode & S_IFMT {
      case S_IFDIR:
        out += Array("d \(entry)\n".utf8)
        try walk(root, entry, into: &out)
      case S_IFREG:
        guard let bytes = try FileSystem.read(path) else { throw FileSystem.ioError("cannot read \(path)") }
        out += Array("f \(st.st_mode & 0o111 != 0 ? "x" : "-") \(bytes.count) \(entry)\n".utf8)
        out += bytes
      default:
        throw odd(path, "is neither a file nor a directory")
      }
    }
  }

  private static func odd(_ path: String, _ why: String) -> FeError {
    FeError(.integrity, "\(path) \(why), which a package image never holds", hint: "run `fe blobs verify --repair` on its blob")
  }

  /// Writes the image in `bytes` to `root` (which must not exist). `label` names the source in errors.
  public static func decode(_ bytes: [UInt8], into root: String, label: String) throws {
    func bad(_ why: String) -> FeError {
      FeError(.integrity, "the package image in \(label) is damaged: \(why)", hint: "write the pack again with `fe blobs pack`")
    }
    try FileSystem.createDirectory(root)
    var i = 0
    while i < bytes.count {
      guard let nl = bytes[i...].firstIndex(of: 0x0A) else { throw bad("an entry line is cut off") }
      let line = String(decoding: bytes[i..<nl], as: UTF8.self)
      i = nl + 1
      let fields = line.split(separator: " ", maxSplits: line.hasPrefix("f ") ? 3 : 1, omittingEmptySubsequences: false)
      guard let kind = fields.first, let rel = fields.last.map(String.init), fields.count >= 2 else {
        throw bad("an entry line is invalid")
      }
      let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
      guard !rel.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
        throw bad("an entry leaves the image: \(rel)")
      }
      let path = Path.join(root, rel)
      if kind == "d", fields.count == 2 {
        guard mkdir(path, 0o755) == 0 else { throw bad("cannot create \(rel) (\(String(cString: strerror(errno))))") }
        continue
      }
      guard kind == "f", fields.count == 4, let size = Int(fields[2]), size >= 0, size <= bytes.count - i,
        fields[1] == "x" || fields[1] == "-"
      else { throw bad("an entry line is invalid: \(line.prefix(80))") }
      let mode: mode_t = fields[1] == "x" ? 0o755 : 0o644
      // O_EXCL and O_NOFOLLOW: a path written twice or through a link fails rather than lands elsewhere.
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
      guard fd >= 0 else { throw bad("cannot write \(rel) (\(String(cString: strerror(errno))))") }
      defer { close(fd) }
      try FileSystem.writeAll(fd, Array(bytes[i..<(i + size)]), path: path)
      fchmod(fd, mode)
      i += size
    }
  }

  /// The part of an npm tool's entry path (the manifest's origin) inside its image, nil when the
  /// origin is not inside `blobs/<tool>/<version>/image/`.
  public static func entryInImage(origin: String?, tool: String, version: String) -> String? {
    guard let origin else { return nil }
    let parts = origin.split(separator: "/").map(String.init)
    let marker = ["blobs", tool, version, StoreLayout.imageDir]
    guard parts.count > marker.count else { return nil }
    for start in stride(from: parts.count - marker.count - 1, through: 0, by: -1)
    where Array(parts[start..<(start + marker.count)]) == marker {
      return parts[(start + marker.count)...].joined(separator: "/")
    }
    return nil
  }
}
