// `fe blobs shim`: argv[0] dispatch through real symlinks in $FE_HOME/bin, found on PATH.
import FeCLI
import Foundation
import Testing

@Suite struct ShimTests {
  /// A Node-style CLI (a "cjs" blob) that prints its version and argv, and exits with argv[2] when it is a number.
  static func fakeTsc(_ version: String) -> String {
    """
    const args = process.argv.slice(2);
    console.log("tsc \(version) " + JSON.stringify(args));
    if (/^[0-9]+$/.test(args[0] || "")) process.exitCode = Number(args[0]);

    """
  }

  /// A sandbox (fe 1.4.2 and 2.1.0 installed) with tsc 4.8.4 and 5.0.2 built, and two projects pinning one each.
  static func twoProjects(_ name: String) throws -> (Sandbox, a: String, b: String) {
    let s = try Sandbox(name, store: .sharedCopy)
    for version in ["4.8.4", "5.0.2"] {
      let file = try s.write("src/tsc-\(version).js", fakeTsc(version), in: s.root.path)
      let r = try s.fe("blobs", "build", file, "--name", "tsc", "--version", version, "--quiet")
      #expect(r.exited(0), "\(r)")
    }
    let a = try s.write("fe.config.js", "export default { fe: \"^1\", tools: { tsc: \"4.8.x\" } };\n", in: s.root.path + "/a")
    let b = try s.write("fe.config.js", "export default { fe: \"^2\", tools: { tsc: \"^5\" } };\n", in: s.root.path + "/b")
    return (s, parentDir(a), parentDir(b))
  }

  /// Runs `command` with /bin/sh in `cwd`, PATH = $FE_HOME/bin first (a shim found on PATH, as users run it).
  static func sh(_ s: Sandbox, _ command: String, cwd: String) throws -> FeResult {
    try Fe.run(
      ["-c", command], cwd: cwd, env: s.env.merging(["PATH": "\(s.feHome)/bin:/usr/bin:/bin"]) { _, n in n }, executable: "/bin/sh")
  }

  @Test func aTscShimRunsEachProjectsPin() throws {
    let (s, a, b) = try Self.twoProjects("shim-two-projects")
    defer { s.remove() }
    let made = try s.fe("blobs", "shim", "tsc")
    #expect(made.exited(0), "\(made)")
    let link = try FileManager.default.destinationOfSymbolicLink(atPath: "\(s.feHome)/bin/tsc")
    #expect(link == URL(fileURLWithPath: Fe.binary).resolvingSymlinksInPath().path, "the shim is a symlink to the fe binary: \(link)")
    // Not on the test's PATH: fe prints the line to add.
    #expect(made.out.contains("export PATH=\"\(s.feHome)/bin:$PATH\""), "\(made)")

    let inA = try Self.sh(s, "tsc --noEmit -p .", cwd: a)
    #expect(inA.exited(0) && inA.out == "tsc 4.8.4 [\"--noEmit\",\"-p\",\".\"]\n" && inA.err.isEmpty, "\(inA)")
    let inB = try Self.sh(s, "tsc --version", cwd: b)
    #expect(inB.exited(0) && inB.out == "tsc 5.0.2 [\"--version\"]\n", "\(inB)")
    // `blobs` is the tool's argument here, not fe's namespace.
    let blobsArg = try Self.sh(s, "tsc blobs list", cwd: b)
    #expect(blobsArg.exited(0) && blobsArg.out == "tsc 5.0.2 [\"blobs\",\"list\"]\n", "\(blobsArg)")
    // Outside any project: the highest installed release, as `fe blobs exec tsc`.
    let outside = try Self.sh(s, "tsc", cwd: s.root.path)
    #expect(outside.exited(0) && outside.out == "tsc 5.0.2 []\n", "\(outside)")

    let onPath = try s.fe("blobs", "shim", env: ["PATH": "\(s.feHome)/bin:/usr/bin:/bin"])
    #expect(onPath.exited(0) && onPath.out.contains("tsc") && !onPath.out.contains("export PATH"), "\(onPath)")
  }

