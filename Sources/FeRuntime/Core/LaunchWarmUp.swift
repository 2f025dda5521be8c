import FeEngine

/// The runtime's launch path, compiled before a snapshot is built. The runtime's JS is compiled
/// lazily (compiling all of it into every snapshot costs more to deserialize than it saves), so
/// the functions a launch runs would be compiled at every launch (~2 ms of a `tsc --version`).
/// Instead, a throwaway isolate rehearses a Node CLI's launch — setup, the CommonJS loader,
/// `require` of the builtins CLIs start with — and V8's code cache of the runtime taken after it
/// seeds every snapshot builder: those functions come with their bytecode, the rest stays lazy.
/// Nothing of the rehearsal but bytecode reaches a snapshot: the builder is a fresh isolate.
extension Runtime {
  /// Made once per process; nil when the rehearsal fails (snapshots are then built without it).
  static let launchCodeCache: [UInt8]? = {
    let rt = Runtime(isolate: Isolate(), permissions: .all)
    rt.onExit = { _ in }
    rt.onUncaught = { _ in }
    let main = "/fe-warm-up/main.js"
    do {
      try rt.bootstrap()
      try rt.setup(argv: ["fe", main], env: [:], execPath: "fe")
      try rt.compileTool(warmUpTool, path: main, eager: false)
      guard try rt.runCompiledTool(filename: main) == 0 else { return nil }
    } catch {
      return nil
    }
    return rt.isolate.bootstrapCodeCache()
  }()

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
