import CLibArchive
import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// The libarchive functions SafeExtractor calls, looked up in libarchive.so.13 on first use
/// (see Sources/CLibArchive/shim.h for why it is not linked).
struct LibArchive {
  typealias Archive = OpaquePointer
  typealias Entry = OpaquePointer

  let readNew: @convention(c) () -> Archive?
  let readFree: @convention(c) (Archive?) -> Int32
  let supportFilterGzip: @convention(c) (Archive?) -> Int32
  let supportFilterNone: @convention(c) (Archive?) -> Int32
  let supportFormatTar: @convention(c) (Archive?) -> Int32
  let openFilename: @convention(c) (Archive?, UnsafePointer<CChar>?, Int) -> Int32
  let nextHeader: @convention(c) (Archive?, UnsafeMutablePointer<Entry?>?) -> Int32
  let readData: @convention(c) (Archive?, UnsafeMutableRawPointer?, Int) -> Int
  let errorString: @convention(c) (Archive?) -> UnsafePointer<CChar>?
  let entryPathname: @convention(c) (Entry?) -> UnsafePointer<CChar>?
  let entryFiletype: @convention(c) (Entry?) -> mode_t
  let entryPerm: @convention(c) (Entry?) -> mode_t
  let entrySymlink: @convention(c) (Entry?) -> UnsafePointer<CChar>?
  let entryHardlink: @convention(c) (Entry?) -> UnsafePointer<CChar>?

  /// The library, or why it cannot be used.
  static let shared: Result<LibArchive, FeError> = load()

  static func get() throws -> LibArchive { try shared.get() }

  private static func load() -> Result<LibArchive, FeError> {
    guard let lib = dlopen("libarchive.so.13", RTLD_NOW | RTLD_LOCAL) else {
      let why = dlerror().map { String(cString: $0) } ?? "unknown error"
      return .failure(FeError(.internalError, "cannot load libarchive.so.13 (\(why))", hint: "install libarchive13"))
    }
    var missing: String?
    func sym<T>(_ name: String, _: T.Type) -> T? {
      guard let p = dlsym(lib, name) else {
        missing = missing ?? name
        return nil
      }
      return unsafeBitCast(p, to: T.self)
    }
    func resolve() -> LibArchive? {
      guard let readNew = sym("archive_read_new", (@convention(c) () -> Archive?).self),
        let readFree = sym("archive_read_free", (@convention(c) (Archive?) -> Int32).self),
        let gzip = sym("archive_read_support_filter_gzip", (@convention(c) (Archive?) -> Int32).self),
        let none = sym("archive_read_support_filter_none", (@convention(c) (Archive?) -> Int32).self),
        let tar = sym("archive_read_support_format_tar", (@convention(c) (Archive?) -> Int32).self),
        let open = sym("archive_read_open_filename", (@convention(c) (Archive?, UnsafePointer<CChar>?, Int) -> Int32).self),
        let next = sym("archive_read_next_header", (@convention(c) (Archive?, UnsafeMutablePointer<Entry?>?) -> Int32).self),
        let data = sym("archive_read_data", (@convention(c) (Archive?, UnsafeMutableRawPointer?, Int) -> Int).self),
        let err = sym("archive_error_string", (@convention(c) (Archive?) -> UnsafePointer<CChar>?).self),
        let path = sym("archive_entry_pathname", (@convention(c) (Entry?) -> UnsafePointer<CChar>?).self),
        let type = sym("archive_entry_filetype", (@convention(c) (Entry?) -> mode_t).self),
        let perm = sym("archive_entry_perm", (@convention(c) (Entry?) -> mode_t).self),
        let symlink = sym("archive_entry_symlink", (@convention(c) (Entry?) -> UnsafePointer<CChar>?).self),
        let hardlink = sym("archive_entry_hardlink", (@convention(c) (Entry?) -> UnsafePointer<CChar>?).self)
      else { return nil }
      return LibArchive(
        readNew: readNew, readFree: readFree, supportFilterGzip: gzip, supportFilterNone: none, supportFormatTar: tar,
        openFilename: open, nextHeader: next, readData: data, errorString: err, entryPathname: path, entryFiletype: type,
        entryPerm: perm, entrySymlink: symlink, entryHardlink: hardlink)
    }
    guard let l = resolve() else {
      return .failure(
        FeError(.internalError, "libarchive.so.13 has no \(missing ?? "expected function")", hint: "install libarchive13 3.6 or later"))
    }
    return .success(l)
  }
}
