import FeBasics

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The certificates a transfer trusts when extra CA files are given (FE_CA_FILE,
/// NODE_EXTRA_CA_CERTS, a tool's NODE_EXTRA_CA_CERTS): the system's bundle followed by each
/// file, since CURLOPT_CAINFO alone would replace the system's trust instead of adding to it.
/// Built once per list of files and process.
public enum CABundle {
  /// An extra CA file could not be read.
  public struct Unreadable: Error, Sendable {
    public var file: String
  }

  private static let lock = Mutex()
  nonisolated(unsafe) private static var built: [[String]: [UInt8]] = [:]

  /// The bundle for `extra`, with the system's from `systemFile` (libcurl's default CA file:
  /// CurlHandle.defaultCAFile); a system bundle that cannot be read is left out.
  public static func pem(extra: [String], systemFile: @autoclosure () -> String?) throws(Unreadable) -> [UInt8] {
    let cached: [UInt8]? = lock.withLock { built[extra] }
    if let cached { return cached }
    var pem: [UInt8] = []
    if let path = systemFile(), let system = try? FileSystem.read(path) { pem += system + [0x0A] }
    for file in extra {
      guard let bytes = try? FileSystem.read(file) else { throw Unreadable(file: file) }
      pem += bytes + [0x0A]
    }
    lock.withLock { built[extra] = pem }
    return pem
  }
}
