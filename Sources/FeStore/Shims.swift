import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `$FE_HOME/bin`: one symlink per shimmed tool, each pointing at the fe binary, which runs
/// the tool named by its argv[0] (as Volta and swiftly do). A symlink, not a copy or a script:
/// nothing to update when fe is upgraded in place, and no extra process at launch.
public struct Shims: Sendable {
  public let layout: StoreLayout

  public init(layout: StoreLayout) {
    self.layout = layout
  }

  /// One entry of `bin/`.
  public struct Entry: Sendable, Equatable {
    /// The command name (the file name in `bin/`).
    public var name: String
    public var path: String
    /// Where the symlink points; nil for a file that is not a symlink (not made by fe).
    public var target: String?
    /// Whether the target exists.
    public var targetExists: Bool
  }

  /// The entries of `bin/`, sorted by name (empty when there is none).
  public func list() -> [Entry] {
    FileSystem.listDirectory(layout.binDir).filter { !$0.hasPrefix(".") }.map(entry)
  }

  /// The entry named `name`, nil when there is none.
  public func entry(named name: String) -> Entry? {
    var st = stat()
    return lstat(layout.shimPath(name), &st) == 0 ? entry(name) : nil
  }

  private func entry(_ name: String) -> Entry {
    let path = layout.shimPath(name)
    let target = Self.readLink(path)
    return Entry(name: name, path: path, target: target, targetExists: target != nil && FileSystem.exists(path))
  }

  /// Makes `bin/<name>` a symlink to `executable`, replacing an older shim atomically (a new
  /// link under a temporary name, renamed over the old one). Refuses to replace a file that is
  /// not a symlink: that is something the user put there.
  @discardableResult
  public func create(_ name: String, executable: String) throws -> Entry {
    try Names.validateTool(name)
    try FileSystem.createDirectory(layout.binDir)
    let path = layout.shimPath(name)
    if let existing = entry(named: name), existing.target == nil {
      throw FeError(
        .io, "\(path) exists and is not a shim made by fe",
        hint: "move it away, then run `fe blobs shim \(name)` again")
    }
    let temp = Path.join(layout.binDir, ".\(name).\(getpid()).tmp")
    _ = unlink(temp)
    guard symlink(executable, temp) == 0 else { throw FileSystem.ioError("cannot create the shim \(path)") }
    guard rename(temp, path) == 0 else {
      let error = FileSystem.ioError("cannot create the shim \(path)")
      _ = unlink(temp)
      throw error
    }
    return entry(name)
  }

  /// Removes the shim `bin/<name>`; a missing one is reported, a file that is not a symlink is left alone.
  public func remove(_ name: String) throws {
    try Names.validateTool(name)
    let path = layout.shimPath(name)
    guard let existing = entry(named: name) else {
      throw FeError(.notInstalled, "there is no shim named \(name) in \(layout.binDir)", hint: "`fe blobs shim` lists the shims")
    }
    guard existing.target != nil else {
      throw FeError(.io, "\(path) is not a shim made by fe; fe leaves it alone", hint: "remove it yourself if you no longer need it")
    }
    guard unlink(path) == 0 || errno == ENOENT else { throw FileSystem.ioError("cannot remove the shim \(path)") }
  }

  /// Whether `bin/` is one of the directories in `pathVariable` (a `PATH` value).
  public func isOnPath(_ pathVariable: String?) -> Bool {
    let bin = Path.normalize(layout.binDir)
    let real = FileSystem.realPath(layout.binDir)
    for dir in (pathVariable ?? "").split(separator: ":") where dir.hasPrefix("/") {
      let d = String(dir)
      if Path.normalize(d) == bin { return true }
      if let real, FileSystem.realPath(d) == real { return true }
    }
    return false
  }

  static func readLink(_ path: String) -> String? {
    var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let n = readlink(path, &buf, buf.count - 1)
    guard n >= 0 else { return nil }
    return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
