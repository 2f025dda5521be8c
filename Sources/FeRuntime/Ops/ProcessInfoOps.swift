import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// Ops for what `process` reports about itself and changes about its credentials (JS/05-process.js),
/// and V8's promise hooks for async_hooks (JS/31-async_hooks.js).
/// The process's title as libuv sets it on Linux: written over the memory of the original
/// command line (the argv strings, which the kernel laid out one after another; as in libuv, never
/// the environment's), cut to fit, and the main thread's name (`comm`, 15 bytes). fe read its
/// command line into Swift strings at start, so nothing reads the overwritten bytes.
enum ProcessTitle {
  private static let area: (start: UnsafeMutablePointer<CChar>, size: Int)? = {
    let argv = CommandLine.unsafeArgv
    guard CommandLine.argc > 0, let first = argv[0] else { return nil }
    var end = first
    for i in 0..<Int(CommandLine.argc) {
      guard let arg = argv[i], arg == end || i == 0 else { break }
      end = arg + strlen(arg) + 1
    }
    return (first, end - first)
  }()

  static func set(_ title: String) {
    // The process's name (the main thread's), as prctl(PR_SET_NAME) would set it from there.
    let comm = open("/proc/self/comm", O_WRONLY | O_CLOEXEC)
    if comm >= 0 {
      let name = Array(title.utf8.prefix(15))
      _ = name.withUnsafeBytes { write(comm, $0.baseAddress, $0.count) }
      close(comm)
    }
    guard let (start, size) = area, size > 1 else { return }
    let bytes = Array(title.utf8.prefix(size - 1))
    memset(start, 0, size)
    for (i, byte) in bytes.enumerated() { start[i] = CChar(bitPattern: byte) }
  }
}

enum ProcessInfoOps {
  static let all: [Op] = [
    // (title): the title `ps` shows for this process (Node's uv_set_process_title)
    Op("op_process_title_set", needs: .run) { _, call in ProcessTitle.set(call.string(0)) },
    // (init, before, after, resolve) → sets the context's promise hooks; non-functions clear them
    Op("op_promise_hooks_set") { _, call in
      call.scope.setPromiseHooks(init: call.arg(0), before: call.arg(1), after: call.arg(2), resolve: call.arg(3))
    },
    // () → [uid, euid, gid, egid, ...supplementary groups]
    Op("op_process_ids") { _, call in
      var ids: [JSValue] = [getuid(), geteuid(), getgid(), getegid()].map { .number(Double($0)) }
      let n = getgroups(0, nil)
      if n > 0 {
        var groups = [gid_t](repeating: 0, count: Int(n))
        let got = getgroups(n, &groups)
        if got > 0 { ids += groups.prefix(Int(got)).map { .number(Double($0)) } }
      }
      call.returns(.array(ids))
    },
    // (name) → the uid of a user name, or -1 when there is none
    Op("op_process_uid_of") { _, call in
      let name = call.string(0)
      guard let pw = getpwnam(name) else { return call.returns(-1.0) }
      call.returns(Double(pw.pointee.pw_uid))
    },
    // (name) → the gid of a group name, or -1 when there is none
    Op("op_process_gid_of") { _, call in
      let name = call.string(0)
      guard let gr = getgrnam(name) else { return call.returns(-1.0) }
      call.returns(Double(gr.pointee.gr_gid))
    },
    // (which: "setuid" | "seteuid" | "setgid" | "setegid", id) → an errno failure or nothing
    Op("op_process_set_id", needs: .run) { _, call in
      let which = call.string(0)
      let id = UInt32(truncatingIfNeeded: call.int(1))
      let rc: Int32
      switch which {
      case "setuid": rc = setuid(id)
      case "seteuid": rc = seteuid(id)
      case "setgid": rc = setgid(id)
      case "setegid": rc = setegid(id)
      default: rc = 0
      }
      if rc != 0 { call.fail(errno, syscall: which) }
    },
    // (gids[]) → setgroups; an errno failure or nothing
    Op("op_process_set_groups", needs: .run) { _, call in
      let arr = call.arg(0)
      var groups: [gid_t] = []
      for i in 0..<call.scope.length(arr) {
        guard let v = call.scope.element(arr, i) else { continue }
        groups.append(gid_t(truncatingIfNeeded: Int(call.scope.number(v))))
      }
      if setgroups(groups.count, groups) != 0 { call.fail(errno, syscall: "setgroups") }
    },
    // () → getrusage(RUSAGE_SELF) in process.resourceUsage()'s order, times in microseconds
    Op("op_resource_usage") { _, call in
      var ru = rusage()
      getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &ru)
      func us(_ t: timeval) -> Double { Double(t.tv_sec) * 1e6 + Double(t.tv_usec) }
      let fields: [Double] = [
        us(ru.ru_utime), us(ru.ru_stime), Double(ru.ru_maxrss), Double(ru.ru_ixrss), Double(ru.ru_idrss),
        Double(ru.ru_isrss), Double(ru.ru_minflt), Double(ru.ru_majflt), Double(ru.ru_nswap), Double(ru.ru_inblock),
        Double(ru.ru_oublock), Double(ru.ru_msgsnd), Double(ru.ru_msgrcv), Double(ru.ru_nsignals), Double(ru.ru_nvcsw),
        Double(ru.ru_nivcsw),
      ]
      call.returns(call.scope.float64Array(fields))
    },
  ]
}
