import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Directory renames that publish or retire a blob in one step.
enum AtomicRename {
  /// Swaps two existing paths atomically with renameat2(RENAME_EXCHANGE), so a reader sees
  /// the old blob or the new one, never neither. Returns false where the kernel or file system
  /// cannot (old kernels, some network file systems); the caller then falls back to two renames.
  static func exchange(_ a: String, _ b: String) throws -> Bool {
    #if os(Linux)
      // Glibc's renameat2 is declared only under _GNU_SOURCE, which Swift's Glibc module lacks;
      // look it up by name instead of adding a C shim for one call.
      typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
      guard let sym = renameat2Symbol else { return false }
      let renameat2 = unsafeBitCast(sym, to: RenameAt2.self)
      let renameExchange: UInt32 = 1 << 1
      if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
      let code = errno
      if code == EINVAL || code == ENOSYS || code == ENOTSUP { return false }
      throw FileSystem.ioError("cannot replace \(b)", code: code)
    #else
      return false
    #endif
  }

  /// rename(2) with an fe error on failure.
  static func move(_ from: String, _ to: String) throws {
    guard rename(from, to) == 0 else { throw FileSystem.ioError("cannot move \(from) to \(to)") }
  }

  #if os(Linux)
    nonisolated(unsafe) private static let renameat2Symbol: UnsafeMutableRawPointer? = {
      let handle = dlopen(nil, RTLD_NOW)
      return dlsym(handle, "renameat2")
    }()
  #endif
}
