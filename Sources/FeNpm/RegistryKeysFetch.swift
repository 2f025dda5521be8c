import FeBasics
import FeRegistry

extension NpmRegistryClient {
  /// `registry`'s signing keys, fetched once per client and kept on disk for offline installs;
  /// nil when the registry publishes none (404).
  func keys(_ registry: String) throws -> RegistryKeys? {
    if let known = keysMemo.withLock({ keysByRegistry[registry] }) { return known }
    let file = Path.join(cacheDir, "keys", SHA256.hex(registry) + ".json")
    var result: RegistryKeys?
    if offline {
      if let bytes = try FileSystem.read(file) { result = try RegistryKeys(registry: registry, bytes: bytes) }
    } else {
      let url = registry + "-/npm/v1/keys"
      switch try http().fetch(url, limit: 1 << 20, headers: [("Accept", "application/json")]) {
      case .body(let bytes, _):
        result = try RegistryKeys(registry: registry, bytes: bytes)
        try? FileSystem.createDirectory(Path.dirname(file))
        try? FileSystem.writeAtomically(file, bytes)
      case .notFound, .notModified:
        result = nil
      }
    }
    keysMemo.withLock { keysByRegistry[registry] = .some(result) }
    return result
  }
}
