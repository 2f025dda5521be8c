import FeBasics
import FeEngine

#if canImport(Glibc)
  import Glibc
#endif

/// The runtime's inspector server: started by `--inspect`/`--inspect-brk` at launch or by
/// `inspector.open()`, reported on stderr in Node's words.
extension Runtime {
  /// Starts the server (once): `host`/`port` as given, else `--inspect-port`'s, else Node's
  /// 127.0.0.1:9229.
  func openInspector(host: String?, port: Int?) throws {
    if inspectorServer != nil { return }
    let options = NodeOptions.current ?? NodeOptions()
    let script = (try? isolate.scope { s -> String in
      guard let process = s.get(s.global, "process"), let argv = s.get(process, "argv"), s.type(argv) == .array,
        let first = s.element(argv, 1), s.type(first) == .string
      else { return "" }
      return s.string(first)
    }) ?? ""
    let server = try InspectorServer(
      host: host ?? options.inspectHost, port: port ?? inspectorPort, title: script.isEmpty ? "fe" : script,
      scriptURL: script.hasPrefix("/") ? "file://" + script : script, isolate: isolate, loop: loop)
    server.onAttach = { Runtime.writeStderr("Debugger attached.\n") }
    inspectorPort = server.port
    isolate.setInspectorTransport(server)
    inspectorServer = server
    Runtime.writeStderr("Debugger listening on \(server.webSocketURL)\nFor help, see: https://nodejs.org/en/docs/inspector\n")
  }

  /// inspector.close(): clients are dropped and the port is freed.
  func closeInspector() {
    guard let server = inspectorServer else { return }
    server.stop()
    isolate.setInspectorTransport(nil)
    inspectorServer = nil
  }

  /// `--inspect`/`--inspect-brk` at launch: the server, and for -brk a wait for a client to run
  /// the program (the pause on its first line is `op_inspector_call_and_pause_on_start`'s).
  /// Every launch makes the inspector before the program is compiled, as Node has it from the
  /// start, so that its scripts are reported to a session opened later.
  public func startInspectorAtLaunch() throws {
    let title = (try? isolate.scope { s -> String in
      guard let process = s.get(s.global, "process"), let argv0 = s.get(process, "argv0"), s.type(argv0) == .string
      else { return "node" }
      return s.string(argv0)
    }) ?? "node"
    isolate.startInspector(title: title)
    guard let options = NodeOptions.current, options.inspect else { return }
    do {
      try openInspector(host: nil, port: nil)
    } catch let error as InspectorServer.StartError {
      Runtime.writeStderr(error.message + "\n")
      return
    }
    if options.inspectBrk { _ = isolate.inspectorWaitForDebugger() }
  }

  /// The program ended: as Node, clients still attached see the main context go and the process
  /// waits for them to disconnect.
  func inspectorAtExit() {
    guard let server = inspectorServer else { return }
    server.drain()
    guard server.hasSessions else { return }
    _ = try? isolate.scope { _ in isolate.inspectorMainContextDestroyed() }
    Runtime.writeStderr("Waiting for the debugger to disconnect...\n")
    _ = try? isolate.scope { _ in server.waitForDisconnect() }
  }

  static func writeStderr(_ text: String) {
    var text = text
    text.withUTF8 { CoreOps.writeAll(2, UnsafeRawBufferPointer($0)) }
  }
}
