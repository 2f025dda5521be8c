import FeTestSupport
import Foundation
import Testing

/// Golden tests: each `Golden/<area>/<name>.js` (or .mjs/.cjs) runs as a script under
/// `fe blobs run` and its stdout (plus `exit <code>` when non-zero) must equal `<name>.out`.
/// Unless its first line is `// fe-only`, the same file also runs under the machine's `node`
/// and must print the same: fe follows Node's documented behaviour, checked against Node itself.
struct GoldenTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let cases: [String] = {
    let fm = FileManager.default
    guard let e = fm.enumerator(atPath: root.path) else { return [] }
    return e.compactMap { $0 as? String }
      .filter { $0.hasSuffix(".js") || $0.hasSuffix(".mjs") || $0.hasSuffix(".cjs") }
      .filter { !$0.contains("/fixtures/") && !$0.contains("/node_modules/") }
      .sorted()
  }()

  @Test("golden", arguments: cases)
  func golden(_ name: String) throws {
    let file = Self.root.appendingPathComponent(name)
    let expectedURL = file.deletingPathExtension().appendingPathExtension("out")
    let expected = try String(contentsOf: expectedURL, encoding: .utf8)
    let cwd = file.deletingLastPathComponent().path
    let fe = try Fe.run(["blobs", "run", file.path], cwd: cwd, env: Golden.env, stdinPipe: true)
    #expect(!fe.signaled && !fe.timedOut, "fe was killed running \(name): \(fe)")
    #expect(fe.transcript == expected, "fe output of \(name) differs from \(expectedURL.lastPathComponent); stderr:\n\(fe.err)")
    let source = try String(contentsOf: file, encoding: .utf8)
    if !source.hasPrefix("// fe-only"), let node = Fe.node {
      let n = try Fe.run([file.path], cwd: cwd, env: Golden.env, stdinPipe: true, executable: node)
      #expect(n.transcript == expected, "node prints something else for \(name): the .out file is not Node's behaviour; stderr:\n\(n.err)")
    }
  }

  @Test func thereAreGoldenFiles() {
    #expect(Self.cases.count > 0)
  }
}

/// What the golden and fetch tests run fe (and node) with: FeTestSupport's harness, its exact
/// environment (nothing inherited from the machine: no NODE_OPTIONS, no proxy variables), stdin an
/// empty pipe (Golden/stdin expects a socket's end-then-close) and one FE_HOME for the whole test
/// process, removed at its exit.
enum Golden {
  nonisolated(unsafe) private static var store: TempDir?
  static let home: String = {
    let dir = TempDir("golden-home")
    store = dir
    atexit { Golden.store?.remove() }
    return dir.path
  }()

  static var env: [String: String] { ["FE_HOME": home] }
}

extension FeResult {
  /// What a golden .out file holds: stdout, then `exit N` for a non-zero exit.
  var transcript: String { code == 0 ? out : out + "exit \(code)\n" }
}
