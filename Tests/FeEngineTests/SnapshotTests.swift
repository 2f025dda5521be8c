// Runtime snapshots: build, validate, boot, run the tool's main; the engine id.
import FeEngine
import FeRuntime
import Testing

@Suite struct SnapshotTests {
  /// A snapshot of the runtime with a small fe-native tool loaded.
  static let toolSnapshot: SnapshotMemory = {
    do {
      let builder = try Runtime.makeSnapshotBuilder()
      try builder.runScript("globalThis.answer = 42; fe.main(async () => 7)", name: "tool.js")
      return SnapshotMemory(try builder.snapshot())
    } catch {
      fatalError("cannot build the tool snapshot: \(error)")
    }
  }()

  @Test func bootedRuntimeHasTheSnapshotHeap() throws {
    let memory = Self.toolSnapshot
    let rt = Runtime(snapshot: memory.bytes, owner: memory)
    rt.onExit = { _ in }
    #expect(try rt.runScript("answer", name: "read.js") == .number(42))
    #expect(rt.hasMain)
  }

  @Test func runMainReturnsTheToolsExitCode() throws {
    let memory = Self.toolSnapshot
    let rt = Runtime(snapshot: memory.bytes, owner: memory)
    var exits: [Int32] = []
    rt.onExit = { exits.append($0) }
    try rt.setup(argv: ["fe", "tool"], env: [:], execPath: "fe")
    #expect(try rt.runMain(args: [], context: .object([])) == 7)
    #expect(exits.isEmpty)
  }

  @Test func bootedRuntimesAreIndependent() throws {
    let memory = Self.toolSnapshot
    let a = Runtime(snapshot: memory.bytes, owner: memory)
    let b = Runtime(snapshot: memory.bytes, owner: memory)
    try a.runScript("answer = 1", name: "a.js")
    #expect(try b.runScript("answer", name: "b.js") == .number(42))
    #expect(try a.runScript("answer", name: "a.js") == .number(1))
  }

  @Test func snapshotKeepsItsOwnerAlive() throws {
    // The runtime must hold the owner: the bytes V8 reads lazily stay mapped after our copy is gone.
    weak var weakOwner: SnapshotMemory?
    let rt: Runtime = try {
      let builder = try Runtime.makeSnapshotBuilder()
      try builder.runScript("globalThis.big = Array.from({ length: 1000 }, (_, i) => 'item ' + i)", name: "big.js")
      let owner = SnapshotMemory(try builder.snapshot())
      weakOwner = owner
      return Runtime(snapshot: owner.bytes, owner: owner)
    }()
    #expect(weakOwner != nil)
    #expect(try rt.runScript("big[999]", name: "read.js") == .string("item 999"))
  }

  /// Each snapshot build draws its own hash seed, and a process shares one read-only heap (with
  /// one seed) among its isolates: whichever boots second must rehash into the first one's.
  @Test func separatelyBuiltSnapshotsBootSideBySide() throws {
    func build(_ n: Int) throws -> SnapshotMemory {
      let builder = try Runtime.makeSnapshotBuilder()
      try builder.runScript("globalThis.table = { alpha\(n): \(n), beta: [1, 2, 3], ['k' + \(n)]: 'v' }", name: "t\(n).js")
      return SnapshotMemory(try builder.snapshot())
    }
    let memories = try (1...3).map(build)
    let runtimes = memories.map { m in Runtime(snapshot: m.bytes, owner: m) }
    for (i, rt) in runtimes.enumerated() {
      rt.onExit = { _ in }
      let n = i + 1
      let probe = "JSON.stringify([table.alpha\(n), table['k\(n)'], Object.keys(JSON.parse('{\"q\":1,\"beta\":2}')), 'beta' in table])"
      #expect(try rt.runScript(probe, name: "probe.js") == .string("[\(n),\"v\",[\"q\",\"beta\"],true]"))
    }
  }

  @Test func mainReceivesArgsAndContext() throws {
    let builder = try Runtime.makeSnapshotBuilder()
    try builder.runScript(
      "fe.main(async (args, ctx) => { await null; return args.length * 10 + ctx.bonus })", name: "tool.js")
    let memory = SnapshotMemory(try builder.snapshot())
    let rt = Runtime(snapshot: memory.bytes, owner: memory)
    rt.onExit = { _ in }
    #expect(try rt.runMain(args: ["a", "b", "c"], context: .object([("bonus", .number(4))])) == 34)
  }

  @Test func baseSnapshotHasNoMain() throws {
    let rt = try bootRuntime()
    #expect(!rt.hasMain)
  }

  @Test func validSnapshotIsRecognised() {
    #expect(Engine.isValidSnapshot(Self.toolSnapshot.bytes))
    #expect(Engine.isValidSnapshot(baseSnapshot.bytes))
  }

  /// Truncation inside the 128-byte header. (isValidSnapshot is V8's version-header check only: a
  /// blob cut after its header still passes, and fe's own sha256 check is what rejects it.)
  @Test(arguments: [0, 1, 16, 64, 100, 127])
  func truncatedSnapshotIsRejected(_ length: Int) {
    let bytes = Array(Self.toolSnapshot.bytes.prefix(length))
    #expect(!bytes.withUnsafeBytes { Engine.isValidSnapshot($0) })
  }

  @Test func garbageIsRejected() {
    var rng = SystemRandomNumberGenerator()
    let garbage = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &rng) }
    #expect(!garbage.withUnsafeBytes { Engine.isValidSnapshot($0) })
    let zeros = [UInt8](repeating: 0, count: 4096)
    #expect(!zeros.withUnsafeBytes { Engine.isValidSnapshot($0) })
    #expect(!Engine.isValidSnapshot(UnsafeRawBufferPointer(start: nil, count: 0)))
  }

  @Test func snapshotWithADamagedVersionHeaderIsRejected() {
    // V8 keeps its version string in the first 128 bytes; change every one of them in turn until
    // the check notices (it must, for some byte of the header).
    var rejected = false
    var bytes = Array(Self.toolSnapshot.bytes)
    for i in 0..<128 where !rejected {
      bytes[i] ^= 0x5A
      rejected = !bytes.withUnsafeBytes { Engine.isValidSnapshot($0) }
      bytes[i] ^= 0x5A
    }
    #expect(rejected)
  }

  @Test func engineIDIsStableAndNamesV8() {
    let first = Runtime.engineID
    #expect(first.hasPrefix("v8-10.2"))
    #expect(Runtime.engineID == first)
    let digest = first.split(separator: "-").last.map(String.init) ?? ""
    #expect(digest.count == 16)
    #expect(digest.allSatisfy { $0.isHexDigit && !$0.isUppercase })
    #expect(Engine.version.hasPrefix("10.2"))
    #expect(first.contains(Engine.version.split(separator: "-").first.map(String.init) ?? "?"))
  }
}
