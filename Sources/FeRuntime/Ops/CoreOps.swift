import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for the process, the console and the event loop.
enum CoreOps {
  static let all: [Op] = [
    Op("op_write") { _, call in
      let fd = Int32(call.int(0))
      let data = call.arg(1)
      if call.scope.type(data) == .string {
        var s = call.scope.string(data)
        s.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
      } else {
        call.scope.withBytes(data) { writeAll(fd, $0) }
      }
    },
    Op("op_exit", needs: .exit) { rt, call in rt.exit(Int32(truncatingIfNeeded: call.int(0))) },
    // process.abort(), --abort-on-uncaught-exception
    Op("op_abort", needs: .exit) { _, _ in NodeAbort.now() },
    Op("op_run_microtasks") { _, call in call.scope.runMicrotasks() },
    Op("op_timer_start") { rt, call in rt.loop.startTimer(id: call.int(0), ms: call.number(1), refed: call.bool(2)) },
    Op("op_timer_stop") { rt, call in rt.loop.stopTimer(id: call.int(0)) },
    Op("op_timer_ref") { rt, call in rt.loop.refTimer(id: call.int(0), refed: call.bool(1)) },
    Op("op_immediate_ref") { rt, call in rt.loop.refImmediates(call.int(0)) },
    Op("op_v8_version") { _, call in call.returns(Engine.version) },
    Op("op_hrtime") { _, call in call.returns(Clock.nowNs()) },
    Op("op_loop_metrics") { rt, call in call.returns(.array([.number(rt.loop.startNs), .number(rt.loop.idleNs)])) },
    Op("op_cwd") { _, call in
      var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      if getcwd(&buf, buf.count) == nil { return call.fail(errno, syscall: "uv_cwd") }
      call.returns(String(cString: buf))
    },
    Op("op_timezone_set") { _, call in
      // (zone | undefined): process.env.TZ was set or deleted. As in Node (node_env_var.cc), the
      // process's own TZ changes and V8 is told, so Date and Intl use the new zone.
      if call.isNullish(0) { unsetenv("TZ") } else { setenv("TZ", call.string(0), 1) }
      tzset()
      call.scope.timeZoneChanged()
    },
    Op("op_umask") { _, call in
      // (mask or null) → the previous mask; null only reads it (set and put back, as libuv's)
      if call.isNullish(0) {
        let old = umask(0)
        umask(old)
        return call.returns(Double(old))
      }
      call.returns(Double(umask(mode_t(truncatingIfNeeded: call.int(0)))))
    },
    Op("op_chdir") { _, call in
      let dir = call.string(0)
      if chdir(dir) != 0 { return call.fail(errno, syscall: "chdir", path: dir) }
    },
    Op("op_memory_usage") { rt, call in
      // The current resident set (as Node reports it), not getrusage's peak.
      var rss = 0.0
      let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
      if fd >= 0 {
        var buf = [UInt8](repeating: 0, count: 128)
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        close(fd)
        let fields = String(decoding: buf.prefix(max(0, n)), as: UTF8.self).split(separator: " ")
        if fields.count > 1, let pages = Double(fields[1]) { rss = pages * Double(sysconf(Int32(_SC_PAGESIZE))) }
      }
      let heap = rt.isolate.heapStatistics
      call.returns(.array([.number(rss), .number(heap.total), .number(heap.used), .number(heap.external)]))
    },
    Op("op_kill", needs: .run) { _, call in
      let pid = pid_t(call.int(0))
      let signal = call.scope.type(call.arg(1)) == .number ? Int32(call.int(1)) : Signals.number(call.string(1)) ?? -1
      if signal < 0 { return call.fail(EINVAL, syscall: "kill") }
      if kill(pid, signal) != 0 { call.fail(errno, syscall: "kill") }
    },
    Op("op_utf8_decode") { _, call in
      call.returns(call.scope.withBytes(call.arg(0)) { String(decoding: $0, as: UTF8.self) })
    },
    Op("op_promise_state") { _, call in
      let p = call.arg(0)
      let s = call.scope
      let arr = s.array(2)
      s.set(arr, "0", s.number(Double(s.promiseState(p).rawValue)))
      s.set(arr, "1", s.promiseState(p) == .pending ? s.undefined : s.promiseResult(p))
      call.returns(arr)
    },
  ]

  /// Writes everything to stdout/stderr; a reader that went away (EPIPE) is ignored, as Node does.
  static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) {
    _ = FsOps.writeFully(fd, buf)
  }
}

/// Node's abort(): the process ends with SIGABRT (process.abort(), --abort-on-uncaught-exception).
public enum NodeAbort {
  /// SIGABRT's default action (a core file where the system writes one), not the Swift runtime's
  /// crash report, which would claim fe itself crashed.
  public static func now() -> Never {
    signal(SIGABRT, SIG_DFL)
    abort()
  }
}

enum Signals {
  static let table: [String: Int32] = [
    "SIGHUP": SIGHUP, "SIGINT": SIGINT, "SIGQUIT": SIGQUIT, "SIGKILL": SIGKILL, "SIGTERM": SIGTERM,
    "SIGUSR1": SIGUSR1, "SIGUSR2": SIGUSR2, "SIGPIPE": SIGPIPE, "SIGALRM": SIGALRM, "SIGCHLD": SIGCHLD,
    "SIGCONT": SIGCONT, "SIGSTOP": SIGSTOP, "SIGTSTP": SIGTSTP, "SIGWINCH": SIGWINCH,
  ]
  static func number(_ name: String) -> Int32? { name.isEmpty ? nil : table[name] ?? (name == "0" ? 0 : nil) }
}
