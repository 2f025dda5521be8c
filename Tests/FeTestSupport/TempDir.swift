// Temporary directories for every test target.
import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// A fresh directory under /tmp named after what uses it (its real path), removed when the
/// last reference to it goes (or by `remove()`). A fixture that must outlive its scope (a store
/// shared by a whole test process) keeps the object, not its path.
public final class TempDir: Sendable {
  public let path: String

  public init(_ name: String = "test") {
    let safe = String(name.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }.prefix(40))
    var template = Array("/tmp/fe-\(safe)-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed: errno \(errno)") }
    let created = String(cString: made)
    var resolved = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    path = realpath(created, &resolved) != nil ? String(cString: resolved) : created
  }

  /// Writes `text` to `name` (subdirectories created) and returns the full path.
  @discardableResult
  public func write(_ name: String, _ text: String) throws -> String {
    let full = Path.join(path, name)
    try FileSystem.createDirectory(Path.dirname(full))
    try FileSystem.writeAtomically(full, Array(text.utf8))
    return full
  }

  /// Creates the directory `name` and returns its full path.
  @discardableResult
  public func mkdir(_ name: String) throws -> String {
    let full = Path.join(path, name)
    try FileSystem.createDirectory(full)
    return full
  }

  public func file(_ name: String) -> String { Path.join(path, name) }

  public func remove() { try? FileSystem.removeTree(path) }

  deinit { remove() }
}

/// A fixture that could not be set up.
public struct FixtureError: Error, CustomStringConvertible {
  public let description: String
  public init(_ d: String) { description = d }
}
