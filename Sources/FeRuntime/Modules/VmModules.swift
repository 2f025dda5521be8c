import FeEngine

/// Node's vm modules (`vm.SourceTextModule`, `vm.SyntheticModule`; `internalBinding('module_wrap')`
/// in JS/23-vm.js). V8's module is not a JS value, so each one is a resource whose id the JS
/// `ModuleWrap` holds. Linking is JavaScript's (an async linker per import); JS records each
/// link here before instantiation, and V8's resolve callback asks here before fe's own loader.
final class VmModule: Resource {
  let module: Persistent
  let hash: Int32
  /// specifier → the module JS linked it to.
  var links: [String: VmModule] = [:]

  init(_ module: Local, scope s: Scope) {
    self.module = Persistent(module, in: s)
    hash = s.moduleHash(module)
  }
}

/// The vm modules of one runtime, findable by V8's module handle (resolve, import.meta).
final class VmModuleRegistry {
  private var byHash: [Int32: [(id: Int, module: VmModule)]] = [:]

  func add(_ m: VmModule, id: Int) { byHash[m.hash, default: []].append((id, m)) }

  func remove(id: Int, hash: Int32) {
    byHash[hash]?.removeAll { $0.id == id }
    if byHash[hash]?.isEmpty == true { byHash[hash] = nil }
  }

  /// The vm module that is `module`, with its resource id.
  func find(_ module: Local, scope s: Scope) -> (id: Int, module: VmModule)? {
    byHash[s.moduleHash(module)]?.first { s.sameModule($0.module.module.get(s), module) }
  }

  /// V8 resolving an import of a vm module: `.some(module JS linked)`, or `.some(nil)` after
  /// throwing Node's ERR_VM_MODULE_LINK_FAILURE for an import never linked; nil when `referrer`
  /// is not a vm module (fe's own loader resolves it).
  func resolve(_ specifier: String, referrer: Local, scope s: Scope) -> Local?? {
    guard let m = find(referrer, scope: s)?.module else { return nil }
    guard let target = m.links[specifier] else {
      let e = s.error("request for '\(specifier)' is not in cache")
      s.set(e, "code", s.string("ERR_VM_MODULE_LINK_FAILURE"))
      s.throwValue(e)
      return .some(nil)
    }
    return .some(target.module.get(s))
  }
}

