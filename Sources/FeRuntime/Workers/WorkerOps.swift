import FeBasics
import FeEngine

/// Ops for MessagePort, MessageChannel and Worker (JS/39-worker_threads.js). Ports are ids in
/// the process-wide PortRegistry; events reach JS through the function given to
/// op_messaging_init (Messaging.Kind).
enum WorkerOps {
  static let all: [Op] = [
    // (onEvent) → the runtime's facts: [threadId is set by workerMain; nothing to return]
    Op("op_messaging_init") { rt, call in rt.messaging.setHandler(call.arg(0), scope: call.scope) },
    // () → [id, id]: a new entangled pair held by this runtime
    Op("op_port_channel") { rt, call in
      let (a, b) = PortRegistry.shared.channel(owner: rt.messaging)
      call.returns(.array([.number(Double(a)), .number(Double(b))]))
    },
    // (id, ser, [port ids]) → whether the message was queued (false: the channel is closed).
    // The ports leave this runtime with the message.
    Op("op_port_post") { _, call in
      let s = call.scope
      let ser = call.arg(1)
      guard s.isSerializer(ser), let data = s.releaseMessage(ser) else {
        return call.throwing(s.typeError("Illegal invocation"))
      }
      call.returns(PortRegistry.shared.post(from: call.int(0), PortMessage(data: data, ports: portIDs(call, 2))))
    },
    // (id) → [handle, [port ids]] of the next queued message, or undefined: from any thread state,
    // even while the owner's loop is blocked (receiveMessageOnPort)
    Op("op_port_receive") { rt, call in
      guard let m = PortRegistry.shared.receive(call.int(0)) else { return }
      let handle = rt.messaging.keep(m.data)
      call.returns(.array([.number(Double(handle)), .array(m.ports.map { .number(Double($0)) })]))
    },
    // (id): the port now belongs to this runtime (it arrived in a message)
    Op("op_port_attach") { rt, call in PortRegistry.shared.attach(call.int(0), to: rt.messaging) },
    // (id, started | undefined, refed | undefined)
    Op("op_port_set") { _, call in
      PortRegistry.shared.set(
        call.int(0), started: call.isNullish(1) ? nil : call.bool(1), refed: call.isNullish(2) ? nil : call.bool(2))
    },
    Op("op_port_close") { _, call in PortRegistry.shared.close(call.int(0)) },
    // (name) → a BroadcastChannel end in that group
    Op("op_broadcast_join") { rt, call in call.returns(Double(PortRegistry.shared.join(call.string(0), owner: rt.messaging))) },
    // (id, name, ser): every other channel of that name, in any thread, gets a copy
    Op("op_broadcast_post") { _, call in
      let s = call.scope
      guard s.isSerializer(call.arg(2)), let data = s.releaseMessage(call.arg(2)) else {
        return call.throwing(s.typeError("Illegal invocation"))
      }
      PortRegistry.shared.broadcast(from: call.int(0), name: call.string(1), data)
    },
    Op("op_broadcast_leave") { _, call in PortRegistry.shared.leave(call.int(0), name: call.string(1)) },
    Op("op_port_entangled") { _, call in call.returns(PortRegistry.shared.isEntangled(call.int(0))) },
    // (options, workerDataSer | null, environmentDataSer | null) → the worker's threadId.
    // options: { filename, isEval, argv[], execArgv[], env{}, name, port, limits[young, old,
    // code, stack] }
    Op("op_worker_start", needs: .run) { rt, call in
      let s = call.scope
      let o = call.arg(0)
      func str(_ k: String) -> String { s.get(o, k).map { s.string($0) } ?? "" }
      func strings(_ k: String) -> [String] {
        guard let a = s.get(o, k), s.type(a) == .array else { return [] }
        return (0..<s.length(a)).compactMap { s.element(a, $0).map { s.string($0) } }
      }
      var env: [String: String] = [:]
      if let e = s.get(o, "env"), s.type(e) == .object {
        for k in s.keys(e) { env[k] = s.get(e, k).map { s.string($0) } }
      }
      let limits = s.get(o, "limits").map { l in (0..<4).map { s.element(l, $0).map { s.number($0) } ?? 0 } } ?? [0, 0, 0, 4]
      func message(_ i: Int) -> SerializedMessage? {
        s.isSerializer(call.arg(i)) ? s.releaseMessage(call.arg(i)) : nil
      }
      let port = Int(s.get(o, "port").map { s.number($0) } ?? 0)
      let dataPorts = s.get(o, "dataPorts").map { a in (0..<s.length(a)).compactMap { s.element(a, $0).map { Int(s.number($0)) } } } ?? []
      for id in [port] + dataPorts { PortRegistry.shared.detach(id) }
      var config = WorkerThread.Config(
        filename: str("filename"), isEval: s.get(o, "isEval").map { s.bool($0) } ?? false, argv: strings("argv"),
        execArgv: strings("execArgv"), env: env, execPath: str("execPath"), name: str("name"), port: port,
        workerData: message(1), environmentData: message(2), maxOldGenerationMb: limits[1], maxYoungGenerationMb: limits[0],
        codeRangeMb: limits[2], stackMb: limits[3] > 0 ? limits[3] : 4, permissions: rt.permissions, snapshot: rt.bootSnapshot)
      config.dataPorts = dataPorts
      let worker = WorkerThread(config: config, parent: rt.messaging)
      guard worker.start() else {
        let e = s.error("could not start a thread for the worker")
        _ = s.set(e, "code", s.string("ERR_WORKER_INIT_FAILED"))
        return call.throwing(e)
      }
      rt.messaging.workers[worker.threadId] = worker
      call.returns(Double(worker.threadId))
    },
    Op("op_worker_terminate") { rt, call in rt.messaging.workers[call.int(0)]?.terminate() },
    Op("op_worker_ref") { rt, call in rt.messaging.workers[call.int(0)]?.setRefed(call.bool(1)) },
  ]

  private static func portIDs(_ call: OpCall, _ i: Int) -> [Int] {
    let s = call.scope
    let a = call.arg(i)
    guard s.type(a) == .array else { return [] }
    return (0..<s.length(a)).compactMap { s.element(a, $0).map { Int(s.number($0)) } }
  }
}

extension Runtime {
  /// Runs the loop to the end of a program that was started by other means (a worker's `eval`
  /// code) and returns its exit code, as `runMainModule` does for a file.
  func finishMain() throws -> Int32 {
    let promise = try isolate.scope { s in Persistent(try s.callCore(.exitCodePromise), in: s) }
    return try finish(promise)
  }
}
