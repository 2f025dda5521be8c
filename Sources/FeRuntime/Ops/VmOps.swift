import FeEngine

/// Ops for the vm module (JS/vm.js) and util.types. A vm context is identified by its global
/// object: the context lives as long as JavaScript can reach that object, so there is no table to
/// clean up.
enum VmOps {
  static let all: [Op] = [
    // (sandbox) → the global of a new context whose properties are the sandbox's
    Op("op_vm_context_new") { _, call in
      guard let global = call.scope.newContext(sandbox: call.arg(0)) else {
        return call.throwing(call.scope.error("could not create a vm context"))
      }
      call.returns(global)
    },
    // (detailed, eager) → the promise of V8's memory measurement
    Op("op_vm_measure_memory") { _, call in
      guard let p = call.scope.measureMemory(detailed: call.bool(0), eager: call.bool(1)) else { return }
      call.returns(p)
    },
    // (global, strings, wasm): the context's codeGeneration option
    Op("op_vm_context_code_generation") { _, call in
      call.scope.setCodeGeneration(call.arg(0), strings: call.bool(1), wasm: call.bool(2))
    },
    // (global | undefined, source, filename, lineOffset, columnOffset, compileOnly, timeoutMs,
    //  timedOut, breakOnSigint, interrupted, decorate, hostId) → the script's completion value,
    //  `timedOut` when it ran out of time, or `interrupted` when a SIGINT ended it. What the script
    //  throws goes first to decorate(error, arrow) when that is a function (Node's displayErrors).
    //  The script's import() calls go to core.vmDynamicImport with hostId.
    Op("op_vm_run") { rt, call in
      let s = call.scope
      let global = call.isNullish(0) ? nil : call.arg(0)
      let timeout = call.number(6)
      let dog = timeout > 0 ? Watchdog(seconds: timeout / 1000, runtime: rt) : nil
      let run = {
        s.run(
          call.string(1), name: call.string(2), in: global, lineOffset: call.int(3),
          columnOffset: call.int(4), vmHost: call.int(11), compileOnly: call.bool(5))
      }
      let (outcome, interrupted) = call.bool(8) ? SignalWatcher.shared.breakingOnSigint(rt, run) : (run(), false)
      let timedOut = dog?.cancel() ?? false
      if timedOut || interrupted {
        // Our watchdog stopped the script (or fired just as it finished): only this run ends.
        rt.isolate.cancelTermination()
        if case .terminated = outcome { return call.returns(call.arg(interrupted ? 9 : 7)) }
      }
      if case .threw(let e) = outcome {
        ErrorArrow.decorate(s, e, with: call.arg(10), lineOffset: call.int(3), columnOffset: call.int(4))
      }
      finish(call, outcome)
    },
    // (global | undefined, source, filename, lineOffset, columnOffset, params[], extensions[], hostId)
    //   → function
    Op("op_vm_compile_function") { _, call in
      let global = call.isNullish(0) ? nil : call.arg(0)
      finish(
        call,
        call.scope.compileFunction(
          call.string(1), name: call.string(2), in: global, lineOffset: call.int(3),
          columnOffset: call.int(4), vmHost: call.int(7), params: call.arg(5), extensions: call.arg(6)))
    },
    // (source, filename) → V8's code cache of the script as bytes
    Op("op_vm_code_cache") { _, call in
      // A source that does not compile leaves V8's SyntaxError pending for the caller.
      guard let bytes = call.scope.codeCache(call.string(0), name: call.string(1)) else { return }
      call.returns(call.scope.bytes(bytes))
    },
    // (value, kind) → whether V8 sees the value as that kind (fe_kind in fe_v8.h)
    Op("op_value_is") { _, call in
      call.returns(call.scope.valueIs(call.arg(0), kind: UInt32(truncatingIfNeeded: call.int(1))))
    },
    // (value) → V8's class name of an object (Node's getConstructorName)
    Op("op_constructor_name") { _, call in call.returns(call.scope.constructorName(call.arg(0))) },
    // (value, full) → a proxy's [target, handler] (full) or target; undefined for a non-proxy.
    // Nothing of the proxy's handler runs (Node's getProxyDetails).
    Op("op_proxy_details") { _, call in
      let s = call.scope
      guard let (target, handler) = s.proxyDetails(call.arg(0)) else { return }
      guard call.bool(1) else { return call.returns(target) }
      let pair = s.array(2)
      s.set(pair, 0, target)
      s.set(pair, 1, handler)
      call.returns(pair)
    },
    // (id) → an External holding `id`: an opaque handle, as Node's wraps hand out (_externalStream)
    Op("op_external_new") { _, call in call.returns(call.scope.external(UInt(max(0, call.int(0))))) },
    // (value) → what an External holds, as a number; undefined for any other value
    Op("op_external_value") { _, call in
      guard let address = call.scope.externalAddress(call.arg(0)) else { return }
      call.returns(Double(address))
    },
    // (view) → whether a typed array or DataView has its ArrayBuffer yet
    Op("op_view_has_buffer") { _, call in call.returns(.bool(call.scope.viewHasBuffer(call.arg(0)))) },
    // (error) → where V8 says the error was made, as Node's arrow (the source line and carets);
    // undefined when it knows no line
    Op("op_error_source") { _, call in
      guard let at = call.scope.errorLocation(call.arg(0)), let arrow = ErrorArrow.text(at) else { return }
      call.returns(call.scope.string(arrow))
    },
    // (value, pair) → a Map/Set iterator's remaining entries or a weak collection's (flat key,
    // value pairs where it has them); pair: [entries, isKeyValue]. Undefined for other values.
    Op("op_preview_entries") { _, call in
      let s = call.scope
      guard let (entries, keyValue) = s.previewEntries(call.arg(0)) else { return }
      guard call.bool(1) else { return call.returns(entries) }
      let pair = s.array(2)
      s.set(pair, 0, entries)
      s.set(pair, 1, s.bool(keyValue))
      call.returns(pair)
    },
    // (name) → the isolate's private symbol of that name (Node's privateSymbols)
    Op("op_private_symbol") { _, call in call.returns(call.scope.privateSymbol(call.string(0))) },
  ]

  /// Returns the value, rethrows what the code threw, or lets a termination go on.
  private static func finish(_ call: OpCall, _ outcome: Scope.Outcome) {
    switch outcome {
    case .value(let v): call.returns(v)
    case .threw(let e): call.throwing(e)
    case .terminated: break
    }
  }
}
