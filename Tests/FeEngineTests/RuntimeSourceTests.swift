import FeTestSupport
import Foundation
import Testing

// The runtime's JS files: every file in the folder is compiled in, in name order (numbered so
// that name order is load order), and each says what it uses from earlier files.
@testable import FeRuntime

@Suite struct RuntimeSourceTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Sources/FeRuntime/JS")

  @Test func everyFileInNameOrder() throws {
    let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".js") }.sorted()
    #expect(RuntimeSource.files.map(\.name) == onDisk)
    for (name, bytes) in RuntimeSource.files {
      #expect(bytes == Array(try Data(contentsOf: Self.folder.appendingPathComponent(name))), "\(name) is compiled in as it is on disk")
    }
  }

  @Test func eachFileSaysWhatItUsesFromEarlierOnes() throws {
    let script = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("tools/js-uses.py").path
    let r = try Proc.run("/usr/bin/env", ["python3", script, "--check"])
    #expect(r.exited(0), "\(r)")
  }
}
