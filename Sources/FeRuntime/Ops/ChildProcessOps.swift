import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for `child_process`. A child starts with posix_spawn; its pipes are read on threads of
/// their own and its exit is awaited on another, each posting back to the loop, which calls
/// `core.onChildData` / `core.onChildExit`. Until it exits (and its pipes close) a child keeps
/// the loop alive, unless JS unrefs it.
enum ChildProcessOps {
  static let all: [Op] = [
    Op("op_child_spawn", needs: .run) { rt, call in
      // (file, argv, env, cwd or null, stdio, detached) → [handle id, pid, stdin fd, stdout fd,
      // stderr fd] (-1 where not a pipe), or [-errno, code] when the process could not start.
      let request = SpawnRequest(call, from: 0, detachedAt: 5)
      switch spawn(request) {
      case .failure(let err):
        call.returns(.array([.number(Double(-err)), .string(codeName(err))]))
      case .success(let child):
        let id = watch(child, loop: rt.loop, resources: rt.resources)
        call.returns(.array([.number(Double(id)), .number(Double(child.pid))] + child.parentFds.map { .number(Double($0)) }))
      }
    },
    Op("op_child_ref", needs: .run) { rt, call in
      // (id, refed): whether a running child keeps the loop alive
      rt.resources.get(call.int(0), as: ChildHandle.self)?.setRef(call.bool(1), loop: rt.loop)
    },
    Op("op_child_pipe_ref", needs: .run) { rt, call in
      // (id, fd 1 or 2, refed): whether the parent's end of a running child's stdout/stderr pipe
      // keeps the loop alive until its end (Node's child.stdout.ref()/unref())
      let index = call.int(1)
      guard index == 1 || index == 2 else { return }
      rt.resources.get(call.int(0), as: ChildHandle.self)?.pipes[index].setRef(call.bool(2), loop: rt.loop)
    },
    Op("op_child_spawn_sync", needs: .run) { _, call in
      // (file, argv, env, cwd, stdio, input bytes or null, timeout ms, maxBuffer, kill signal)
      // → [pid, status, signal, stdout, stderr, error code, -errno]
      let request = SpawnRequest(call, from: 0)
      let input: [UInt8] = call.isNullish(5) ? [] : call.bytes(5)
      let timeout = call.number(6)
      let maxBuffer = call.number(7)
      let killSignal = Int32(call.int(8))
      call.returns(runSync(request, input: input, timeoutMs: timeout, maxBuffer: maxBuffer, killSignal: killSignal))
    },
    Op("op_pipe_write_async", needs: .run) { rt, call in
      // (promise id, fd, bytes) → settles when all bytes are written; a thread of its own,
      // because a child that does not read would otherwise block a pool worker forever
      let promise = call.number(0)
      let fd = Int32(call.int(1))
      let data = call.bytes(2)
      rt.loop.retain()
      WorkerPool.detach {
        let err = data.withUnsafeBytes { FsOps.writeFully(fd, $0) }
        rt.loop.post { s in
          let value: OpResult = err == 0 ? .undefined : .fail(err, syscall: "write")
          try s.callCore(.settle, [s.number(promise), s.bool(err == 0), value.local(s)])
        }
      }
    },
  ] + IPCChannelOps.all

  /// Node's code for an errno, including the few spawning adds to the shared table.
  static func codeName(_ err: Int32) -> String {
    if let known = Errno.names[err] { return known.0 }
    switch err {
    case ENOBUFS: return "ENOBUFS"
    case ENOEXEC: return "ENOEXEC"
    case E2BIG: return "E2BIG"
    case ENFILE: return "ENFILE"
    case ENOSYS: return "ENOSYS"
    default: return Errno.name(err)
    }
  }

  // MARK: starting processes

  enum Stdio: Equatable {
    case pipe, inherit, ignore
    case fd(Int32)
    /// Node's IPC channel: one end of a socketpair (IPCChannelOps).
    case ipc
  }

  struct SpawnRequest {
    var file: String
    var argv: [String]
    var env: [String]
    var cwd: String?
    var stdio: [Stdio]
    var detached: Bool