enum VmModuleOps {
  static let all: [Op] = [
    // (source, identifier, lineOffset, columnOffset, hostId, cachedData | undefined, decorate?)
    //   → [id, cacheRejected]; a SyntaxError goes to decorate(error, arrow) first (`node -c`)
    Op("op_vm_module_compile") { rt, call in
      let s = call.scope
      do {
        let (m, rejected) = try s.vmModule(
          call.string(0), name: call.string(1), lineOffset: call.int(2), columnOffset: call.int(3),
          vmHost: call.int(4), cache: call.isNullish(5) ? nil : call.bytes(5))
        let id = add(VmModule(m, scope: s), rt: rt)
        call.returns(s.list([s.number(Double(id)), s.bool(rejected)]))
      } catch is JSError {
        let e = s.lastException
        ErrorArrow.decorate(s, e, with: call.arg(6))
        call.throwing(e)  // V8's SyntaxError
      } catch {
        rethrow(call, error)
      }
    },
    // (identifier, exportNames[], steps) → id; evaluating the module calls steps()
    Op("op_vm_module_synthetic") { rt, call in
      let s = call.scope
      let m = s.vmSyntheticModule(name: call.string(0), exportNames: call.arg(1), steps: call.arg(2))
      call.returns(Double(add(VmModule(m, scope: s), rt: rt)))
    },
    // (id) → the static import specifiers, in source order
    Op("op_vm_module_requests") { rt, call in
      guard let m = module(rt, call) else { return }
      call.returns(call.scope.list(call.scope.moduleRequests(m.module.get(call.scope)).map(call.scope.string)))
    },
    // (id) → each static import's assertions (objects), in the same order
    Op("op_vm_module_request_assertions") { rt, call in
      guard let m = module(rt, call) else { return }
      call.returns(call.scope.moduleRequestAssertions(m.module.get(call.scope)))
    },
    // (id, specifiers[], ids[]): what each import of the module resolves to
    Op("op_vm_module_link") { rt, call in
      guard let m = module(rt, call) else { return }
      let s = call.scope
      let specifiers = s.elements(call.arg(1)).map { s.string($0) }
      let targets = s.elements(call.arg(2)).map { Int(s.number($0)) }
      for (specifier, target) in zip(specifiers, targets) {
        guard let t = rt.resources.get(target, as: VmModule.self) else { continue }
        m.links[specifier] = t
      }
    },
    // (id, global | undefined) → undefined; throws what instantiation throws
    Op("op_vm_module_instantiate") { rt, call in
      guard let m = module(rt, call) else { return }
      let s = call.scope
      do { try s.vmInstantiate(m.module.get(s), in: call.isNullish(1) ? nil : call.arg(1)) } catch { rethrow(call, error) }
    },
    // (id, global | undefined, timeoutMs, timedOut, breakOnSigint, interrupted) → the evaluation's
    // promise, or `timedOut` / `interrupted` when the watchdog or a SIGINT ended it
    Op("op_vm_module_evaluate") { rt, call in
      guard let m = module(rt, call) else { return }
      let s = call.scope
      let global = call.isNullish(1) ? nil : call.arg(1)
      let timeout = call.number(2)
      let dog = timeout > 0 ? Watchdog(seconds: timeout / 1000, runtime: rt) : nil
      let run = { s.vmEvaluate(m.module.get(s), in: global) }
      let (outcome, interrupted) = call.bool(4) ? SignalWatcher.shared.breakingOnSigint(rt, run) : (run(), false)
      let timedOut = dog?.cancel() ?? false
      if timedOut || interrupted {
        rt.isolate.cancelTermination()
        if case .terminated = outcome { return call.returns(call.arg(interrupted ? 5 : 3)) }
      }
      switch outcome {
      case .value(let v): call.returns(v)
      case .threw(let e): call.throwing(e)
      case .terminated: break
      }
    },
    // (id) → [status, namespace | undefined, exception | undefined] (V8's Module::Status numbers)
    Op("op_vm_module_state") { rt, call in
      guard let m = module(rt, call) else { return }
      let s = call.scope
      let local = m.module.get(s)
      let status = s.moduleStatus(local)
      let namespace = status.rawValue >= Scope.ModuleStatus.instantiated.rawValue ? s.moduleNamespace(local) : s.undefined
      let error = status == .errored ? s.moduleException(local) : s.undefined
      call.returns(s.list([s.number(Double(status.rawValue)), namespace, error]))
    },
    // (id, name, value): a synthetic module's export
    Op("op_vm_module_set_export") { rt, call in
      guard let m = module(rt, call) else { return }
      do {
        try call.scope.vmSetExport(m.module.get(call.scope), name: call.arg(1), value: call.arg(2))
      } catch {
        rethrow(call, error)
      }
    },
    // (id) → V8's code cache of the module's source as bytes
    Op("op_vm_module_code_cache") { rt, call in
      guard let m = module(rt, call) else { return }
      call.returns(call.scope.moduleCodeCacheBytes(m.module.get(call.scope)))
    },
    // (id): JS dropped its ModuleWrap (a FinalizationRegistry); links from other modules keep
    // the module itself alive as long as they need it.
    Op("op_vm_module_release") { rt, call in
      guard let m = rt.resources.take(call.int(0), as: VmModule.self) else { return }
      rt.vmModules.remove(id: call.int(0), hash: m.hash)
    },
  ]

  private static func add(_ m: VmModule, rt: Runtime) -> Int {
    let id = rt.resources.add(m)
    rt.vmModules.add(m, id: id)
    return id
  }

  /// What V8 threw goes on to the caller as it was thrown; a termination goes on by itself.
  private static func rethrow(_ call: OpCall, _ error: Error) {
    if error is JSError { call.throwing(call.scope.lastException) }
  }

  private static func module(_ rt: Runtime, _ call: OpCall) -> VmModule? {
    if let m = rt.resources.get(call.int(0), as: VmModule.self) { return m }
    call.throwing(call.scope.error("vm: no such module"))
    return nil
  }
}

extension Scope {
  fileprivate func moduleCodeCacheBytes(_ m: Local) -> Local {
    vmModuleCodeCache(m).map { bytes($0) } ?? undefined
  }
  fileprivate func list(_ items: [Local]) -> Local {
    let arr = array(items.count)
    for (i, item) in items.enumerated() { set(arr, i, item) }
    return arr
  }
  fileprivate func elements(_ arr: Local) -> [Local] {
    (0..<length(arr)).compactMap { element(arr, $0) }
  }
}
