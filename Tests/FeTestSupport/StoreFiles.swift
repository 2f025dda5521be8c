import Foundation

/// What the tests that damage or compare store files share: a file's bytes, writing them back,
/// and a copy of the shared store (fe 1.4.2 and 2.1.0) pinned to fe ^2.1.0.
public protocol StoreFileTests {}

extension StoreFileTests {
  public func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
  public func write(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

  public func sandbox(_ name: String) throws -> Sandbox {
    let s = try Sandbox(name, store: .sharedCopy)
    try s.config("export default { fe: \"^2.1.0\" };\n")
    return s
  }
}