    /// Reads (file, argv, env, cwd, stdio) from argument `i` on, and `detached` from its own index.
    init(_ call: OpCall, from i: Int, detachedAt: Int? = nil) {
      let s = call.scope
      func strings(_ v: JSValue) -> [String] {
        if case .array(let items) = v { return items.map { $0.stringValue ?? "" } }
        return []
      }
      file = call.string(i)
      argv = strings(s.toSwift(call.arg(i + 1)))
      env = strings(s.toSwift(call.arg(i + 2)))
      cwd = call.isNullish(i + 3) ? nil : call.string(i + 3)
      var stdio: [Stdio] = []
      if case .array(let items) = s.toSwift(call.arg(i + 4)) {
        for (i, item) in items.enumerated() {
          switch item {
          case .number(let n): stdio.append(.fd(Int32(n)))
          case .string("inherit"): stdio.append(i < 3 ? .inherit : .fd(Int32(i)))
          case .string("ignore"): stdio.append(.ignore)
          case .string("ipc"): stdio.append(.ipc)
          default: stdio.append(.pipe)
          }
        }
      }
      while stdio.count < 3 { stdio.append(.pipe) }
      self.stdio = stdio
      detached = detachedAt.map { call.bool($0) } ?? false
    }
  }

  struct Spawned {
    var pid: pid_t
    /// The parent's ends of the child's fds 0–2: the write end for stdin, read ends for
    /// stdout and stderr; -1 where the child's fd is not a pipe.
    var parentFds: [Int32]
  }

  enum SpawnResult {
    case success(Spawned)
    case failure(Int32)
  }