  @Test func aShimPassesTheToolsExitCodeAndPrefixesFesOwnErrors() throws {
    let (s, a, _) = try Self.twoProjects("shim-exit-codes")
    defer { s.remove() }
    #expect(try s.fe("blobs", "shim", "tsc").exited(0))
    for code in ["0", "1", "2", "3", "64", "65", "78", "125"] {
      let r = try Self.sh(s, "tsc \(code)", cwd: a)
      #expect(r.exited(Int32(code) ?? -1) && !r.err.contains("fe: error"), "the tool's own code \(code) passes through: \(r)")
    }
    // fe's own failure through the shim: a pin nothing installed satisfies.
    let c = try s.write("fe.config.js", "export default { tools: { tsc: \"^9\" } };\n", in: s.root.path + "/c")
    let r = try Self.sh(s, "tsc --version", cwd: parentDir(c))
    expectFeError(r, code: 66, mentions: ["tsc", "^9", "4.8.4, 5.0.2"])
    // A broken config is fe's error too, not the tool's.
    let d = try s.write("fe.config.js", "export default {\n", in: s.root.path + "/d")
    expectFeError(try Self.sh(s, "tsc", cwd: parentDir(d)), code: 78)
  }

  @Test func aShimNamedFeRunsTheDefaultTool() throws {
    let (s, a, b) = try Self.twoProjects("shim-fe")
    defer { s.remove() }
    #expect(try s.fe("blobs", "shim", "fe").exited(0))
    let one = try Self.sh(s, "fe --version", cwd: a)
    #expect(one.exited(0) && one.out == "1.4.2\n", "\(one)")
    let two = try Self.sh(s, "fe --version", cwd: b)
    #expect(two.exited(0) && two.out == "v2.1.0\n", "\(two)")
    let blobs = try Self.sh(s, "fe blobs shim", cwd: b)
    #expect(blobs.exited(0) && blobs.out.contains("fe "), "`fe blobs` still works through the fe shim: \(blobs)")
  }

  @Test func removeListAndRefusals() throws {
    let s = try Sandbox("shim-remove", store: .sharedReadOnly)
    defer { s.remove() }
    let home = s.root.path + "/home"  // a private FE_HOME for bin/ only; blobs are not needed
    let env = ["FE_HOME": home]
    let none = try s.fe("blobs", "shim", env: env)
    #expect(none.exited(0) && none.out.contains("no shims"), "\(none)")
    let made = try s.fe("blobs", "shim", "terser", "tsc", env: env)
    #expect(made.exited(0), "\(made)")
    #expect(made.err.contains("no version of tsc is installed"), "a shim for a tool not installed yet is made, with a note: \(made)")
    let listed = try s.fe("blobs", "shim", env: env)
    #expect(listed.exited(0) && listed.out.lines.filter { $0.hasPrefix("terser ") || $0.hasPrefix("tsc ") }.count == 2, "\(listed)")

    let removed = try s.fe("blobs", "shim", "--remove", "tsc", env: env)
    #expect(removed.exited(0), "\(removed)")
    #expect(!FileManager.default.fileExists(atPath: home + "/bin/tsc"))
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: home + "/bin/terser")) != nil, "the other shim stays")
    expectFeError(try s.fe("blobs", "shim", "--remove", "tsc", env: env), code: 66, mentions: ["tsc"])
    expectFeError(try s.fe("blobs", "shim", "--remove", env: env), code: 64)
    expectFeError(try s.fe("blobs", "shim", "../x", env: env), code: 64)

    // A file the user put in bin/ is neither replaced nor removed.
    try Data("#!/bin/sh\necho mine\n".utf8).write(to: URL(fileURLWithPath: home + "/bin/mine"))
    expectFeError(try s.fe("blobs", "shim", "mine", env: env), code: 74, mentions: ["not a shim"])
    expectFeError(try s.fe("blobs", "shim", "--remove", "mine", env: env), code: 74, mentions: ["not a shim"])
    #expect(try String(contentsOfFile: home + "/bin/mine", encoding: .utf8) == "#!/bin/sh\necho mine\n")
  }

  @Test func aLinkWhoseNameIsNotAToolName() throws {
    let s = try Sandbox("shim-bad-name", store: .sharedReadOnly)
    defer { s.remove() }
    let link = s.root.path + "/TSC"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Fe.binary)
    let r = try Fe.run(["--version"], cwd: s.project, env: s.env, executable: link)
    expectFeError(r, code: 64, mentions: ["TSC"])
  }
}

/// The directory holding `path`.
func parentDir(_ path: String) -> String { URL(fileURLWithPath: path).deletingLastPathComponent().path }

@Suite struct ShimNameTests {
  @Test(
    arguments: [
      ("fe", nil), ("/usr/local/bin/fe", nil), ("./fe", nil), ("", nil), ("tsc", "tsc"),
      ("/home/u/.fe/bin/tsc", "tsc"), ("../bin/my-tool", "my-tool"), ("/opt/fe/bin/fe.real", "fe.real"),
    ] as [(String, String?)])
  func argv0NamesTheTool(argv0: String, tool: String?) {
    #expect(FeMain.shimTool(argv0: argv0) == tool)
  }
}
