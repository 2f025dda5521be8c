import CFeV8

/// V8's promise hooks on the runtime's context (Shim/src/promise_hooks.cc): what lets
/// async_hooks and AsyncLocalStorage follow a promise's continuations.
extension Scope {
  /// Sets the four hooks, init(promise, parent), before(promise), after(promise) and
  /// resolve(promise); a value that is not a function clears its hook. Only from an op call.
  public func setPromiseHooks(init initHook: Local, before: Local, after: Local, resolve: Local) {
    fe_rt_set_promise_hooks(rt, initHook.raw, before.raw, after.raw, resolve.raw)
  }
}
