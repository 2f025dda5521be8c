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
    Op("op_os_cpus") { _, call in
      let n = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
      var model = "unknown"
      if let info = try? FileSystem.readString("/proc/cpuinfo"),
        let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
        let colon = line.firstIndex(of: ":")
      {
        model = line[line.index(after: colon)...].trimmingCharacters(in: " \t")
      }
      call.returns(.array((0..<n).map { _ in .array([.string(model), .number(0)]) }))
    },
    Op("op_os_mem") { _, call in
      // /proc/meminfo in kB: MemTotal and MemAvailable, as libuv reads them.
      var total = 0.0
      var free = 0.0
      var uptime = 0.0
      for line in ((try? FileSystem.readString("/proc/meminfo")) ?? "").split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count >= 2, let kb = Double(parts[1]) else { continue }
        if parts[0] == "MemTotal:" { total = kb * 1024 }
        if parts[0] == "MemAvailable:" { free = kb * 1024 }
      }
      if let up = try? FileSystem.readString("/proc/uptime"), let first = up.split(separator: " ").first {
        uptime = Double(first) ?? 0
      }
      call.returns(.array([.number(total), .number(free), .number(uptime.rounded(.down))]))
    },
  ]
}

extension Substring {
  func trimmingCharacters(in set: String) -> String {
    var s = self
    while let f = s.first, set.contains(f) { s = s.dropFirst() }
    while let l = s.last, set.contains(l) { s = s.dropLast() }
    return String(s)
  }
}