  /// posix_spawn_file_actions_addchdir_np is glibc ≥ 2.29 and hidden behind _GNU_SOURCE, so
  /// Swift's Glibc module does not show it: look it up once.
  private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
  private static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
    unsafeBitCast($0, to: AddChdir.self)
  }
  /// pipe2 is hidden the same way; without it, pipe then FD_CLOEXEC (only the loop thread spawns).
  private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
  private static let pipe2: Pipe2? = dlsym(nil, "pipe2").map { unsafeBitCast($0, to: Pipe2.self) }
  private static func makePipe(_ fds: inout [Int32]) -> Int32 {
    if let pipe2 { return fds.withUnsafeMutableBufferPointer { pipe2($0.baseAddress!, O_CLOEXEC) } }
    guard pipe(&fds) == 0 else { return -1 }
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return 0
  }

  /// Writing to a pipe whose reader exited must fail with EPIPE, not kill fe (Node ignores
  /// SIGPIPE too). Children get default dispositions back through POSIX_SPAWN_SETSIGDEF.
  private static let ignoreSigpipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

  /// The executable `file` names: itself when it has a slash, else the first match on the
  /// child's PATH (libuv's default when the env has none), as execvp would find it.
  static func resolve(_ file: String, env: [String]) -> Result<String, SpawnError> {
    if file.isEmpty { return .failure(SpawnError(code: ENOENT)) }
    if file.contains("/") { return .success(file) }
    let path = env.last { $0.hasPrefix("PATH=") }.map { String($0.dropFirst(5)) } ?? "/usr/bin:/bin"
    var denied = false
    for dir in path.split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + file
      var st = stat()
      guard stat(candidate, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
      if access(candidate, X_OK) == 0 { return .success(candidate) }
      denied = true
    }
    return .failure(SpawnError(code: denied ? EACCES : ENOENT))
  }

  struct SpawnError: Error {
    var code: Int32
  }

  static func spawn(_ r: SpawnRequest) -> SpawnResult {
    _ = ignoreSigpipe
    let exe: String
    switch resolve(r.file, env: r.env) {
    case .success(let path): exe = path
    case .failure(let e): return .failure(e.code)
    }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }

    var parentFds = [Int32](repeating: -1, count: max(3, r.stdio.count))
    var childEnds: [Int32] = []
    func closeAll() {
      for fd in parentFds where fd >= 0 { close(fd) }
      for fd in childEnds { close(fd) }
    }
    for (i, spec) in r.stdio.enumerated() {
      let target = Int32(i)
      switch spec {
      case .ipc, .pipe where i >= 3:
        // A duplex Unix socket: Node's IPC channel, and every 'pipe' past stderr.
        var fds: [Int32] = [-1, -1]
        if socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &fds) != 0 {
          let err = errno
          closeAll()
          return .failure(err)
        }
        parentFds[i] = fds[0]
        childEnds.append(fds[1])
        posix_spawn_file_actions_adddup2(&actions, fds[1], target)
      case .pipe:
        var fds: [Int32] = [-1, -1]
        if makePipe(&fds) != 0 {
          let err = errno
          closeAll()
          return .failure(err)
        }
        let (child, parent) = i == 0 ? (fds[0], fds[1]) : (fds[1], fds[0])
        parentFds[i] = parent
        childEnds.append(child)
        posix_spawn_file_actions_adddup2(&actions, child, target)
      case .inherit:
        break
      case .ignore:
        if i < 3 { posix_spawn_file_actions_addopen(&actions, target, "/dev/null", i == 0 ? O_RDONLY : O_RDWR, 0) }
      case .fd(let fd):
        // Through a copy numbered above every target: dup2 onto its own number leaves
        // FD_CLOEXEC set (a listening socket handed on as fd 3 would never reach the child),
        // and an earlier dup2 may already have replaced a low source (['pipe', 'pipe', 'pipe', 1]).
        let copy = fcntl(fd, F_DUPFD_CLOEXEC, Int32(r.stdio.count))
        if copy < 0 {
          let err = errno
          closeAll()
          return .failure(err)
        }
        childEnds.append(copy)
        posix_spawn_file_actions_adddup2(&actions, copy, target)
      }
    }
    if let cwd = r.cwd {
      guard let addChdir else {
        closeAll()
        return .failure(ENOSYS)
      }
      _ = cwd.withCString { addChdir(&actions, $0) }
    }

    // The child starts with no blocked signals and default dispositions, as libuv does.
    var flags = Spawn.resetSignals(&attr)
    if r.detached { flags |= Spawn.setsid }
    posix_spawnattr_setflags(&attr, Int16(flags))

    var argv: [UnsafeMutablePointer<CChar>?] = (r.argv.isEmpty ? [r.file] : r.argv).map { strdup($0) } + [nil]
    var envp: [UnsafeMutablePointer<CChar>?] = r.env.map { strdup($0) } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid = pid_t()
    let rc = posix_spawn(&pid, exe, &actions, &attr, &argv, &envp)
    for fd in childEnds { close(fd) }
    childEnds = []
    if rc != 0 {
      closeAll()
      return .failure(rc)
    }
    return .success(Spawned(pid: pid, parentFds: parentFds))
  }

  // MARK: watching a running child

  /// Starts the threads that read the child's pipes and wait for its exit; returns the
  /// child's handle id.
  static func watch(_ child: Spawned, loop: EventLoop, resources: ResourceTable) -> Int {
    let handle = ChildHandle(pid: child.pid)
    let id = resources.add(handle)
    loop.retain()
    for index in [1, 2] where child.parentFds[index] >= 0 {
      let fd = child.parentFds[index]
      let hold = handle.pipes[index]
      loop.retain()
      WorkerPool.detach {
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
          let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
          if n < 0 && errno == EINTR { continue }
          if n <= 0 { break }
          let chunk = Array(buf[0..<n])
          loop.post(releasing: false) { s in
            try s.callCore(.onChildData, [s.number(Double(id)), s.number(Double(index)), s.bytes(chunk)])
          }
        }
        close(fd)
        loop.post(releasing: hold.markEnded()) { s in
          try s.callCore(.onChildData, [s.number(Double(id)), s.number(Double(index)), s.null])
        }
      }
    }
    WorkerPool.detach {
      let (code, signal) = waitFor(child.pid)
      let release = handle.markExited()
      loop.post(releasing: release) { s in
        _ = resources.take(id, as: ChildHandle.self)
        try s.callCore(
          .onChildExit,
          [
            s.number(Double(id)), code.map { s.number(Double($0)) } ?? s.null, signal.map { s.string($0) } ?? s.null,
          ])
      }
    }
    return id
  }

  /// Blocks until `pid` ends: its exit code, or the name of the signal that ended it.
  static func waitFor(_ pid: pid_t) -> (Int32?, String?) {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      if errno != EINTR { return (-Int32(errno), nil) }
    }
    let sig = status & 0x7f
    if sig == 0 { return ((status >> 8) & 0xff, nil) }
    return (nil, signalName(sig))
  }

  static func signalName(_ n: Int32) -> String {
    let names = [
      "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1",
      "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",
      "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH",
      "SIGIO", "SIGPWR", "SIGSYS",
    ]
    return n >= 1 && Int(n) <= names.count ? names[Int(n) - 1] : "SIG\(n)"
  }

  // MARK: spawnSync

  /// Runs a child to the end on the calling thread: feeds `input` to its stdin, collects its
  /// stdout and stderr, and kills it on timeout or when output passes `maxBuffer`.
  static func runSync(_ r: SpawnRequest, input: [UInt8], timeoutMs: Double, maxBuffer: Double, killSignal: Int32) -> JSValue {
    let child: Spawned
    switch spawn(r) {
    case .failure(let err):
      return .array([.number(0), .null, .null, .null, .null, .string(codeName(err)), .number(Double(-err))])
    case .success(let c): child = c
    }
    // Extra fds (past stdio) have nothing to collect here.
    for fd in child.parentFds.dropFirst(3) where fd >= 0 { close(fd) }
    var fds = Array(child.parentFds.prefix(3))
    for fd in fds where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    if fds[0] >= 0 && input.isEmpty {
      close(fds[0])
      fds[0] = -1
    }
    var outputs: [[UInt8]] = [[], [], []]
    var written = 0
    var failure: Int32? = nil
    let deadline = timeoutMs > 0 ? Clock.nowMs() + timeoutMs : nil
    var buf = [UInt8](repeating: 0, count: 65536)

    func closeFd(_ i: Int) {
      if fds[i] >= 0 {
        close(fds[i])
        fds[i] = -1
      }
    }
    func stop(_ err: Int32) {
      failure = err
      kill(child.pid, killSignal)
      for i in 0..<3 { closeFd(i) }
    }

    while fds.contains(where: { $0 >= 0 }) {
      var polls: [pollfd] = []
      var which: [Int] = []
      for i in 0..<3 where fds[i] >= 0 {
        polls.append(pollfd(fd: fds[i], events: Int16(i == 0 ? POLLOUT : POLLIN), revents: 0))
        which.append(i)
      }
      var wait: Int32 = -1
      if let deadline {
        let left = deadline - Clock.nowMs()
        if left <= 0 {
          stop(ETIMEDOUT)
          break
        }
        wait = Int32(min(left.rounded(.up), Double(Int32.max)))
      }
      let n = poll(&polls, nfds_t(polls.count), wait)
      if n < 0 {
        if errno == EINTR { continue }
        stop(errno)
        break
      }
      for (k, p) in polls.enumerated() where p.revents != 0 {
        let i = which[k]
        if i == 0 {
          let w = input.withUnsafeBytes { write(fds[0], $0.baseAddress! + written, input.count - written) }
          if w > 0 {
            written += w
            if written >= input.count { closeFd(0) }
          } else if w < 0 && errno != EAGAIN && errno != EINTR {
            closeFd(0)  // the child stopped reading (EPIPE): as Node does, keep its output
          }
          continue
        }
        while fds[i] >= 0 {
          let got = buf.withUnsafeMutableBytes { read(fds[i], $0.baseAddress, $0.count) }
          if got > 0 {
            outputs[i].append(contentsOf: buf[0..<got])
            if Double(outputs[i].count) > maxBuffer {
              stop(ENOBUFS)  // the output read so far stays whole, as in Node
            }
            continue
          }
          if got < 0 && (errno == EAGAIN || errno == EINTR) { break }
          closeFd(i)
        }
      }
    }
    let (code, signal) = waitFor(child.pid)
    func output(_ i: Int) -> JSValue { r.stdio[i] == .pipe ? .bytes(outputs[i]) : .null }
    return .array([
      .number(Double(child.pid)), code.map { .number(Double($0)) } ?? .null, signal.map(JSValue.string) ?? .null,
      output(1), output(2), failure.map { .string(codeName($0)) } ?? .null, .number(Double(-(failure ?? 0))),
    ])
  }
}

