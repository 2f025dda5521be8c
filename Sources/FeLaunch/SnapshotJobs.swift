import FeBasics
import FeRuntime
import FeStore

#if canImport(Glibc)
  import Glibc
#endif

/// The snapshots of package images, built after their install. An npm tool's install ends once
/// its tree is in place (no V8 work), as npm's does; its snapshot, with the compiled code of what
/// the tool loads, is then built by a detached `fe blobs snapshot --background`, and until it is
/// there the tool runs from the base snapshot, loading its files as Node would. A launch that
/// finds a snapshot missing starts the builder again (after a killed one, a copied store).
/// `FE_SNAPSHOT_AT_INSTALL=1` builds it within the install instead (an image baked in one step,
/// a store that is read-only afterwards), and `fe blobs snapshot` builds what is missing now.
///
/// One builder at a time: it holds `cache/snapshot-jobs.lock` (flock, dropped by the kernel if it
/// dies) while it builds everything missing, and scans again before letting go.
public struct SnapshotJobs {
  let context: FeContext
  let store: BlobStore

  public init(context: FeContext, store: BlobStore) {
    self.context = context
    self.store = store
  }

  /// Whether an install builds the snapshot itself (FE_SNAPSHOT_AT_INSTALL).
  public static func atInstall(_ context: FeContext) -> Bool { Environment.isTruthy(context.env["FE_SNAPSHOT_AT_INSTALL"]) }

  /// Installed blobs whose snapshot is not built yet (only `only`'s tools or specs when given).
  public func missing(only: [String] = []) -> [InstalledBlob] {
    store.installed().filter { blob in
      (only.isEmpty || only.contains(blob.tool) || only.contains(blob.spec)) && blob.manifest.map { !$0.hasSnapshot } == true
    }
  }

  /// Builds every missing snapshot (of `only`'s blobs when given). `wait`: for a builder already
  /// at work, then build what it left; otherwise return at once (nil) when one is. Returns the
  /// specs built; a blob removed or replaced meanwhile is skipped.
  public func buildMissing(only: [String] = [], wait: Bool, report: (String) -> Void = { _ in }) throws -> [String]? {
    guard let lock = try JobLock(path: Path.join(store.layout.cacheDir, "snapshot-jobs.lock"), wait: wait) else { return nil }
    defer { lock.release() }
    var built: [String] = []
    var failed: Set<String> = []
    while let blob = missing(only: only).first(where: { !failed.contains($0.spec) }) {
      do {
        if try build(blob.tool, blob.version) {
          built.append(blob.spec)
          report(blob.spec)
        }
      } catch {
        failed.insert(blob.spec)
        if wait { throw error }
      }
    }
    return built
  }

  /// Builds the snapshot of `tool@version` from its stored source and image, if it still has none.
  func build(_ tool: String, _ version: String) throws -> Bool {
    let layout = store.layout
    guard let manifest = try store.manifest(tool: tool, version: version), !manifest.hasSnapshot else { return false }
    let source = try StoreFile.read(layout.sourcePath(tool, version))
    // The kind is found as an install finds it (the recorded one is Node's rule for the entry).
    let built = try BlobBuilder(options: context.options).build(
      source: source, tool: tool, version: version, sourcePath: layout.sourcePath(tool, version), origin: manifest.origin,
      image: ImageLocation.inPlace(layout, tool, version, manifest))
    // The blob may have been replaced while this one was built: only the same source gets it.
    guard let now = try store.manifest(tool: tool, version: version), now.sourceSha256 == manifest.sourceSha256, !now.hasSnapshot
    else { return false }
    try store.replaceSnapshot(tool: tool, version: version, snapshot: built.snapshot, manifest: built.manifest)
    return true
  }

  /// Starts `fe blobs snapshot --background` detached: its own session (no terminal signal
  /// reaches it), stdio on /dev/null, lower priority. A store that cannot be written, or a
  /// builder already at work, makes this a no-op.
  public func startInBackground() {
    let layout = store.layout
    guard access(layout.blobsDir, W_OK) == 0, (try? FileSystem.createDirectory(layout.cacheDir)) != nil,
      JobLock.isFree(Path.join(layout.cacheDir, "snapshot-jobs.lock"))
    else { return }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setflags(&attr, Int16(Spawn.resetSignals(&attr) | Spawn.setsid))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
    let args = [context.executable, "blobs", "snapshot", "--background"]
    var env = context.env
    env["FE_HOME"] = layout.home
    let argv = args.map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    // Not waited for: the child outlives this process (init reaps it), and fe exits right after.
    _ = posix_spawn(&pid, context.executable, &actions, &attr, argv, envp)
  }
}

/// flock(2) on a file of its own, exclusive; released by the kernel when the holder dies.
struct JobLock {
  private let fd: Int32

  /// nil when another process holds it and `wait` is false.
  init?(path: String, wait: Bool) throws {
    fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw FileSystem.ioError("cannot open \(path)") }
    while flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
      let code = errno
      if code == EINTR { continue }
      close(fd)
      if code == EWOULDBLOCK { return nil }
      throw FileSystem.ioError("cannot lock \(path)")
    }
  }

  func release() { close(fd) }

  /// Whether nobody holds it right now.
  static func isFree(_ path: String) -> Bool {
    guard let lock = try? JobLock(path: path, wait: false) else { return false }
    lock.release()
    return true
  }
}
