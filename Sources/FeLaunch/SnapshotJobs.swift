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
/// dies) while it builds everything missing, and scans again before letting go. The process that
/// starts it takes the lock first and hands it over on fd 3, so there is no moment after an
/// install when the build is due but the lock is free (a script waiting on the lock sees it).
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
  /// `inherited`: the lock is held already, on this descriptor (`--background`).
  public func buildMissing(
    only: [String] = [], wait: Bool, inherited: Int32? = nil, report: (String) -> Void = { _ in }
  ) throws -> [String]? {
    let lock: JobLock
    if let inherited, let held = JobLock(inherited: inherited, path: lockPath) {
      lock = held
    } else {
      guard let taken = try JobLock(path: lockPath, wait: wait) else { return nil }
      lock = taken
    }
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
    let built = try BlobBuilder(options: context.options).rebuild(layout, tool: tool, version: version, manifest: manifest, source: source)
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
      let lock = try? JobLock(path: lockPath, wait: false)
    else { return }
    // The child holds it on (the same open file) once this process lets go.
    defer { lock.release() }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    posix_spawnattr_setflags(&attr, Int16(Spawn.resetSignals(&attr) | Spawn.setsid))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in 0...2 { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
    // Onto fd 3 from a copy above it: dup2 onto itself would keep close-on-exec set.
    let handed = fcntl(lock.fd, F_DUPFD_CLOEXEC, 10)
    guard handed >= 0 else { return }
    defer { close(handed) }
    posix_spawn_file_actions_adddup2(&actions, handed, SnapshotJobs.inheritedLockFD)
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

extension SnapshotJobs {
  /// Where `fe blobs snapshot --background` finds the lock its starter took.
  public static let inheritedLockFD: Int32 = 3

  var lockPath: String { Path.join(store.layout.cacheDir, "snapshot-jobs.lock") }
}

/// flock(2) on a file of its own, exclusive; released by the kernel when the holder dies.
struct JobLock {
  let fd: Int32

  /// The lock on `path` held already through `fd` (inherited): nil unless `fd` is open on
  /// that very file and holds its lock.
  init?(inherited fd: Int32, path: String) {
    var mine = stat()
    var file = stat()
    guard fstat(fd, &mine) == 0, stat(path, &file) == 0, mine.st_dev == file.st_dev, mine.st_ino == file.st_ino,
      flock(fd, LOCK_EX | LOCK_NB) == 0
    else { return nil }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    self.fd = fd
  }

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
}
