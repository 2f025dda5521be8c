import FeEngine
import FeNet

/// Ops for fetch (JS/fetch.js). A request runs on the network thread (NetworkThread.swift) and
/// reports through `core.onFetch(id, kind, payload)` (kinds in FetchTransfer.swift). A pending
/// fetch keeps the loop alive until its last event, or until it is cancelled. A transfer is a
/// resource of the runtime from start until its last event is delivered or it is cancelled.
enum FetchOps {
  static let all: [Op] = [
    Op("op_fetch_start", needs: .net) { rt, call in
      // (method, url, [name, value, …], body bytes or null, redirect mode, [env name, value, …]
      // for ProxyRule.variables, NODE_EXTRA_CA_CERTS or null) → transfer id
      let s = call.scope
      func strings(_ v: JSValue) -> [String] {
        if case .array(let items) = v { return items.map { $0.stringValue ?? "" } }
        return []
      }
      let flat = strings(s.toSwift(call.arg(2)))
      let headers = stride(from: 0, to: flat.count - 1, by: 2).map { (name: flat[$0], value: flat[$0 + 1]) }
      let envFlat = strings(s.toSwift(call.arg(5)))
      var env: [String: String] = [:]
      for i in stride(from: 0, to: envFlat.count - 1, by: 2) { env[envFlat[i]] = envFlat[i + 1] }
      let request = HTTPRequest(
        method: call.string(0), url: call.string(1), headers: headers,
        body: call.isNullish(3) ? nil : call.bytes(3),
        redirect: HTTPRequest.Redirect(rawValue: call.string(4)) ?? .follow,
        proxy: ProxyRule(env: env),
        extraCAFile: call.isNullish(6) ? nil : call.string(6))
      let transfer = FetchTransfer(request: request, loop: rt.loop, resources: rt.resources)
      NetworkThread.shared.submit(.start(transfer))
      call.returns(Double(transfer.id))
    },
    Op("op_fetch_ack", needs: .net) { rt, call in
      // (id, body bytes read so far): resumes a transfer paused for a reader to catch up
      guard let transfer = rt.resources.get(call.int(0), as: FetchTransfer.self) else { return }
      if transfer.ack(call.int(1)) { NetworkThread.shared.submit(.resume(transfer)) }
    },
    Op("op_fetch_cancel", needs: .net) { rt, call in
      // (id): aborted or body cancelled; no more events come for it
      guard let transfer = rt.resources.take(call.int(0), as: FetchTransfer.self) else { return }
      transfer.cancel()
      NetworkThread.shared.submit(.cancel(transfer))
    },
  ]
}
