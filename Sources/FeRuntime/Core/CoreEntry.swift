import FeEngine

/// The runtime's JavaScript functions that Swift calls: every one, declared once. Each is a
/// property of the core object the runtime's JS returns (`core.<name> = …` in JS/), and
/// `CoreEntryTests` checks each against a booted snapshot, so a renamed JS function fails a
/// test instead of a launch.
public enum CoreEntry: String, CaseIterable, Sendable {
  // Handed to the shim as hooks, not called.
  case promiseRejectHandler
  // Bootstrap and the main program.
  case setup, commonjs, mainThrew, runMain, runExportedMain, exitCodePromise, exitCode, emitExit, fatal, beforeExit
  // The event loop's turns and callbacks from the host.
  case afterMacrotask, settle, onTimer, runImmediates, onFetch, onChildData, onChildExit, onWatchEvent, onSignal, onHttp, onSocket, onGC
  // Modules.
  case isBuiltin, builtinExports, resolveBare, packageType, cjsLoadForImport, namespaceAfter, importMetaResolve, requireClosure
  // Node's vm modules and import() in code vm compiled (JS/23-vm.js).
  case vmDynamicImport, vmImportMeta
  // Node's command line and IPC channels (NodeCLI.swift, ChildProcessOps.swift).
  case nodeEval, onChannelData
  // Worker threads (JS/39-worker_threads.js).
  case workerMain, workerError
  // Node's user-land startup snapshots (UserSnapshot.swift, JS/38-v8.js).
  case snapshotBuild, snapshotSerialize, snapshotRestored, snapshotMain
  // The config sandbox.
  case resolveConfig, observeConfig
}

extension Scope {
  /// Calls one of the runtime's declared entry points.
  @discardableResult
  public func callCore(_ entry: CoreEntry, _ args: [Local] = []) throws -> Local {
    try callCore(entry.rawValue, args)
  }
}

extension Scope {
  /// The end of a timer or immediate callback, as Node's InternalCallbackScope closes: with no
  /// ticks queued the promise jobs run from here, so no runtime frame shows under them in a
  /// stack trace (as in Node); then ticks and unhandled rejections (core.afterMacrotask).
  func endCallback(ticksFirst: Bool) throws {
    if !ticksFirst { runMicrotasks() }
    try callCore(.afterMacrotask)
  }
}
