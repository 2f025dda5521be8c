// How the fe process itself is set up for speed: V8's heap pages (Shim/src/heap_pages.cc),
// libnode bound to itself (tools/bind-locally.py), `fe blobs exec` without argument parsing.
import Foundation
import Testing

@Suite struct EngineProcessTests {
  /// Churns through a few hundred MB: young and old garbage, objects larger than the arena
  /// carves (they take the plain mmap path), then reports what it kept and where its heap lives.
  static let churn = """
    const fs = require('fs');
    let kept = [];
    for (let round = 0; round < 40; round++) {
      const garbage = Array.from({ length: 20000 }, (_, i) => ({ i, s: 'item ' + i + ' of ' + round }));
      kept.push(garbage[round * 7].s);
    }
    const big = new Array(3_000_000).fill(1.5);        // ~24 MB: a large object, outside the arena
    const strings = Array.from({ length: 200 }, (_, i) => 'x'.repeat(100_000) + i);
    let sum = 0;
    for (const v of big) sum += v;
    const huge = fs.readFileSync('/proc/self/smaps', 'utf8').split('\\n')
      .filter((l) => l.startsWith('AnonHugePages:')).reduce((a, l) => a + parseInt(l.split(/\\s+/)[1], 10), 0);
    console.log(JSON.stringify({ kept: kept.length, last: kept[39], sum, strings: strings[199].length, huge }));
    """

