#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line download progress bar (bytes, rate, ETA), redrawn in place on a terminal's
/// stderr. The CLI creates one only on a TTY and never under CI; everything else gets none.
public final class ProgressBar {
  private let label: String
  private let total: Int64
  private let write: (String) -> Void
  private let started: Double
  private var lastDraw: Double = 0
  private var lastReceived: Int64 = -1
  private var drawn = false

  /// `write` receives raw terminal text (no newline is added).
  public init(label: String, total: Int64, write: @escaping (String) -> Void) {
    self.label = label
    self.total = total
    self.write = write
    started = Self.now()
  }

  /// Records `received` bytes; redraws at most ten times a second.
  public func update(_ received: Int64) {
    let now = Self.now()
    guard received != lastReceived, now - lastDraw >= 0.1 || received >= total else { return }
    lastDraw = now
    lastReceived = received
    drawn = true
    write("\r" + Self.render(label: label, received: received, total: total, elapsed: now - started) + "\u{1B}[K")
  }

  /// Clears the line, leaving the terminal as it was.
  public func finish() {
    if drawn { write("\r\u{1B}[K") }
    drawn = false
  }

  /// `fe@2.1.0 source  [########--------]   3.1 MB / 10.4 MB   5.2 MB/s  ETA 2s`
  public static func render(label: String, received: Int64, total: Int64, elapsed: Double, width: Int = 20) -> String {
    let fraction = total > 0 ? min(1, Double(received) / Double(total)) : 0
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let rate = elapsed > 0 ? Double(received) / elapsed : 0
    var line = "\(label)  [\(bar)]  \(bytes(received)) / \(bytes(total))"
    if rate > 0 {
      line += "  \(bytes(Int64(rate)))/s"
      let remaining = Double(max(0, total - received)) / rate
      line += "  ETA \(duration(remaining))"
    }
    return line
  }

  /// `999 B`, `12.3 KB`, `4.5 MB`, `1.2 GB` (powers of 1000, like `fe blobs list`).
  public static func bytes(_ n: Int64) -> String {
    let units = ["B", "KB", "MB", "GB", "TB"]
    var value = Double(n)
    var unit = 0
    while value >= 1000 && unit < units.count - 1 {
      value /= 1000
      unit += 1
    }
    if unit == 0 { return "\(n) B" }
    return "\((value * 10).rounded() / 10) \(units[unit])"
  }

  static func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded(.up))
    if s < 60 { return "\(s)s" }
    if s < 3600 { return "\(s / 60)m\(s % 60)s" }
    return "\(s / 3600)h\(s % 3600 / 60)m"
  }

  private static func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
  }
}
