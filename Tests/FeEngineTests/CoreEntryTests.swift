// Swift calls the runtime's JavaScript only through CoreEntry: each declared entry is a
// function on the core object of a booted snapshot, and no source calls one by a string.
import FeBasics
import FeEngine
import FeRuntime
import Foundation
import Testing

@Suite struct CoreEntryTests {
  @Test(arguments: CoreEntry.allCases)
  func eachEntryIsAFunctionOfTheBootedRuntime(_ entry: CoreEntry) throws {
    let rt = try bootRuntime()
    let isFunction = try rt.isolate.scope { s in s.get(s.core, entry.rawValue).map { s.type($0) == .function } ?? false }
    #expect(isFunction, "core.\(entry.rawValue) is not a function of the runtime's JS")
  }

  /// Outside FeEngine (whose tests call bare isolates' own cores), every call names a CoreEntry.
  @Test func noSourceCallsTheCoreByAString() throws {
    let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources")
    var offenders: [String] = []
    let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
    for file in files where file.hasSuffix(".swift") && !file.hasPrefix("FeEngine/") {
      let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
      if text.contains("callCore(\"") { offenders.append(file) }
    }
    #expect(offenders.isEmpty, "call CoreEntry cases instead of strings: \(offenders)")
  }
}