  static var transparentHugePages: Bool {
    let setting = (try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)) ?? ""
    return !setting.contains("[never]")
  }

  @Test(arguments: [false, true])
  func heapWorksWithAndWithoutTheHugePageArena(arenaOff: Bool) throws {
    let s = try Sandbox(arenaOff ? "heap-pages-off" : "heap-pages", store: .sharedCopy)
    defer { s.remove() }
    let script = try s.write("churn.js", Self.churn)
    let r = try s.fe("blobs", "run", script, env: arenaOff ? ["FE_HUGE_PAGES": "0"] : [:])
    #expect(r.exited(0), "\(r)")
    let data = try #require(r.out.data(using: .utf8))
    let result = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(r)")
    #expect(result["kept"] as? Int == 40)
    #expect(result["last"] as? String == "item 273 of 39")
    #expect(result["sum"] as? Double == 4_500_000)
    #expect(result["strings"] as? Int == 100_003)
    let huge = result["huge"] as? Int ?? -1
    if arenaOff {
      #expect(huge == 0, "no arena, no madvise: no huge pages (\(r.out))")
    } else if Self.transparentHugePages {
      #expect(huge >= 2048, "the heap is backed by 2 MiB pages (\(r.out))")
    }
  }

  @Test func libnodeResolvesNothingOfItsOwnByName() throws {
    // With LD_DEBUG=bindings the dynamic loader prints each symbol it binds; libnode's references
    // to its own V8/Node code and data were turned into relative ones at `make deps`.
    let s = try Sandbox("bind-locally", store: .empty)
    defer { s.remove() }
    let r = try s.fe("blobs", "--version", env: ["LD_DEBUG": "bindings"])
    #expect(r.exited(0), "\(r)")
    // Thread-locals are the exception: their relocations name a module and an offset, never an address.
    let readelf = try Fe.run(["--dyn-syms", "-W", Self.libnode], cwd: "/", env: [:], executable: "/usr/bin/readelf")
    #expect(readelf.exited(0), "\(readelf)")
    let threadLocal = Set(
      readelf.out.split(separator: "\n").filter { $0.contains(" TLS ") }.compactMap { $0.split(separator: " ").last.map(String.init) })
    let own = r.err.split(separator: "\n").filter { line in
      guard let from = line.range(of: "binding file "), let to = line.range(of: " to "),
        let name = line.split(separator: "`").last?.split(separator: "'").first
      else { return false }
      return line[from.upperBound..<to.lowerBound].contains("libnode.so") && line[to.upperBound...].contains("libnode.so")
        && (name.hasPrefix("_ZN2v8") || name.hasPrefix("_ZN4node") || name.hasPrefix("_ZNK2v8")) && !threadLocal.contains(String(name))
    }
    #expect(r.err.contains("binding file"), "LD_DEBUG output expected: \(r.err.prefix(300))")
    #expect(own.isEmpty, "\(own.count) lookups, e.g. \(own.prefix(3))")
  }

  /// The libnode fe was linked with (the build's rpath points at .deps/libnode/lib).
  static let libnode = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "../../.deps/libnode/lib/libnode.so.108"
  ).standardized.path

  @Test func execPassesEverythingAfterTheToolThrough() throws {
    let s = try Sandbox("exec-fast-path", store: .sharedCopy)
    defer { s.remove() }
    try s.write("tool.js", "fe.main(async (args) => { console.log(JSON.stringify(args)); return args.length; });\n")
    let b = try s.fe("blobs", "build", "tool.js", "--name", "tool", "--version", "1.0.0")
    #expect(b.exited(0), "\(b)")
    let r = try s.fe("blobs", "exec", "tool", "--help", "-V", "x")
    #expect(r.exited(3), "\(r)")
    #expect(r.out == "[\"--help\",\"-V\",\"x\"]\n")
    let dashed = try s.fe("blobs", "exec", "tool@1.0.0", "--", "--version")
    #expect(dashed.exited(1) && dashed.out == "[\"--version\"]\n", "\(dashed)")
    // fe's own help when no tool comes first; a usage error without one.
    let help = try s.fe("blobs", "exec", "--help")
    #expect(help.exited(0) && help.out.contains("<tool>"), "\(help)")
    let missing = try s.fe("blobs", "exec")
    #expect(missing.exited(64), "\(missing)")
  }

  /// The first isolate of a process skips rehashing its snapshot by turning a V8 flag off while
  /// it deserializes; the flags are part of what V8 checks a code cache against, so the flag left
  /// off made every code cache made before the next isolate (a Worker, a snapshot build) one that
  /// V8 rejected after it: `vm.Script`'s cachedData, and the kept launch cache of issue 15.
  @Test func codeCachesOutliveTheNextIsolate() throws {
    let s = try Sandbox("code-cache-flags", store: .sharedCopy)
    defer { s.remove() }
    let script = try s.write(
      "cache.js",
      """
      const vm = require('vm');
      const v8 = require('v8');
      const { Worker } = require('worker_threads');
      const source = 'function f(a) { return a + 1; } f(41)';
      const tag = v8.cachedDataVersionTag();
      const cachedData = new vm.Script(source).createCachedData();
      const w = new Worker('require("worker_threads").parentPort.postMessage(1)', { eval: true });
      w.once('message', () => {
        const again = new vm.Script(source, { cachedData });
        console.log(JSON.stringify({ sameTag: v8.cachedDataVersionTag() === tag, rejected: again.cachedDataRejected }));
      });
      """)
    let r = try s.fe("blobs", "run", script)
    #expect(r.exited(0), "\(r)")
    #expect(r.out == #"{"sameTag":true,"rejected":false}"# + "\n", "\(r)")
  }

  /// FE_DEV_RUNTIME_DIR: the runtime's JS is read from a checkout instead of the binary, file by
  /// file, and the engine id follows, so the base snapshot is made again from what was read.
  @Test func devRuntimeDirReplacesTheEmbeddedJS() throws {
    let s = try Sandbox("dev-runtime-dir", store: .sharedCopy)
    defer { s.remove() }
    let core = try String(contentsOfFile: Fe.repo + "/Sources/FeRuntime/JS/00-core.js", encoding: .utf8)
    _ = try s.write("dev/JS/00-core.js", core + "\nglobalThis.feDevSources = 'read';\n")
    let script = try s.write("probe.js", "console.log(typeof feDevSources === 'string' ? feDevSources : 'embedded')")
    let dev = try s.fe("blobs", "run", script, env: ["FE_DEV_RUNTIME_DIR": s.project + "/dev"])
    #expect(dev.exited(0) && dev.out == "read\n", "\(dev)")
    let plain = try s.fe("blobs", "run", script)
    #expect(plain.exited(0) && plain.out == "embedded\n", "\(plain)")
  }
}
