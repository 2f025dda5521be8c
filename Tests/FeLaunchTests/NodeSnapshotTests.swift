// Node's user-land startup snapshots through fe's Node command line: `--build-snapshot entry.js`
// then `--snapshot-blob blob` (FeCLI/NodeSnapshot.swift, FeRuntime/Core/UserSnapshot.swift).
import Foundation
import Testing

@Suite struct NodeSnapshotTests {
  static let entry = """
    const v8 = require('v8');
    const zlib = require('zlib');
    const state = { books: new Map([['a', 'first book']]), built: process.argv.length };
    globalThis.fromSnapshot = 'kept';
    v8.startupSnapshot.addSerializeCallback((s) => {
      for (const [k, v] of s.books) s.books.set(k, zlib.gzipSync(v));
    }, state);
    v8.startupSnapshot.addDeserializeCallback((s) => {
      for (const [k, v] of s.books) s.books.set(k, zlib.gunzipSync(v).toString());
    }, state);
    v8.startupSnapshot.setDeserializeMainFunction((s) => {
      console.log(JSON.stringify({
        argv: process.argv.slice(1), lang: process.env.BOOK_LANG, book: s.books.get('a'),
        building: v8.startupSnapshot.isBuildingSnapshot(),
      }));
    }, state);
    """

  @Test func aSnapshotKeepsTheHeapAndRunsItsMainFunction() throws {
    let s = try Sandbox("user-snapshot", store: .sharedCopy)
    defer { s.remove() }
    let entry = try s.write("entry.js", NodeSnapshotTests.entry)
    let blob = s.project + "/app.blob"
    let built = try s.fe("blobs", "run", "--snapshot-blob", blob, "--build-snapshot", entry)
    #expect(built.exited(0), "\(built)")
    let r = try s.fe("blobs", "run", "--snapshot-blob", blob, "one", "two", env: ["BOOK_LANG": "fr"])
    #expect(r.exited(0), "\(r)")
    #expect(r.out == #"{"argv":["one","two"],"lang":"fr","book":"first book","building":false}"# + "\n", "\(r)")
  }

  @Test func withoutAMainFunctionTheCommandLineRunsInTheRestoredHeap() throws {
    let s = try Sandbox("user-snapshot-plain", store: .sharedCopy)
    defer { s.remove() }
    let entry = try s.write("entry.js", "require('fs').fromSnapshot = 'yes';")
    let built = try s.fe("blobs", "run", "--build-snapshot", entry, cwd: s.project)
    #expect(built.exited(0), "\(built)")
    #expect(FileManager.default.fileExists(atPath: s.project + "/snapshot.blob"))
    let script = try s.write("main.js", "console.log(require('fs').fromSnapshot)")
    let r = try s.fe("blobs", "run", "--snapshot-blob", s.project + "/snapshot.blob", script)
    #expect(r.exited(0) && r.out == "yes\n", "\(r)")
  }

  @Test func badSnapshotsAndEntriesFailWithNodesMessages() throws {
    let s = try Sandbox("user-snapshot-bad", store: .sharedCopy)
    defer { s.remove() }
    let blob = s.project + "/snap.blob"
    let missing = try s.fe("blobs", "run", "--snapshot-blob", blob, "-e", "1")
    #expect(missing.code == 1 && missing.err.contains("Cannot open \(blob)"), "\(missing)")

    let throwing = try s.write("throws.js", "throw new Error('entry failed');")
    let failed = try s.fe("blobs", "run", "--snapshot-blob", blob, "--build-snapshot", throwing)
    #expect(failed.code == 1 && failed.err.contains("entry failed"), "\(failed)")
    #expect(!FileManager.default.fileExists(atPath: blob), "a failed build writes no snapshot")

    let noEntry = try s.fe("blobs", "run", "--snapshot-blob", blob, "--build-snapshot", "-e", "1")
    #expect(noEntry.code == 9 && noEntry.err.contains("--build-snapshot must be used with an entry point script"), "\(noEntry)")

    // Built with another V8 flag: refused without it, booted with it.
    let entry = try s.write("entry.js", "globalThis.x = 1;")
    let built = try s.fe("blobs", "run", "--harmony", "--snapshot-blob", blob, "--build-snapshot", entry)
    #expect(built.exited(0), "\(built)")
    let other = try s.fe("blobs", "run", "--snapshot-blob", blob, "-e", "console.log(x)")
    #expect(other.code == 1 && other.err.contains("Failed to load the startup snapshot"), "\(other)")
    let same = try s.fe("blobs", "run", "--harmony", "--snapshot-blob", blob, "-e", "console.log(x)")
    #expect(same.exited(0) && same.out == "1\n", "\(same)")

    // A damaged file is refused, never booted.
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: blob)))
    bytes[bytes.count / 2] ^= 0xff
    try Data(bytes).write(to: URL(fileURLWithPath: blob))
    let damaged = try s.fe("blobs", "run", "--harmony", "--snapshot-blob", blob, "-e", "1")
    #expect(damaged.code == 1 && damaged.err.contains("Failed to load the startup snapshot"), "\(damaged)")
  }
}
