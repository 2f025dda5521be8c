import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

enum OsOps {
  static let all: [Op] = [
    Op("op_os_info") { _, call in
      var u = utsname()
      uname(&u)
      func field<T>(_ v: T) -> String {
        withUnsafePointer(to: v) { $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout<T>.size) { String(cString: $0) } }
      }
      var home = ""
      if let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { home = String(cString: dir) }
      call.returns(.array([.string(field(u.nodename)), .string(field(u.release)), .string(home)]))
    },
    // [sysname, version, release, machine], as Node's getOSInformation (uname).
    Op("op_os_uname") { _, call in
      var u = utsname()
      guard uname(&u) == 0 else { return call.fail(errno, syscall: "uv_os_uname") }
      func field<T>(_ v: T) -> String {
        withUnsafePointer(to: v) { $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout<T>.size) { String(cString: $0) } }
      }
      call.returns(.array([.string(field(u.sysname)), .string(field(u.version)), .string(field(u.release)), .string(field(u.machine))]))
    },
    // Per CPU: [model, speed MHz, user, nice, sys, idle, irq] with times in ms, as libuv reads
    // them on Linux (/proc/cpuinfo, /proc/stat in clock ticks).
    Op("op_os_cpus") { _, call in
      let n = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
      var models: [String] = []
      var speeds: [Double] = []
      for line in (procFile("/proc/cpuinfo") ?? "").split(separator: "\n") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
        if line.hasPrefix("model name") { models.append(value) }
        if line.hasPrefix("cpu MHz") { speeds.append((Double(value) ?? 0).rounded(.down)) }
      }
      var times: [[Double]] = []
      let tick = Double(sysconf(Int32(_SC_CLK_TCK)))
      let msPerTick = tick > 0 ? 1000 / tick : 10
      for line in (procFile("/proc/stat") ?? "").split(separator: "\n") where line.hasPrefix("cpu") {
        let parts = line.split(separator: " ")
        guard parts.count >= 8, parts[0] != "cpu" else { continue }
        // user nice system idle iowait irq
        let v = parts[1...7].map { (Double($0) ?? 0) * msPerTick }
        times.append([v[0], v[1], v[2], v[3], v[5]])
      }
      call.returns(.array((0..<n).map { i in
        let t = i < times.count ? times[i] : [0, 0, 0, 0, 0]
        return .array([.string(i < models.count ? models[i] : models.first ?? "unknown"), .number(i < speeds.count ? speeds[i] : 0)]
          + t.map { .number($0) })
      }))
    },
    Op("op_os_loadavg") { _, call in
      var avg = [Double](repeating: 0, count: 3)
      _ = getloadavg(&avg, 3)
      call.returns(.array(avg.map { .number($0) }))
    },
    // getpriority(PRIO_PROCESS, pid), or setpriority with a second argument; errors as errnos.
    Op("op_os_priority") { _, call in
      let pid = id_t(truncatingIfNeeded: call.int(0))
      if call.count > 1 {
        guard setpriority(__priority_which_t(PRIO_PROCESS.rawValue), pid, Int32(call.int(1))) == 0 else {
          return call.fail(errno, syscall: "uv_os_setpriority")
        }
        return call.returns(0)
      }
      errno = 0
      let r = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), pid)
      if r == -1 && errno != 0 { return call.fail(errno, syscall: "uv_os_getpriority") }
      call.returns(Double(r))
    },
    // [uid, gid, username, homedir, shell] of the effective user (getpwuid_r), as
    // uv_os_get_passwd.
    Op("op_os_user_info") { _, call in
      var pw = passwd()
      var result: UnsafeMutablePointer<passwd>?
      var buffer = [CChar](repeating: 0, count: 16384)
      let rc = getpwuid_r(geteuid(), &pw, &buffer, buffer.count, &result)
      guard rc == 0, result != nil else { return call.fail(rc == 0 ? ENOENT : rc, syscall: "uv_os_get_passwd") }
      let str = { (p: UnsafeMutablePointer<CChar>?) -> JSValue in p.map { .string(String(cString: $0)) } ?? .null }
      call.returns(.array([.number(Double(pw.pw_uid)), .number(Double(pw.pw_gid)), str(pw.pw_name), str(pw.pw_dir), str(pw.pw_shell)]))
    },
    // Per address: [name, address, netmask, family, mac, internal, scopeid], the interfaces that
    // are up and running (getifaddrs), as uv_interface_addresses; the MAC from sysfs.
    Op("op_os_interfaces") { _, call in
      var list: UnsafeMutablePointer<ifaddrs>?
      guard getifaddrs(&list) == 0 else { return call.fail(errno, syscall: "uv_interface_addresses") }
      defer { freeifaddrs(list) }
      let up: UInt32 = 0x1, loopback: UInt32 = 0x8, running: UInt32 = 0x40  // IFF_* of <net/if.h>
      func text(_ sa: UnsafeMutablePointer<sockaddr>) -> String {
        var host = [CChar](repeating: 0, count: 1025)
        let len = socklen_t(sa.pointee.sa_family == sa_family_t(AF_INET6) ? MemoryLayout<sockaddr_in6>.size : MemoryLayout<sockaddr_in>.size)
        _ = getnameinfo(sa, len, &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
        return String(cString: host).split(separator: "%").first.map(String.init) ?? ""
      }
      var rows: [JSValue] = []
      var cursor = list
      while let ifa = cursor {
        cursor = ifa.pointee.ifa_next
        let flags = ifa.pointee.ifa_flags
        guard let addr = ifa.pointee.ifa_addr, flags & up != 0, flags & running != 0 else { continue }
        let family = addr.pointee.sa_family
        guard family == sa_family_t(AF_INET) || family == sa_family_t(AF_INET6) else { continue }
        let name = String(cString: ifa.pointee.ifa_name)
        let mac = Substring(procFile("/sys/class/net/\(name)/address") ?? "").trimmingCharacters(in: " \n\t")
        var scope = -1.0
        if family == sa_family_t(AF_INET6) {
          scope = addr.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Double($0.pointee.sin6_scope_id) }
        }
        rows.append(.array([
          .string(name), .string(text(addr)), .string(ifa.pointee.ifa_netmask.map(text) ?? ""),
          .string(family == sa_family_t(AF_INET) ? "IPv4" : "IPv6"), .string(mac.isEmpty ? "00:00:00:00:00:00" : mac),
          .bool(flags & loopback != 0), .number(scope),
        ]))
      }
      call.returns(.array(rows))
    },
    Op("op_os_mem") { _, call in
      // /proc/meminfo in kB: MemTotal and MemAvailable, as libuv reads them.
      var total = 0.0
      var free = 0.0
      var uptime = 0.0
      for line in (procFile("/proc/meminfo") ?? "").split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let kb = Double(parts[1]) else { continue }
        if parts[0] == "MemTotal:" { total = kb * 1024 }
        if parts[0] == "MemAvailable:" { free = kb * 1024 }
      }
      if let up = procFile("/proc/uptime"), let first = up.split(separator: " ").first {
        uptime = Double(first) ?? 0
      }
      call.returns(.array([.number(total), .number(free), .number(uptime.rounded(.down))]))
    },
  ]
}

/// A /proc or /sys file, read to its end (they report a size of 0, so FileSystem.read, which
/// reads st_size bytes, finds nothing); nil when it cannot be opened.
private func procFile(_ path: String) -> String? {
  let fd = open(path, O_RDONLY | O_CLOEXEC)
  guard fd >= 0 else { return nil }
  defer { close(fd) }
  var out: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 4096)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    if n <= 0 { break }
    out += chunk[0..<n]
  }
  return String(decoding: out, as: UTF8.self)
}

extension Substring {
  func trimmingCharacters(in set: String) -> String {
    var s = self
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
