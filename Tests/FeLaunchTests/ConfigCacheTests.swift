// The config cache: a warm launch takes fe.config.js's result from $FE_HOME/cache/config/
// without booting the config sandbox; editing the config, a read env var, a read or imported
// file, a directory listed with opendir or a file read through a FileHandle re-evaluates it; a
// corrupt entry is ignored and rewritten; a config whose result may differ between runs (the
// clock, randomness, host facts, a filesystem's free space) is never cached.
import Foundation
import Testing

@Suite struct ConfigCacheTests {
  /// A copy of the shared store with a project pinned to fe ^2.1.0, whose `dev.port` the tool prints.
  func sandbox(_ name: String, config: String) throws -> Sandbox {
    let s = try Sandbox(name, store: .sharedCopy)
    try? FileManager.default.removeItem(atPath: s.feHome + "/cache/config")  // the shared store's own entry
    try s.config(config)
    return s
  }

  func entries(_ s: Sandbox) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: s.feHome + "/cache/config")) ?? []).filter { $0.hasSuffix(".bin") }
      .map { s.feHome + "/cache/config/" + $0 }
  }

  /// The config sandbox boots from cache/base-<engine>.blob, which fe writes when it is missing:
  /// deleting it before a run and finding it again after shows the config was evaluated.
  func baseSnapshots(_ s: Sandbox) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: s.feHome + "/cache")) ?? []).filter { $0.hasPrefix("base-") }
  }

  func removeBaseSnapshots(_ s: Sandbox) throws {
    for name in baseSnapshots(s) { try FileManager.default.removeItem(atPath: s.feHome + "/cache/" + name) }
  }

  /// Runs `fe d` and returns the port it printed; `evaluated` says whether the config sandbox ran.
  func port(
    _ s: Sandbox, env: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (
    port: String?, evaluated: Bool
  ) {
    try removeBaseSnapshots(s)
    let r = try s.fe("d", "--dry-run", env: env)
    #expect(r.exited(0), "\(r)", sourceLocation: sourceLocation)
    #expect(r.err.isEmpty, "\(r)", sourceLocation: sourceLocation)
    let port = r.out.split(separator: "\n").first { $0.contains("Local:") }.flatMap { $0.split(separator: ":").last }
      .map { String($0.filter(\.isNumber)) }
    return (port, !baseSnapshots(s).isEmpty)
  }

  @Test func warmLaunchSkipsTheSandbox() throws {
    let s = try sandbox("cache-warm", config: "export default { fe: \"^2.1.0\", dev: { port: 4001 } };\n")
    defer { s.remove() }
    let cold = try port(s)
    #expect(cold.port == "4001" && cold.evaluated, "\(cold)")
    #expect(entries(s).count == 1, "one entry written: \(entries(s))")
    let attributes = try FileManager.default.attributesOfItem(atPath: try #require(entries(s).first))
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "entries are private: \(attributes)")
    let warm = try port(s)
    #expect(warm.port == "4001" && !warm.evaluated, "served from the cache: \(warm)")

    let off = try port(s, env: ["FE_NO_CONFIG_CACHE": "1"])
    #expect(off.port == "4001" && off.evaluated, "FE_NO_CONFIG_CACHE=1 evaluates: \(off)")
  }

  @Test func editingTheConfigReevaluates() throws {
    let s = try sandbox("cache-edit", config: "export default { fe: \"^2.1.0\", dev: { port: 4001 } };\n")
    defer { s.remove() }
    #expect(try port(s).port == "4001")
    try s.config("export default { fe: \"^2.1.0\", dev: { port: 4002 } };\n")  // same size, new content
    let edited = try port(s)
    #expect(edited.port == "4002" && edited.evaluated, "\(edited)")
    #expect(try port(s) == ("4002", false))
  }

  @Test func aReadEnvironmentVariableIsPartOfTheKey() throws {
    let s = try sandbox(
      "cache-env",
      config: "export default ({ env }) => ({ fe: \"^2.1.0\", dev: { port: Number(process.env.CACHE_PORT ?? env.OTHER_PORT ?? 4000) } });\n"
    )
    defer { s.remove() }
    #expect(try port(s, env: ["CACHE_PORT": "4101"]) == ("4101", true))
    #expect(try port(s, env: ["CACHE_PORT": "4101", "UNRELATED": "x"]) == ("4101", false), "an unread variable does not matter")
    #expect(try port(s, env: ["CACHE_PORT": "4102"]) == ("4102", true), "a changed value re-evaluates")
    #expect(try port(s, env: [:]) == ("4000", true), "an unset one too")
    #expect(try port(s, env: ["OTHER_PORT": "4103"]) == ("4103", true), "a variable read through `env` counts")
    #expect(try port(s, env: ["OTHER_PORT": "4103"]) == ("4103", false))
  }

  @Test func aReadOrImportedFileIsPartOfTheKey() throws {
    let s = try sandbox(
      "cache-files",
      config: """
        import fs from "node:fs";
        import { base } from "./settings.js";
        export default { fe: "^2.1.0", dev: { port: base + Number(fs.readFileSync(new URL("./port.txt", import.meta.url), "utf8")) } };

        """)
    defer { s.remove() }
    try s.write("settings.js", "export const base = 4000;\n")
    try s.write("port.txt", "1\n")
    #expect(try port(s) == ("4001", true))
    #expect(try port(s) == ("4001", false))
    try s.write("port.txt", "2\n")
    #expect(try port(s) == ("4002", true), "a read file changed")
    try s.write("settings.js", "export const base = 5000;\n")
    #expect(try port(s) == ("5002", true), "an imported module changed")
    try FileManager.default.removeItem(atPath: s.project + "/port.txt")
    let r = try s.fe("d", "--dry-run")
    expectFeError(r, code: 78, mentions: ["port.txt"])
  }

  @Test func aListedDirectoryOrAFileReadThroughAHandleIsPartOfTheKey() throws {
    let s = try sandbox(
      "cache-opendir",
      config: """
        import fs from "node:fs";
        const dir = fs.opendirSync(new URL("./ports", import.meta.url));
        let n = 0;
        while (dir.readSync() !== null) n++;
        dir.closeSync();
        const handle = await fs.promises.open(new URL("./base.txt", import.meta.url));
        const base = Number(await fs.promises.readFile(handle, "utf8"));
        await handle.close();
        export default { fe: "^2.1.0", dev: { port: base + n } };

        """)
    defer { s.remove() }
    try s.write("ports/a", "")
    try s.write("base.txt", "4000")
    #expect(try port(s) == ("4001", true))
    #expect(try port(s) == ("4001", false))
    try s.write("ports/b", "")
    #expect(try port(s) == ("4002", true), "a file was added to a directory read with opendir")
    try s.write("base.txt", "5000")
    #expect(try port(s) == ("5002", true), "a file read through a FileHandle (op_fs_read_all) changed")
    #expect(try port(s) == ("5002", false))
  }

  @Test func aCorruptEntryIsIgnoredAndRewritten() throws {
    let s = try sandbox("cache-corrupt", config: "export default { fe: \"^2.1.0\", dev: { port: 4001 } };\n")
    defer { s.remove() }
    #expect(try port(s) == ("4001", true))
    let entry = try #require(entries(s).first)
    let good = try Data(contentsOf: URL(fileURLWithPath: entry))
    var flipped = good
    flipped[flipped.count - 3] ^= 0x01  // inside the cached value
    for damaged in [flipped, good.prefix(good.count / 2), Data("garbage".utf8), Data()] {
      try damaged.write(to: URL(fileURLWithPath: entry))
      #expect(try port(s) == ("4001", true), "a damaged entry is not used")
      #expect(try Data(contentsOf: URL(fileURLWithPath: entry)) == good, "and is rewritten")
      #expect(try port(s) == ("4001", false))
    }
  }

  @Test func aConfigThatMayDifferBetweenRunsIsNotCached() throws {
    for (name, expression) in [
      ("clock", "Date.now() > 0 ? 4001 : 1"), ("random", "Math.random() < 2 ? 4001 : 1"),
      ("date", "new Date().getFullYear() > 2000 ? 4001 : 1"), ("os", "(await import('node:os')).hostname() ? 4001 : 1"),
      ("statfs", "(await import('node:fs')).statfsSync('.').bavail >= 0 ? 4001 : 1"),
    ] {
      let s = try sandbox("cache-volatile-\(name)", config: "export default { fe: \"^2.1.0\", dev: { port: \(expression) } };\n")
      defer { s.remove() }
      #expect(try port(s) == ("4001", true), "\(name)")
      #expect(try port(s) == ("4001", true), "\(name): evaluated at every launch")
      #expect(entries(s).isEmpty, "\(name): \(entries(s))")
    }
  }

  @Test func aConfigThatPrintsPrintsAtEveryLaunch() throws {
    let s = try sandbox("cache-prints", config: "console.error('configuring');\nexport default { fe: \"^2.1.0\" };\n")
    defer { s.remove() }
    for _ in 0..<2 {
      let r = try s.fe("--version")
      #expect(r.exited(0) && r.err == "configuring\n", "\(r)")
    }
  }
}
