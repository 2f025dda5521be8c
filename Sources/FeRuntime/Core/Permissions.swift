/// What a runtime may do. Tools get everything; fe.config.js gets reads only, because
/// evaluating a config must not change the machine or reach the network.
public struct Permissions: OptionSet, Sendable {
  public let rawValue: Int
  public init(rawValue: Int) { self.rawValue = rawValue }

  public static let read = Permissions(rawValue: 1 << 0)
  public static let write = Permissions(rawValue: 1 << 1)
  public static let run = Permissions(rawValue: 1 << 2)
  public static let net = Permissions(rawValue: 1 << 3)
  public static let exit = Permissions(rawValue: 1 << 4)

  public static let all: Permissions = [.read, .write, .run, .net, .exit]
  public static let config: Permissions = [.read]

  var denialReason: String {
    switch self {
    case .write: return "write files"
    case .run: return "start processes"
    case .net: return "use the network"
    case .exit: return "call process.exit()"
    default: return "do this"
    }
  }
}
