import CXXHash
import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The runtime's launch path, compiled before a snapshot is built. The runtime's JS is compiled
/// lazily (compiling all of it into every snapshot costs more to deserialize than it saves), so
/// the functions a launch runs would be compiled at every launch (~2 ms of a `tsc --version`).
/// Instead, a throwaway isolate rehearses a Node CLI's launch — setup, the CommonJS loader,
/// `require` of the builtins CLIs start with and of packages from node_modules — and V8's code
/// cache of the runtime taken after it seeds every snapshot builder: those functions come with
/// their bytecode, the rest stays lazy.
/// Nothing of the rehearsal but bytecode reaches a snapshot: the builder is a fresh isolate.
extension Runtime {
  /// Made once per process, or read from `$FE_HOME/cache` where an earlier process kept it (the
  /// rehearsal is a third of a small npm tool's install); nil when the rehearsal fails
  /// (snapshots are then built without it).
  static let launchCodeCache: [UInt8]? = {
    // V8 takes a code cache only under the flags it was made with (a launch's own V8 options
    // change them), so those are in the name too.
    Engine.initialize()
    let flags = String(Engine.cachedDataVersionTag, radix: 16)
    let kept = Path.join(Environment.feHome(Environment.current()), "cache", "launch-\(engineID)-\(flags).v8cache")
    if let cache = readKeptCodeCache(kept) { return cache }
    let made = rehearseLaunch()
    if let made { keepCodeCache(made, at: kept) }
    return made
  }()

  /// The file is the cache after an xxh3 of it: V8 does not check a code cache's checksum
  /// under --no-verify-snapshot-checksum, and the name (the engine id hashes the runtime's
  /// sources) is what makes it this runtime's, since V8 compares only the source's length.
  static func readKeptCodeCache(_ path: String) -> [UInt8]? {
    guard let bytes = try? FileSystem.read(path), bytes.count > 8, bytes[..<8].elementsEqual(checksum(bytes[8...])) else {
      return nil
    }
    return Array(bytes[8...])
  }

  /// Best effort: a cache that cannot be written is made again by the next process.
  static func keepCodeCache(_ cache: [UInt8], at path: String) {
    try? FileSystem.createDirectory(Path.dirname(path))
    try? FileSystem.writeAtomically(path, checksum(cache[...]) + cache)
  }

  /// XXH3-64 of `bytes`, little-endian.
  private static func checksum(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    let digest = bytes.withUnsafeBytes { fe_xxh3_64($0.baseAddress, $0.count) }
    return (0..<8).map { UInt8(truncatingIfNeeded: digest >> (8 * UInt64($0))) }
  }

  static func rehearseLaunch() -> [UInt8]? {
    let rt = Runtime(isolate: Isolate(), permissions: .all)
    rt.onExit = { _ in }
    rt.onUncaught = { _ in }
    // A package tree to require from, so node_modules resolution is rehearsed too; without
    // a writable TMPDIR only the builtins are.
    let tree = warmUpTree()
    defer { if let tree { try? FileSystem.removeTree(tree) } }
    let main = tree.map { Path.join($0, "main.js") } ?? "/fe-warm-up/main.js"
    do {
      try rt.bootstrap()
      try rt.setup(argv: ["fe", main], env: [:], execPath: "fe")
      try rt.compileTool(warmUpTool + (tree == nil ? "" : warmUpRequires), path: main, eager: false)
      guard try rt.runCompiledTool(filename: main) == 0 else { return nil }
    } catch {
      return nil
    }
    return rt.isolate.bootstrapCodeCache()
  }

  /// What resolving a tool's dependencies exercises: a package with "exports" and a nested
  /// file, one found by its "main", one by its index.js, and JSON.
  static let warmUpRequires = """
    const pkg = require('warm-exports');
    const main = require('warm-main/package.json').main;
    if (pkg !== 2 || main !== 'lib/main' || require('warm-main') !== 1 || require('warm-index') !== 0) throw new Error('warm-up');
    void require.resolve('warm-exports/sub');

    """

  /// The tree warmUpRequires loads, in a fresh directory under TMPDIR; nil when it cannot be made.
  static func warmUpTree() -> String? {
    let tmp = Environment.current()["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template = Array(Path.join(tmp, "fe-warm-up-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { return nil }
    let dir = String(cString: made)
    let files = [
      "node_modules/warm-exports/package.json":
        #"{ "name": "warm-exports", "exports": { ".": { "require": "./lib/index.js", "default": "./lib/index.js" }, "./sub": "./lib/sub.js" } }"#,
      "node_modules/warm-exports/lib/index.js": "module.exports = require('./sub') + 1;",
      "node_modules/warm-exports/lib/sub.js": "module.exports = 1;",
      "node_modules/warm-main/package.json": #"{ "name": "warm-main", "main": "lib/main" }"#,
      "node_modules/warm-main/lib/main.js": "module.exports = 1;",
      "node_modules/warm-index/index.js": "module.exports = 0;",
    ]
    do {
      for (name, text) in files {
        let path = Path.join(dir, name)
        try FileSystem.createDirectory(Path.dirname(path))
        try FileSystem.writeAtomically(path, Array(text.utf8))
      }
      return dir
    } catch {
      try? FileSystem.removeTree(dir)
      return nil
    }
  }

  /// What a CLI's first milliseconds typically do. Only reads: nothing is written or printed.
  static let warmUpTool = """
    'use strict';
    const path = require('path');
    const fs = require('fs');
    const os = require('os');
    const util = require('util');
    const { EventEmitter } = require('events');
    const file = path.resolve(__dirname, 'missing', '..', 'x.js');
    if (fs.existsSync(file)) throw new Error('unexpected ' + file);
    new EventEmitter().on('x', () => {}).emit('x');
    void [util.format('%s %d', 'a', 1), path.join('a', 'b'), path.relative('/a', '/b'), os.EOL, os.platform()];
    void [process.argv.length, process.env.HOME, process.cwd(), process.platform, process.stdout.isTTY];
    process.exitCode = 0;

    """
}
