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
    let fe = try Runner.run([Runner.fe.path, "blobs", "run", file.path], cwd: file.deletingLastPathComponent())
    #expect(!fe.signaled, "fe was killed by a signal running \(name)")
    #expect(fe.transcript == expected, "fe output of \(name) differs from \(expectedURL.lastPathComponent); stderr:\n\(fe.stderr)")
    let source = try String(contentsOf: file, encoding: .utf8)
    if !source.hasPrefix("// fe-only"), let node = Runner.node {
      let n = try Runner.run([node, file.path], cwd: file.deletingLastPathComponent())
      #expect(n.transcript == expected, "node prints something else for \(name): the .out file is not Node's behaviour; stderr:\n\(n.stderr)")
    }
  }

  @Test func thereAreGoldenFiles() {
    #expect(Self.cases.count > 0)
  }
}

enum Runner {
  struct Result {
    var code: Int32
    var signaled: Bool
    var stdout: String
    var stderr: String
    /// What the .out file holds: stdout, then `exit N` for a non-zero exit.
    var transcript: String { code == 0 ? stdout : stdout + "exit \(code)\n" }
  }

  /// The fe binary (FeTestSupport's harness finds it).
  static var fe: URL { URL(fileURLWithPath: Fe.binary) }

  static let node: String? = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }

  static let home: String = {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fe-golden-\(getpid())")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.path
  }()

  static func run(_ args: [String], cwd: URL, stdin: String = "") throws -> Result {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: args[0])
    p.arguments = Array(args.dropFirst())
    p.currentDirectoryURL = cwd
    var env = ProcessInfo.processInfo.environment
    env["FE_HOME"] = home
    env["NO_COLOR"] = "1"
    env.removeValue(forKey: "NODE_OPTIONS")
    p.environment = env
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    inp.fileHandleForWriting.write(Data(stdin.utf8))
    try inp.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a chatty program cannot block on a full pipe.
    var errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errData = err.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    p.waitUntilExit()
    return Result(
      code: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal,
      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }
}
