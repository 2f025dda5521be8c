/// One blob directory in the store, as listed by `BlobStore.installed()`.
public struct InstalledBlob: Sendable, Equatable {
  /// Tool name (the `blobs/<tool>` directory).
  public var tool: String
  /// Exact version (the `blobs/<tool>/<version>` directory).
  public var version: String
  /// The blob directory.
  public var path: String
  /// The manifest, or nil when it is missing or malformed (`fe blobs install` repairs it).
  public var manifest: Manifest?
  /// Bytes on disk under `path`.
  public var diskSize: Int

  /// A listing entry.
  public init(tool: String, version: String, path: String, manifest: Manifest?, diskSize: Int) {
    self.tool = tool
    self.version = version
    self.path = path
    self.manifest = manifest
    self.diskSize = diskSize
  }

  /// `<tool>@<version>`, as users type it.
  public var spec: String { "\(tool)@\(version)" }
}
