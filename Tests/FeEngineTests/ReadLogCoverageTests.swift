import Testing

// The config cache keys a fe.config.js result on what its evaluation read (ReadLog). An op that
// reads the machine but is in neither ReadLog's table nor the Sandbox's descriptor rules would
// let a cached result outlive the files it came from (op_fs_opendir and op_fs_statfs once did).
@testable import FeRuntime

@Suite struct ReadLogCoverageTests {
  /// The module loader records the files it resolves and reads itself (ModuleLoader.readLog).
  static let recordedByTheLoader: Set<String> = ["op_compile_cjs", "op_module_resolve"]

  @Test func everyReadingOpIsObservedOrBoundToAnOpenedDescriptor() {
    for op in Runtime.ops where op.needs.contains(.read) && !Self.recordedByTheLoader.contains(op.name) {
      let observed = ReadLog.observations[op.name] != nil
      var onOwnDescriptor = false
      if case .fd? = Sandbox.rules[op.name] { onOwnDescriptor = true }
      #expect(observed || onOwnDescriptor, "\(op.name) reads the machine, but the config cache does not see what")
    }
  }

  @Test func aDirectoryListingIsContentsAndStatfsIsVolatile() {
    for (name, arg) in [("op_fs_opendir", 0), ("op_fs_opendir_async", 1)] {
      guard case .path(let a, let depth)? = ReadLog.observations[name] else {
        Issue.record("\(name) is not observed")
        continue
      }
      #expect(a == arg && depth == .contents, "\(name)")
    }
    for name in ["op_fs_statfs", "op_fs_statfs_async"] {
      guard case .volatile? = ReadLog.observations[name] else {
        Issue.record("\(name): free space changes without any file changing, so it must be volatile")
        continue
      }
    }
  }

  @Test func readAllOnlyReadsDescriptorsTheRuntimeOpened() {
    for (name, arg) in [("op_fs_read_all", 0), ("op_fs_read_all_async", 1)] {
      guard case .fd(let a)? = Sandbox.rules[name] else {
        Issue.record("\(name) may read an inherited descriptor (stdin, the launcher's)")
        continue
      }
      #expect(a == arg, "\(name)")
    }
  }
}
