import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The native executable an npm tool's bin is, or runs (esbuild's JS launcher runs
/// `@esbuild/linux-x64/bin/esbuild`): found once when the tool is installed (FeNpm's
/// `PlatformExecutable`), recorded in the blob's manifest, and exec'd directly at launch instead
/// of booting V8 to run the launcher.
public struct NativeExecutable: Codable, Sendable, Equatable {
  /// The file, relative to the blob's package image: `node_modules/@esbuild/linux-x64/bin/esbuild`.
  public var path: String
  /// The package that holds it, `name@version`.
  public var package: String
  /// Environment variables the JS launcher reads (`ESBUILD_BINARY_PATH`): when one of them is
  /// set, the launcher runs instead, so that whatever it does with them still happens.
  public var launcherEnv: [String]

  public init(path: String, package: String, launcherEnv: [String] = []) {
    self.path = path
    self.package = package
    self.launcherEnv = launcherEnv
  }

  /// Whether `path` is a plain relative path inside the image (no `..`, not absolute, no empty
  /// or `.` component): a manifest naming anything else is not trusted.
  public var isConfined: Bool {
    guard !path.isEmpty, !path.hasPrefix("/") else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
  }

  /// Whether `file` is a regular file (not a link) with an executable bit and the ELF header of an
  /// executable for this machine: the class, byte order and machine fe itself was built for, and
  /// type EXEC or DYN. Reads 20 bytes.
  public static func isNative(_ file: String) -> Bool {
    var st = stat()
    guard lstat(file, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_mode & 0o111 != 0 else { return false }
    let fd = open(file, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var header = [UInt8](repeating: 0, count: 20)
    guard read(fd, &header, 20) == 20 else { return false }
    return isNativeHeader(header)
  }

  /// The check of `isNative` on the first 20 bytes of a file.
  public static func isNativeHeader(_ h: [UInt8]) -> Bool {
    guard h.count >= 20, h[0] == 0x7F, h[1] == 0x45, h[2] == 0x4C, h[3] == 0x46 else { return false }
    let elfClass: UInt8 = MemoryLayout<Int>.size == 8 ? 2 : 1
    let littleEndian: UInt8 = 1
    guard h[4] == elfClass, h[5] == littleEndian else { return false }
    let type = UInt16(h[16]) | UInt16(h[17]) << 8
    let machine = UInt16(h[18]) | UInt16(h[19]) << 8
    return (type == 2 || type == 3) && machine == hostMachine
  }

  /// This machine's ELF e_machine: EM_X86_64 (62) or EM_AARCH64 (183).
  static var hostMachine: UInt16 {
    #if arch(x86_64)
      return 62
    #elseif arch(arm64)
      return 183
    #else
      return 0
    #endif
  }
}
