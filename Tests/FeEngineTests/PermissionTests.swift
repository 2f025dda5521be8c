// Sandboxed runtimes: `.config` may read but not write, start processes or exit.
import FeBasics
import FeEngine
import FeRuntime
import Testing

@Suite struct PermissionTests {
  @Test func configRuntimeMayNotWriteFiles() throws {
    let dir = TempDir()
    let target = dir.file("written.txt")
    let rt = try bootRuntime(permissions: .config)
    let e = jsError {
      try rt.runCommonJS("require('fs').writeFileSync(\(JSONString.quote(target)), 'data')", path: dir.file("writer.cjs"))
    }
    #expect(e?.message.contains("may not write files") == true)
    #expect(e?.value["code"] == .string("ERR_ACCESS_DENIED"))
    #expect(!FileSystem.exists(target))
  }

  @Test func deniedErrorIsCatchableWithItsCode() throws {
    let dir = TempDir()
    let rt = try bootRuntime(permissions: .config)
    rt.sandboxName = "fe.config.js"
    try rt.runCommonJS(
      """
      try { require('fs').mkdirSync(\(JSONString.quote(dir.file("sub")))); globalThis.result = 'no error' }
      catch (e) { globalThis.result = [e.code, e.message] }
      """, path: dir.file("mkdir.cjs"))
    let v = try rt.runScript("result", name: "read.js")
    #expect(v == .array([.string("ERR_ACCESS_DENIED"), .string("fe.config.js may not write files (op op_fs_mkdir is not allowed here)")]))
    #expect(!FileSystem.exists(dir.file("sub")))
  }

  @Test func configRuntimeMayStillRead() throws {
    let dir = TempDir()
    let file = try dir.write("input.txt", "hello from disk ✓")
    let rt = try bootRuntime(permissions: .config)
    try rt.runCommonJS(
      """
      const fs = require('fs');
      globalThis.result = [fs.readFileSync(\(JSONString.quote(file)), 'utf8'), fs.existsSync(\(JSONString.quote(file))),
        fs.readdirSync(\(JSONString.quote(dir.path))), fs.statSync(\(JSONString.quote(file))).isFile()];
      """, path: dir.file("reader.cjs"))
    #expect(
      try rt.runScript("result", name: "read.js")
        == .array([.string("hello from disk ✓"), .bool(true), .array([.string("input.txt")]), .bool(true)]))
  }

  @Test func configRuntimeMayNotExit() throws {
    let exits = ExitRecorder()
    let rt = try bootRuntime(permissions: .config, exits: exits)
    let v = try rt.runScript("try { process.exit(0); 'no error' } catch (e) { e.code + ' ' + e.message }", name: "exit.js")
    #expect(v == .string("ERR_ACCESS_DENIED this program may not call process.exit() (op op_exit is not allowed here)"))
    #expect(exits.codes.isEmpty)
  }

  @Test func fullRuntimeMayWrite() throws {
    let dir = TempDir()
    let target = dir.file("ok.txt")
    let rt = try bootRuntime(permissions: .all)
    try rt.runCommonJS("require('fs').writeFileSync(\(JSONString.quote(target)), 'written')", path: dir.file("writer.cjs"))
    #expect(try FileSystem.readString(target) == "written")
  }
}
