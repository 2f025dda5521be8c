#if canImport(Glibc)
  import Glibc
#endif

/// The platform as npm names it in a package's `os`, `cpu` and `libc` fields, and npm's check of
/// those lists (npm-install-checks): a `!name` entry excludes, and if any entry is positive the
/// platform must be one of them.
public struct Platform: Sendable, Equatable {
  public var os: String
  public var cpu: String
  /// `glibc` or `musl` on Linux, nil elsewhere (then `libc` lists are not checked).
  public var libc: String?

  public init(os: String, cpu: String, libc: String?) {
    self.os = os
    self.cpu = cpu
    self.libc = libc
  }

  /// This machine.
  public static let current: Platform = {
    #if os(Linux)
      let os = "linux"
    #elseif os(macOS)
      let os = "darwin"
    #else
      let os = "unknown"
    #endif
    #if arch(x86_64)
      let cpu = "x64"
    #elseif arch(arm64)
      let cpu = "arm64"
    #else
      let cpu = "unknown"
    #endif
    #if os(Linux)
      // glibc answers gnu_get_libc_version; musl has no such symbol, and fe is built against glibc.
      return Platform(os: os, cpu: cpu, libc: "glibc")
    #else
      return Platform(os: os, cpu: cpu, libc: nil)
    #endif
  }()

  /// Nil when `manifest` may be installed here; otherwise which field excludes it, for messages.
  func mismatch(_ manifest: Manifest) -> String? {
    if !Self.allows(manifest.os, os) { return "os \(manifest.os.joined(separator: ","))" }
    if !Self.allows(manifest.cpu, cpu) { return "cpu \(manifest.cpu.joined(separator: ","))" }
    if let libc, !Self.allows(manifest.libc, libc) { return "libc \(manifest.libc.joined(separator: ","))" }
    return nil
  }

  static func allows(_ list: [String], _ value: String) -> Bool {
    if list.isEmpty || list == ["any"] { return true }
    if list.contains("!" + value) { return false }
    let positive = list.filter { !$0.hasPrefix("!") }
    return positive.isEmpty || positive.contains(value)
  }
}
