/// The one user-facing error type: what went wrong, then what to do about it.
///
/// Every failure fe reports ends up here, so the launcher can print it as one line on stderr
/// (prefixed `fe: error:` so users tell fe's errors from the tool's) and exit with the code of
/// its category. A tool's own exit code never goes through this type: it passes through as is.
public struct FeError: Error, CustomStringConvertible, Sendable, Equatable {
  public var kind: Kind
  /// What went wrong, one sentence.
  public var message: String
  /// What the user can do about it, if anything.
  public var hint: String?

  public init(_ kind: Kind, _ message: String, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.hint = hint
  }

  public var description: String {
    if let hint { return "\(message)\n  hint: \(hint)" }
    return message
  }

  /// Categories with distinct, documented exit codes (README "Exit codes", `fe blobs --help`).
  /// The numbers follow sysexits.h where one fits, so they do not collide with the small codes
  /// tools usually return.
  public enum Kind: String, Sendable, CaseIterable {
    case usage
    case config
    case notInstalled
    case registry
    case integrity
    case io
    case internalError

    public var exitCode: Int32 {
      switch self {
      case .usage: return 64  // EX_USAGE
      case .integrity: return 65  // EX_DATAERR
      case .notInstalled: return 66  // EX_NOINPUT
      case .registry: return 69  // EX_UNAVAILABLE
      case .internalError: return 70  // EX_SOFTWARE
      case .io: return 74  // EX_IOERR
      case .config: return 78  // EX_CONFIG
      }
    }

    public var summary: String {
      switch self {
      case .usage: return "usage error: unknown command, flag or argument"
      case .config: return "config error: fe.config.js missing, malformed, or pinning nothing valid"
      case .notInstalled: return "no installed version matches the pinned range"
      case .registry: return "registry unreachable or download failed"
      case .integrity: return "integrity failure: a hash, size, signature or blob header does not match"
      case .io: return "file system error: permissions, a full disk, a read-only store"
      case .internalError: return "internal error in fe itself"
      }
    }
  }
}
