import FeEngine

/// node:inspector's ops (JS/46-inspector.js): in-process sessions over V8's inspector, the
/// console's bridge to it, and the WebSocket server that `open()` and `--inspect` start.
enum InspectorOps {
  static let all: [Op] = [
    // (onMessage) → the session's id; onMessage(json) gets its responses and notifications.
    Op("op_inspector_connect") { _, call in
      guard let id = call.scope.inspectorConnect(onMessage: call.arg(0)) else {
        return call.throwing(call.scope.typeError("The \"callback\" argument must be of type function"))
      }
      call.returns(Double(id))
    },
    // (session, json) → whether the session exists
    Op("op_inspector_dispatch") { _, call in
      call.returns(call.scope.inspectorDispatch(session: Int32(call.int(0)), message: call.arg(1)))
    },
    Op("op_inspector_disconnect") { _, call in call.scope.inspectorDisconnect(session: Int32(call.int(0))) },
    // (vmMethod, feMethod, ...args) → feMethod(...args), after vmMethod(...args) (V8's console
    // method, which reports to the inspector) while the inspector is active. A native function, so
    // the caller's frame stays on top of the stack trace the inspector reports (Node's consoleCall).
    Op("op_inspector_console_call") { rt, call in
      let s = call.scope
      let args = (2..<max(2, call.count)).map { call.arg($0) }
      rt.isolate.inspectorConsoleCall { _ = try? s.call(call.arg(0), args) }
      do {
        call.returns(try s.call(call.arg(1), args))
      } catch is JSTerminated {
      } catch {
        if let e = rt.isolate.takeLastThrown(s) { call.throwing(e) }
      }
    },
    // (global, name, origin): a vm context, for the inspector's sessions
    Op("op_inspector_context_created") { _, call in
      call.scope.inspectorContextCreated(global: call.arg(0), name: call.string(1), origin: call.string(2))
    },
    // () → the server's ws:// URL, or undefined when none listens
    Op("op_inspector_url") { rt, call in
      if let url = rt.inspectorServer?.webSocketURL { call.returns(url) }
    },
    // (port (-1: the default or --inspect-port's), host ('' likewise)) → starts the server
    Op("op_inspector_open", needs: .net) { rt, call in
      let port = call.int(0)
      let host = call.string(1)
      do {
        try rt.openInspector(host: host.isEmpty ? nil : host, port: port < 0 ? nil : port)
      } catch let error as InspectorServer.StartError {
        call.throwing(call.scope.error(error.message))
      } catch {
        call.throwing(call.scope.error("\(error)"))
      }
    },
    Op("op_inspector_close") { rt, _ in rt.closeInspector() },
    // (what 0 scheduled / 1 started / 2 finished / 3 canceled, asyncId, type, recurring) →
    // Node's inspector.asyncTask*, for async stack traces across callbacks
    Op("op_inspector_async_task") { rt, call in
      rt.isolate.inspectorAsyncTask(
        Int32(call.int(0)), id: call.number(1), name: call.count > 2 ? call.string(2) : "",
        recurring: call.count > 3 ? call.bool(3) : true)
    },
    // () → the process exits (process.reallyExit): a debugger still attached sees the context
    // go, and the exit waits for it to disconnect (Node's Agent::WaitForDisconnect)
    Op("op_inspector_at_exit") { rt, _ in rt.inspectorAtExit() },
    // (fn, thisArg, ...args) → fn's result, every session pausing at its first statement
    Op("op_inspector_call_and_pause_on_start") { rt, call in
      let s = call.scope
      rt.isolate.inspectorPauseOnNextStatement()
      do {
        call.returns(try s.call(call.arg(0), this: call.arg(1), (2..<max(2, call.count)).map { call.arg($0) }))
      } catch is JSTerminated {
      } catch {
        if let e = rt.isolate.takeLastThrown(s) { call.throwing(e) }
      }
    },
    // () → process.debugPort: the listening server's port, else where the next one listens
    Op("op_inspector_port") { rt, call in
      call.returns(Double(rt.inspectorServer?.port ?? rt.inspectorPort))
    },
    Op("op_inspector_set_port") { rt, call in rt.inspectorPort = call.int(0) },
    // () → false when no server listens; else blocks until a client runs the program
    Op("op_inspector_wait") { rt, call in
      guard rt.inspectorServer != nil else { return call.returns(false) }
      call.returns(rt.isolate.inspectorWaitForDebugger())
    },
  ]
}
