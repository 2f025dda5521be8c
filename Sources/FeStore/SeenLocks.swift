import FeBasics
import FoundationEssentials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `$FE_HOME/seen-locks.json`: the absolute paths of the `fe.lock` files this store has served
/// and when fe last saw each, so `fe blobs prune` keeps the versions that projects on this
/// machine still lock.
///
///     { "version": 1, "locks": { "/abs/project/fe.lock": "2026-11-21T19:00:00Z" } }
///
/// Installs record a lock every time they read or write it; launches at most once a day per
/// lock (`recordIfDue`), so a launch almost never writes. Writes are atomic and happen under
/// the store lock, so concurrent fe processes never lose each other's entries.
public struct SeenLocks: Codable, Sendable, Equatable {
  /// The format this fe reads and writes.
  public static let currentVersion = 1
  /// A launch refreshes an entry at most this often (seconds).
  public static let launchRefreshInterval: time_t = 24 * 3600

  /// Format version (`currentVersion`).
  public var version: Int
  /// Absolute lock path → when it was last seen, ISO-8601 UTC (`2026-11-21T19:00:00Z`).
  public var locks: [String: String]

  public init(locks: [String: String] = [:]) {
    self.version = Self.currentVersion
    self.locks = locks
  }

  /// When `lockPath` was last seen, nil if never (or the date is unreadable).
  public func lastSeen(_ lockPath: String) -> time_t? {
    locks[lockPath].flatMap(Self.parseTimestamp)
  }

  /// The lock paths seen at or after `since`, sorted.
  public func seen(since: time_t) -> [String] {
    locks.keys.filter { (lastSeen($0) ?? 0) >= since }.sorted()
  }

  // MARK: Bytes

  /// Pretty JSON with sorted keys and a final newline.
  public func encoded() -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Strings and an int cannot fail to encode.
    let data = (try? encoder.encode(self)) ?? Data("{\"locks\":{},\"version\":1}".utf8)
    return Array(data) + [0x0A]
  }

  /// Parses the record read from `path`; a malformed one is an io error naming the fix.
  public static func decode(_ bytes: [UInt8], path: String) throws -> SeenLocks {
    let record: SeenLocks
    do {
      record = try JSONDecoder().decode(SeenLocks.self, from: Data(bytes))
    } catch let error as DecodingError {
      throw malformed(path, JSONProblem.describe(error))
    } catch {
      throw malformed(path, "not valid JSON")
    }
    guard record.version == currentVersion else { throw malformed(path, "version \(record.version), this fe reads \(currentVersion)") }
    return record
  }

  /// The store's record (empty when there is none yet).
  public static func read(_ layout: StoreLayout) throws -> SeenLocks {
    guard let bytes = try FileSystem.read(layout.seenLocksPath) else { return SeenLocks() }
    return try decode(bytes, path: layout.seenLocksPath)
  }

  // MARK: Updating

  /// Runs `body` on the current record under the store lock and writes the result atomically
  /// if it changed. A malformed record is started afresh: it only lists what fe has seen, and
  /// the next installs and launches fill it again. `timeout` is the store lock's (nil: wait).
  public static func update(
    in layout: StoreLayout, timeout: Double? = nil, _ body: (inout SeenLocks) throws -> Void
  ) throws {
    try layout.ensure()
    let lock = try StoreLock(layout: layout, timeout: timeout)
    defer { lock.release() }
    let before = (try? read(layout)) ?? SeenLocks()
    var record = before
    try body(&record)
    if record != before || !FileSystem.exists(layout.seenLocksPath) {
      try FileSystem.writeAtomically(layout.seenLocksPath, record.encoded())
    }
  }

  /// Records that `lockPath` (absolute) was seen now: installs call this whenever they read or write a lock.
  public static func record(_ lockPath: String, in layout: StoreLayout, now: time_t = time(nil)) throws {
    try update(in: layout) { $0.locks[lockPath] = Manifest.timestamp(now) }
  }

  /// The launch path's cheap variant: one read of the record, and a write only when `lockPath`
  /// was last seen more than a day ago. Never waits for the store lock (a busy store skips the
  /// update until a later launch) and never fails: a launch must not break over bookkeeping.
  /// Returns whether it wrote.
  @discardableResult
  public static func recordIfDue(_ lockPath: String, in layout: StoreLayout, now: time_t = time(nil)) -> Bool {
    if let current = try? read(layout), let last = current.lastSeen(lockPath), now - last < launchRefreshInterval, last <= now {
      return false
    }
    var wrote = false
    try? update(in: layout, timeout: 0) { record in
      // Another process may have recorded it while this one waited for nothing.
      if let last = record.lastSeen(lockPath), now - last < launchRefreshInterval, last <= now { return }
      record.locks[lockPath] = Manifest.timestamp(now)
      wrote = true
    }
    return wrote
  }

  // MARK: Helpers

  /// Seconds since the epoch for `YYYY-MM-DDTHH:MM:SSZ` (what `Manifest.timestamp` writes), nil otherwise.
  public static func parseTimestamp(_ text: String) -> time_t? {
    let b = Array(text.utf8)
    guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
      b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z")
    else { return nil }
    func number(_ from: Int, _ count: Int) -> Int32? {
      var n: Int32 = 0
      for byte in b[from..<(from + count)] {
        guard byte >= 0x30, byte <= 0x39 else { return nil }
        n = n * 10 + Int32(byte - 0x30)
      }
      return n
    }
    guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2),
      let minute = number(14, 2), let second = number(17, 2), (1...12).contains(month), (1...31).contains(day),
      hour < 24, minute < 60, second < 61
    else { return nil }
    var tm = tm()
    tm.tm_year = year - 1900
    tm.tm_mon = month - 1
    tm.tm_mday = day
    tm.tm_hour = hour
    tm.tm_min = minute
    tm.tm_sec = second
    return timegm(&tm)
  }

  static func malformed(_ path: String, _ reason: String) -> FeError {
    FeError(
      .io, "\(path) is malformed (\(reason))",
      hint: "delete it: fe records lock files again as installs and launches see them")
  }
}
