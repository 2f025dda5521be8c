// ConfigEvaluator on valid configs: ESM and CommonJS, objects and (async) functions, pins.
import FeBasics
import FeConfig
import FeEngine
import Testing

@Suite(.timeLimit(.minutes(1))) struct ConfigFormsTests {
  @Test func esmObjectExport() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { fe: '^2.1.0', tools: { tsc: '5.4.x' } };")
    let config = try evaluate(path)
    #expect(config.path == path)
    #expect(config.directory == dir.path)
    #expect(config.pins == ["fe": "^2.1.0", "tsc": "5.4.x"])
    #expect(config.registry == nil)
  }

  @Test func plainJSWithExportDefaultIsAModule() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.js", "export default { fe: '^2' };")
    #expect(try evaluate(path).pins == ["fe": "^2"])
  }

  @Test(arguments: [
    ("fe.config.cjs", "module.exports = { fe: '^2', tools: { eslint: '~8.57.0' } };"),
    ("fe.config.js", "module.exports = { fe: '^2', tools: { eslint: '~8.57.0' } };"),
    ("fe.config.cjs", "exports.fe = '^2'; exports.tools = { eslint: '~8.57.0' };"),
  ])
  func commonJSObjectExport(_ name: String, _ source: String) throws {
    let dir = TempDir()
    let path = try dir.write(name, source)
    #expect(try evaluate(path).pins == ["fe": "^2", "eslint": "~8.57.0"])
  }

  @Test func syncFunctionReceivesEnvAndCwd() throws {
    let dir = TempDir()
    let path = try dir.write(
      "fe.config.mjs",
      """
      export default ({ env, cwd }) => ({
        fe: env.WANT_FE,
        seenCwd: cwd,
        seenHome: env.HOME,
        envKeys: Object.keys(env).sort(),
      });
      """)
    let cwd = try dir.mkdir("packages/web")
    let config = try evaluate(path, env: ["WANT_FE": "^2.3", "HOME": "/home/x"], cwd: cwd)
    #expect(config.pins == ["fe": "^2.3"])
    #expect(config.value["seenCwd"] == .string(cwd))
    #expect(config.value["seenHome"] == .string("/home/x"))
    #expect(config.value["envKeys"] == .array([.string("HOME"), .string("WANT_FE")]))
  }

  @Test func asyncFunctionReceivesEnvAndCwd() throws {
    let dir = TempDir()
    let path = try dir.write(
      "fe.config.mjs",
      """
      export default async ({ env, cwd }) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        await null;
        return { fe: '^2', tools: { prettier: env.PRETTIER }, where: cwd };
      };
      """)
    let config = try evaluate(path, env: ["PRETTIER": "3.x"], cwd: "/some/cwd")
    #expect(config.pins == ["fe": "^2", "prettier": "3.x"])
    #expect(config.value["where"] == .string("/some/cwd"))
  }

  @Test func commonJSFunctionExport() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.cjs", "module.exports = async ({ env }) => ({ fe: env.V });")
    #expect(try evaluate(path, env: ["V": "1.x"]).pins == ["fe": "1.x"])
  }

  @Test func promiseExportIsAwaited() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default Promise.resolve({ fe: '>=2 <3' });")
    #expect(try evaluate(path).pins == ["fe": ">=2 <3"])
  }

  @Test func processEnvIsTheGivenEnvironment() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { fe: '^2', user: process.env.FE_USER, argv: process.argv };")
    let config = try evaluate(path, env: ["FE_USER": "alice"])
    #expect(config.value["user"] == .string("alice"))
    #expect(config.value["argv"] == .array([.string("fe"), .string(path)]))
  }

  @Test func toolsAndRegistryAreParsed() throws {
    let dir = TempDir()
    let path = try dir.write(
      "fe.config.mjs",
      """
      export default {
        fe: '2.x',
        registry: 'https://blobs.example.com/fe',
        tools: { tsc: '5.4.5', eslint: '^8 || ^9', 'my-tool': '>=1.2.0 <2' },
        tsc: { strict: true },
      };
      """)
    let config = try evaluate(path)
    #expect(config.pins == ["fe": "2.x", "tsc": "5.4.5", "eslint": "^8 || ^9", "my-tool": ">=1.2.0 <2"])
    #expect(config.registry == "https://blobs.example.com/fe")
    #expect(config.value["tsc"] == .object([("strict", .bool(true))]))
    #expect(try config.selector(for: "tsc") != nil)
    #expect(try config.selector(for: "not-pinned") == nil)
  }

  @Test(arguments: ["null", "undefined"])
  func nullishRegistryMeansNone(_ literal: String) throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { fe: '^2', registry: \(literal) };")
    #expect(try evaluate(path).registry == nil)
  }

  @Test func configWithoutPinsIsValid() throws {
    let dir = TempDir()
    let path = try dir.write("fe.config.mjs", "export default { lint: { strict: true } };")
    let config = try evaluate(path)
    #expect(config.pins.isEmpty)
    #expect(config.value["lint"] == .object([("strict", .bool(true))]))
  }

  @Test func configMayReadFilesAndImportHelpers() throws {
    let dir = TempDir()
    try dir.write("versions.json", #"{ "tsc": "5.4.x" }"#)
    try dir.write("lib/shared.mjs", "export const fe = '^2';")
    try dir.write("NOTE.txt", "from disk")
    let path = try dir.write(
      "fe.config.mjs",
      """
      import fs from 'node:fs';
      import path from 'node:path';
      import { fe } from './lib/shared.mjs';
      import versions from './versions.json' assert { type: 'json' };
      export default { fe, tools: versions, note: fs.readFileSync(path.join(import.meta.dirname, 'NOTE.txt'), 'utf8') };
      """)
    let config = try evaluate(path)
    #expect(config.pins == ["fe": "^2", "tsc": "5.4.x"])
    #expect(config.value["note"] == .string("from disk"))
  }
}
