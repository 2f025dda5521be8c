// `fe blobs …` commands run in-process with an injected context: a temp FE_HOME named after the
// test, captured stdout and stderr, no terminal.
import FeBasics
import Testing

@testable import FeCLI
@testable import FeLaunch

/// One in-process run: what the command printed through its context, and its exit code.
struct InProcessRun {
  var code: Int32
  var out: [String] = []
  var err: [String] = []
}

/// Runs `fe blobs <args…>` in this process with FE_HOME = `home` and `cwd`.
func blobsInProcess(_ args: [String], home: String, cwd: String, env: [String: String] = [:]) -> InProcessRun {
  final class Lines: @unchecked Sendable {
    var out: [String] = []
    var err: [String] = []
  }
  let lines = Lines()
  let context = FeContext(
    env: ["FE_HOME": home, "NO_COLOR": "1"].merging(env) { _, n in n }, cwd: cwd, executable: Fe.binary,
    stdout: { lines.out.append($0) }, stderr: { lines.err.append($0) })
  context.isTerminal = { _ in false }
  let code = FeMain.runBlobs(args, context: context)
  return InProcessRun(code: code, out: lines.out, err: lines.err)
}

@Suite struct InProcessCommandTests {
  @Test func versionNamesTheLauncherAndEngine() {
    let dir = TempDir("in-process-version")
    let r = blobsInProcess(["--version"], home: dir.file("fe-home"), cwd: dir.path)
    #expect(r.code == 0)
    #expect(r.out.first == "fe \(FeMain.version)")
    #expect(r.out.count == 2 && r.out[1].hasPrefix("engine "), "\(r)")
  }

  @Test func listOfAnEmptyStore() {
    let dir = TempDir("in-process-list")
    let home = dir.file("fe-home")
    let r = blobsInProcess(["list"], home: home, cwd: dir.path)
    #expect(r.code == 0)
    #expect(r.out == ["no blobs installed in \(home)/blobs"], "\(r)")
    #expect(r.err.isEmpty)
  }

  @Test func errorsAreOneLineWithAHintAndTheirExitCode() {
    let dir = TempDir("in-process-remove")
    let r = blobsInProcess(["remove", "tsc@1.0.0"], home: dir.file("fe-home"), cwd: dir.path)
    #expect(r.code == FeError.Kind.notInstalled.exitCode)
    #expect(r.out.isEmpty)
    #expect(r.err.first?.hasPrefix("fe: error: tsc@1.0.0 is not installed") == true, "\(r)")
  }

  @Test func usageErrorsComeFromArgumentParsing() {
    let dir = TempDir("in-process-usage")
    let r = blobsInProcess(["prune", "--days", "-1"], home: dir.file("fe-home"), cwd: dir.path)
    #expect(r.code == FeError.Kind.usage.exitCode)
    #expect(r.err.first?.hasPrefix("fe: error: ") == true, "\(r)")
  }

  @Test func buildThenListAndRemove() throws {
    let dir = TempDir("in-process-build")
    let home = dir.file("fe-home")
    let bundle = try dir.write("hello.js", "fe.main(async () => 0)\n")
    let built = blobsInProcess(["build", bundle, "--name", "hello", "--version", "1.0.0"], home: home, cwd: dir.path)
    #expect(built.code == 0, "\(built)")
    #expect(built.out.first?.hasPrefix("built hello@1.0.0") == true, "\(built)")
    let list = blobsInProcess(["list", "--json"], home: home, cwd: dir.path)
    #expect(list.code == 0)
    let entries = try #require(try parseJSON(list.out.joined(separator: "\n")) as? [[String: Any]], "\(list)")
    #expect(entries.count == 1)
    #expect(entries.first?["tool"] as? String == "hello" && entries.first?["kind"] as? String == "fe-native", "\(entries)")
    let removed = blobsInProcess(["remove", "hello@1.0.0"], home: home, cwd: dir.path)
    #expect(removed.out == ["removed hello@1.0.0"], "\(removed)")
    #expect(!FileSystem.isDirectory(Path.join(home, "blobs/hello/1.0.0")))
  }
}
