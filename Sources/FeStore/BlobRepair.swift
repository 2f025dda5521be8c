import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The one command that repairs a damaged blob, chosen from what is still good in it. Every
/// command fe prints for a blob comes from here, and each is tested to repair the state it is
/// printed for (CorruptBlobTests, BlobIdentityTests).
public enum BlobRepair {
  /// - the stored source matches the manifest: `fe blobs verify --repair <tool>@<version>`
  ///   rebuilds the snapshot from it (nothing is downloaded; fe.lock's sha256 still holds);
  /// - else the blob came from a local file or directory that still exists: reinstall from it
  ///   (`fe blobs install <dir>`, or `fe blobs build <file> --name … --version …`);
  /// - else: `fe blobs remove <spec> && fe blobs install <spec>` (from the registry; `install`
  ///   alone would find the version installed and leave it as it is);
  /// - without a manifest: `fe blobs remove <spec>` (then install it again from its source).
  /// A tool with a package image (npm) whose image or source is damaged is installed again
  /// from npm: its entry lies inside the image, so it is no local source to rebuild from.
  public static func command(tool: String, version: String, manifest: Manifest?, sourceIntact: Bool, imageIntact: Bool = true)
    -> String
  {
    let spec = "\(tool)@\(version)"
    // Without a manifest nothing in the blob can be trusted, nor is its origin known.
    guard let manifest else { return "fe blobs remove \(spec)" }
    if manifest.imageSha256 != nil && !(sourceIntact && imageIntact) {
      let package = manifest.origin.flatMap(packageOfImageEntry).map { "npm:\($0)@\(version) --bin \(tool)" } ?? spec
      return "fe blobs remove \(spec) && fe blobs install \(package)"
    }
    if sourceIntact { return "fe blobs verify --repair \(spec)" }
    if let origin = manifest.origin, let local = localOrigin(origin) {
      if local.isDirectory { return "fe blobs install \(shellQuoted(origin))" }
      return "fe blobs build \(shellQuoted(origin)) --name \(tool) --version \(version)"
    }
    return "fe blobs remove \(spec) && fe blobs install \(spec)"
  }

  /// `command` after reading and hashing the stored source (an error path: reads the whole file).
  public static func command(_ layout: StoreLayout, tool: String, version: String, manifest: Manifest?) -> String {
    command(tool: tool, version: version, manifest: manifest, sourceIntact: sourceIntact(layout, tool, version, manifest))
  }

  /// Whether the stored `source.js` is a regular file with the manifest's sha256.
  public static func sourceIntact(_ layout: StoreLayout, _ tool: String, _ version: String, _ manifest: Manifest?) -> Bool {
    guard let manifest, let bytes = try? StoreFile.read(layout.sourcePath(tool, version)) else { return false }
    return SHA256.hex(bytes) == manifest.sourceSha256
  }

  /// For a blob whose manifest is unusable (or which is not a directory at all): nothing in it
  /// can be trusted, so it goes, and is installed again from where it came.
  public static func reinstallHint(tool: String, version: String) -> String {
    "run `fe blobs remove \(tool)@\(version)`, then install it again (`fe blobs install <its source>`, or `fe blobs install \(tool)@\(version)` from a registry)"
  }

  /// A local source a blob was installed from: an absolute path to a directory or a bundle
  /// file that still exists (not a registry's `source.js.zst`).
  static func localOrigin(_ origin: String) -> (path: String, isDirectory: Bool)? {
    guard origin.hasPrefix("/"), !origin.hasSuffix(".zst") else { return nil }
    if FileSystem.isDirectory(origin) { return (origin, true) }
    if FileSystem.isFile(origin) { return (origin, false) }
    return nil
  }

  /// The package whose file an image's entry is: `…/image/node_modules/@scope/name/bin/x.js`
  /// → `@scope/name` (the package right under the image's node_modules is the tool's own).
  static func packageOfImageEntry(_ origin: String) -> String? {
    let all = origin.split(separator: "/")
    guard let at = all.indices.dropLast().last(where: { all[$0] == StoreLayout.imageDir && all[$0 + 1] == "node_modules" })
    else { return nil }
    let parts = all[(at + 2)...]
    guard let first = parts.first else { return nil }
    if first.hasPrefix("@") { return parts.count > 2 ? "\(first)/\(parts[parts.startIndex + 1])" : nil }
    return parts.count > 1 ? String(first) : nil
  }

  /// `s` as one shell word.
  static func shellQuoted(_ s: String) -> String {
    let safe = s.utf8.allSatisfy { b in
      (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || [UInt8]("/._-+=:,@%".utf8).contains(b)
    }
    if safe && !s.isEmpty { return s }
    return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
  }
}
