import FeBasics
import FeConfig
import FeEngine
import FeRegistry
import FeRuntime
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// Wires the registry pieces to this fe: the registry chosen by flag, environment or config,
/// trusted keys from both, transfer settings from the environment, and the engine's builder.
public enum RegistrySetup {
  static var userAgent: String { "fe/\(FeVersion.current)" }

  /// An installer for this context; `registry` is the --registry flag, and with `offline` no registry is contacted.
  public static func installer(
    _ c: FeContext, registry flag: String?, offline: Bool, config: ProjectConfig?, quiet: Bool
  ) throws -> Installer {
    let wait: (@Sendable () -> Void)? = quiet ? nil : { @Sendable in c.err("fe: " + StoreLock.waitingMessage) }
    let store = BlobStore(layout: c.layout, onLockWait: wait)
    let offline = offline || c.options.offline
    var client: RegistryClient?
    if !offline, let location = try location(c, flag, config) {
      client = try RegistryClient(location: location, settings: try TransferSettings(env: c.env, userAgent: userAgent))
    }
    let layout = c.layout
    let builder = BlobBuilder(options: c.options)
    let installer = Installer(
      store: store, registry: client, engineId: Runtime.engineID, trustedKeys: try trustedKeys(c, config), offline: offline,
      build: { source, tool, version, origin, image in
        let built = try builder.build(
          source: source, tool: tool, version: version, sourcePath: layout.sourcePath(tool, version), origin: origin,
          image: image.map { ImageLocation(current: $0, installed: Path.join(layout.blobDir(tool, version), StoreLayout.imageDir)) })
        return BuiltBlob(snapshot: built.snapshot, manifest: built.manifest)
      },
      acceptsSnapshot: { payload in Engine.isValidSnapshot(payload) })
    if !quiet && c.showsProgress {
      installer.progress = { label, total in ProgressBar(label: label, total: total) { FeContext.writeFD(2, $0) } }
    }
    if !quiet { installer.note = { c.err($0) } }
    return installer
  }

  /// `--registry`, else FE_REGISTRY, else the config's `registry` (relative to the config's directory).
  static func location(_ c: FeContext, _ flag: String?, _ config: ProjectConfig?) throws -> RegistryLocation? {
    if let flag { return try RegistryLocation(parsing: flag, cwd: c.cwd) }
    if let env = c.env["FE_REGISTRY"], !env.isEmpty { return try RegistryLocation(parsing: env, cwd: c.cwd) }
    if let config, let text = config.registry {
      do {
        return try RegistryLocation(parsing: text, cwd: config.directory)
      } catch let e as FeError {
        throw FeError(.config, "\(config.path): `registry`: \(e.message)", hint: e.hint)
      }
    }
    return nil
  }

  /// The union of `trustedKeys` in the config and FE_TRUSTED_KEYS, read by one parser
  /// (`TrustedKeys`): `ed25519:` keys and PEM blocks, separated by commas or whitespace.
  /// An unusable key is a config error (78) naming where it is, in either place.
  static func trustedKeys(_ c: FeContext, _ config: ProjectConfig?) throws -> [Ed25519Key] {
    var keys: [Ed25519Key] = []
    if let config, let value = config.value["trustedKeys"], value != .undefined, value != .null {
      let hint = "write trustedKeys: [\"ed25519:…\"] (or PEM public keys)"
      guard case .array(let items) = value else {
        throw FeError(.config, "\(config.path): `trustedKeys` must be an array of public keys", hint: hint)
      }
      for (i, item) in items.enumerated() {
        guard case .string(let s) = item else {
          throw FeError(.config, "\(config.path): `trustedKeys[\(i)]` must be a string", hint: hint)
        }
        keys += try TrustedKeys.parse(s, source: "\(config.path): `trustedKeys[\(i)]`")
      }
    }
    if let env = c.env["FE_TRUSTED_KEYS"], !env.allSatisfy({ $0 == "," || $0.isWhitespace }) {
      keys += try TrustedKeys.parse(env, source: "FE_TRUSTED_KEYS")
    }
    return keys
  }
}
