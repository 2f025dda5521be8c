import FeBasics
import FoundationEssentials

/// `image/install.json` in an npm tool's blob: what was installed, from where, and what fe left
/// undone (install scripts), for `fe blobs which` and for whoever audits the image. It is part of
/// the image, so the image digest in the blob's manifest covers it too.
public struct ImageRecord: Codable, Sendable, Equatable {
  public static let fileName = "install.json"

  public struct Package: Codable, Sendable, Equatable {
    public var path: String
    public var name: String
    public var version: String
    public var integrity: String
    public var tarball: String
    /// The registry that served it (absent in records written before fe.lock recorded trees).
    public var registry: String?
  }

  /// `name@version` of the tool's package.
  public var package: String
  public var registry: String
  public var packages: [Package]
  /// Packages that declare install scripts; fe never ran them.
  public var installScripts: [String]

  public init(package: String, registry: String, report: NpmInstallReport) {
    self.package = package
    self.registry = registry
    packages = report.packages.map {
      Package(
        path: $0.path, name: $0.name.text, version: $0.version, integrity: $0.integrity, tarball: $0.tarball, registry: $0.registry)
    }
    installScripts = report.installScripts
  }

  public func write(into image: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(self)
    try FileSystem.writeAtomically(Path.join(image, Self.fileName), Array(data) + [0x0A])
  }

  /// The record in `image`, nil when there is none (or it cannot be read).
  public static func read(image: String) -> ImageRecord? {
    guard let bytes = try? FileSystem.read(Path.join(image, fileName)) else { return nil }
    return try? JSONDecoder().decode(ImageRecord.self, from: Data(bytes))
  }
}
