#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process environment as a dictionary (read once).
public enum Environment {
  public static func current() -> [String: String] {
    var env: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") {
        env[String(s[..<eq])] = String(s[s.index(after: eq)...])
      }
      p += 1
    }
    return env
  }

  /// `$FE_HOME`, else `~/.fe`.
  public static func feHome(_ env: [String: String]) -> String {
    if let home = env["FE_HOME"], !home.isEmpty { return Path.absolute(home, from: FileSystem.currentDirectory()) }
    let user = env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    return Path.join(user, ".fe")
  }

  public static func isTruthy(_ value: String?) -> Bool {
    guard let v = value?.lowercased() else { return false }
    return !(v.isEmpty || v == "0" || v == "false" || v == "no")
  }
}
