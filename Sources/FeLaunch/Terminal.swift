import FeBasics

#if canImport(Glibc)
  import Glibc
#endif

/// Colour and progress are for a person watching a terminal, never for a pipe, a file or CI.
extension FeContext {
  /// Colour on `fd` (1 or 2): it is a terminal, NO_COLOR is unset or empty (no-color.org),
  /// CI is not set and TERM is not `dumb`.
  public func usesColor(fd: Int32) -> Bool {
    (env["NO_COLOR"] ?? "").isEmpty && !isCI && env["TERM"] != "dumb" && isTerminal(fd)
  }

  /// Progress bars only for a person watching: stderr is a terminal, not CI, not TERM=dumb.
  public var showsProgress: Bool {
    !isCI && env["TERM"] != "dumb" && isTerminal(2)
  }

  /// `text` in `style` when `fd` gets colour, else unchanged.
  public func paint(_ text: String, _ style: TextStyle, fd: Int32) -> String {
    usesColor(fd: fd) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}

/// SGR codes fe uses.
public enum TextStyle: String {
  case error = "1;31"
  case warning = "33"
  case ok = "32"
  case dim = "2"
}