/// A hold on the loop that JS can drop and take again (ref/unref) until the thing it stands
/// for ends. The loop thread sets `refed`; the thread that sees the end marks it; the lock
/// orders the two so the loop is released exactly once.
final class LoopHold: @unchecked Sendable {
  private let lock = Mutex()
  private var refed = true
  private var ended = false

  /// Called by the thread that saw the end: whether its completion must release the loop.
  func markEnded() -> Bool {
    lock.withLock {
      ended = true
      return refed
    }
  }

  func setRef(_ on: Bool, loop: EventLoop) {
    let change: Bool = lock.withLock {
      guard !ended, refed != on else { return false }
      refed = on
      return true
    }
    guard change else { return }
    if on { loop.retain() } else { loop.post { _ in } }
  }
}

/// A running child's holds on the loop: its exit, and the reading of its stdout and stderr pipes
/// (`pipes[1]`, `pipes[2]`), each unref'able on its own as in Node.
final class ChildHandle: Resource, @unchecked Sendable {
  let pid: pid_t
  private let exit = LoopHold()
  let pipes = [LoopHold(), LoopHold(), LoopHold()]

  init(pid: pid_t) {
    self.pid = pid
  }

  /// Called by the waiting thread: whether its completion must release the loop.
  func markExited() -> Bool { exit.markEnded() }

  func setRef(_ on: Bool, loop: EventLoop) { exit.setRef(on, loop: loop) }
}
