// What Runtime.setup installs (process.argv/env/cwd/execPath) and the globals a script sees.
import FeBasics
import FeEngine
import FeRuntime
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct ProcessGlobalsTests {
  @Test func setupInstallsArgvEnvAndExecPath() throws {
    let rt = try bootRuntime(argv: ["fe", "tool", "--flag", "ünï"], env: ["A": "1", "EMPTY": "", "UNI": "☃"])
    #expect(try rt.runScript("process.argv", name: "argv.js") == .array(["fe", "tool", "--flag", "ünï"].map(JSValue.string)))
    #expect(try rt.runScript("process.env.A + '|' + process.env.EMPTY + '|' + process.env.UNI", name: "env.js") == .string("1||☃"))
    #expect(try rt.runScript("Object.keys(process.env).sort()", name: "keys.js") == .array(["A", "EMPTY", "UNI"].map(JSValue.string)))
    #expect(try rt.runScript("process.env.MISSING", name: "missing.js") == .undefined)
    #expect(try rt.runScript("process.execPath", name: "exec.js") == .string("/usr/local/bin/fe"))
  }

  @Test func cwdIsTheProcessDirectory() throws {
    let rt = try bootRuntime()
    #expect(try rt.runScript("process.cwd()", name: "cwd.js") == .string(FileSystem.currentDirectory()))
  }

  @Test func pidIsTheProcessID() throws {
    let rt = try bootRuntime()
    #expect(try rt.runScript("process.pid", name: "pid.js") == .number(Double(getpid())))
  }

  @Test func globalsExist() throws {
    let rt = try bootRuntime()
    let types = try rt.runScript(
      """
      JSON.stringify([typeof console.log, typeof setTimeout, typeof setImmediate, typeof queueMicrotask,
        typeof URL, typeof fe.main, typeof process.nextTick, typeof require, global === globalThis])
      """, name: "globals.js")
    #expect(types == .string(#"["function","function","function","function","function","function","function","undefined",true]"#))
  }

  @Test func urlGlobalParsesFileURLs() throws {
    let rt = try bootRuntime()
    let v = try rt.runScript(
      "const u = new URL('file:///tmp/a%20b/c.js?q=1#h'); [u.protocol, u.pathname, u.search, u.hash, u.href]", name: "url.js")
    #expect(v == .array(["file:", "/tmp/a%20b/c.js", "?q=1", "#h", "file:///tmp/a%20b/c.js?q=1#h"].map(JSValue.string)))
  }

  @Test func processExitIsCapturedAndStopsTheScript() throws {
    let exits = ExitRecorder()
    let rt = try bootRuntime(exits: exits)
    #expect(throws: JSTerminated.self) {
      try rt.runScript("globalThis.before = 1; process.exit(3); globalThis.after = 1", name: "exit.js")
    }
    #expect(exits.codes == [3])
  }
}
