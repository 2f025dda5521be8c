import FeEngine
import FeLaunch
import FeStore

/// `fe blobs install --json` for the project's pins (docs/schemas/install.schema.json): one
/// object naming the lock, whether it was written, and what happened to each tool.
enum InstallJSON {
  static func pinned(
    _ results: [PinnedInstall.Result], lockPath: String, frozen: Bool, wroteLock: Bool, store: BlobStore
  ) -> JSValue {
    .object([
      ("lockfile", .string(lockPath)),
      ("frozen", .bool(frozen)),
      ("lockfileWritten", .bool(wroteLock)),
      (
        "tools",
        .array(
          results.map { r in
            let action: String
            var prebuilt: JSValue = .null
            switch r.outcome {
            case .installed(_, let p):
              action = "installed"
              prebuilt = .bool(p)
            case .alreadyInstalled: action = "present"
            }
            return .object([
              ("tool", .string(r.tool)),
              ("version", .string(r.entry.version)),
              ("range", .string(r.entry.range)),
              ("sha256", .string(r.entry.sha256)),
              ("registry", .string(r.entry.registry)),
              ("action", .string(action)),
              ("prebuilt", prebuilt),
              ("locked", .bool(r.fromLock)),
              ("path", .string(store.layout.blobDir(r.tool, r.entry.version))),
            ])
          })
      ),
    ])
  }
}
