import CFeV8

/// Where a native inspector session's messages go, and how the debugger's pause waits for its
/// clients (a WebSocket server: FeRuntime's Inspector/). Called on the isolate's thread.
public protocol InspectorTransport: AnyObject {
  /// A protocol message (UTF-8 JSON) for native session `session`.
  func send(session: Int32, json: UnsafeRawBufferPointer)
  /// Paused, or waiting for a debugger: block until a client sends something, hand it to
  /// `Isolate.inspectorDispatch` and return true; false when nothing can come any more.
  func waitAndDispatch(_ isolate: Isolate) -> Bool
}

/// V8's inspector for this isolate (Shim/src/inspector.cc): sessions that speak the DevTools
/// protocol as JSON strings. Everything here runs on the isolate's thread, inside a scope.
extension Isolate {
  /// Sets (or with nil removes) the transport of native sessions; while one is set, the
  /// console reaches the inspector.
  public func setInspectorTransport(_ transport: InspectorTransport?) {
    inspectorTransport = transport
    var host = fe_inspector_host()
    if let transport {
      host.ctx = Unmanaged.passUnretained(transport as AnyObject).toOpaque()
      host.send = { ctx, session, json, len in
        guard let ctx, let json else { return }
        let transport = Unmanaged<AnyObject>.fromOpaque(ctx).takeUnretainedValue() as? InspectorTransport
        transport?.send(session: session, json: UnsafeRawBufferPointer(start: json, count: len))
      }
      host.wait = { ctx, rt in
        guard let ctx, let rt else { return false }
        let transport = Unmanaged<AnyObject>.fromOpaque(ctx).takeUnretainedValue() as? InspectorTransport
        return transport?.waitAndDispatch(Isolate.from(fe_rt_host(rt))) ?? false
      }
    }
    fe_inspector_set_host(rt, &host)
  }

  /// Makes the inspector now (a launch, before the program's code is compiled): scripts compiled
  /// before it exists are not reported to its sessions.
  /// `title` names the main context as Node's: "<title>[<pid>]".
  public func startInspector(title: String) { fe_inspector_start(rt, title) }

  /// A session whose messages go to the transport; its id.
  public func inspectorConnectNative() -> Int32 { fe_inspector_connect(rt, nil) }

  /// Hands native session `session` a message from its client. false: no such session.
  @discardableResult
  public func inspectorDispatch(session: Int32, json: [UInt8]) -> Bool {
    json.withUnsafeBufferPointer { p in
      p.withMemoryRebound(to: CChar.self) { fe_inspector_dispatch_utf8(rt, session, $0.baseAddress, $0.count) }
    }
  }

  public func inspectorDisconnect(session: Int32) { fe_inspector_disconnect(rt, session) }

  /// Runs `body` (V8's console method) when a console call should reach the inspector: a
  /// session is connected or a server listens, and no such call is running already.
  public func inspectorConsoleCall(_ body: () -> Void) {
    guard fe_inspector_console_enter(rt) else { return }
    defer { fe_inspector_console_leave(rt) }
    body()
  }

  public var inspectorSessionCount: Int { Int(fe_inspector_session_count(rt)) }

  /// Blocks until a client sent Runtime.runIfWaitingForDebugger; false if no client could.
  public func inspectorWaitForDebugger() -> Bool { fe_inspector_wait_for_debugger(rt) }

  /// Every session pauses at the next JS statement (--inspect-brk's "Break on start").
  public func inspectorPauseOnNextStatement() { fe_inspector_pause_on_next_statement(rt) }

  /// Tells the inspector the main context is gone (the program ended).
  public func inspectorMainContextDestroyed() { fe_inspector_main_context_destroyed(rt) }

  /// An async task for the debugger's async stack traces: 0 scheduled (with its type name), 1
  /// started, 2 finished, 3 canceled; `id` is the async_hooks id.
  public func inspectorAsyncTask(_ what: Int32, id: Double, name: String = "", recurring: Bool = true) {
    fe_inspector_async_task(rt, what, id, name, recurring)
  }

  /// Inside the debugger's pause (a message loop of its own, not the event loop's).
  public var inspectorPaused: Bool { fe_inspector_paused(rt) }

  /// Runs `body` on the isolate's thread at its next interrupt check, while JS runs. Thread-safe.
  public func requestInterrupt(_ body: @escaping () -> Void) {
    let box = Unmanaged.passRetained(InterruptBox(body)).toOpaque()
    fe_rt_request_interrupt(rt, { raw in
      guard let raw else { return }
      Unmanaged<InterruptBox>.fromOpaque(raw).takeRetainedValue().body()
    }, box)
  }
}

private final class InterruptBox {
  let body: () -> Void
  init(_ body: @escaping () -> Void) { self.body = body }
}

extension Scope {
  /// An in-process session (node:inspector's Session): `onMessage(json)` gets every response and
  /// notification, synchronously. nil when onMessage is not a function.
  public func inspectorConnect(onMessage: Local) -> Int32? {
    let id = fe_inspector_connect(rt, onMessage.raw)
    return id > 0 ? id : nil
  }

  @discardableResult
  public func inspectorDispatch(session: Int32, message: Local) -> Bool {
    fe_inspector_dispatch(rt, session, message.raw)
  }

  public func inspectorDisconnect(session: Int32) { fe_inspector_disconnect(rt, session) }

  /// Reports the vm context whose global this is (its name and origin as Node's vm gives them).
  public func inspectorContextCreated(global: Local, name: String, origin: String) {
    _ = fe_inspector_context_created(rt, global.raw, name, origin)
  }
}
