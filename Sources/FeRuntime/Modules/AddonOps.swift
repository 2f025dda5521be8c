import FeEngine

/// process.dlopen: Node-API addons (FeEngine's Addons, Shim/src/napi/) on this runtime's loop.
enum AddonOps {
  static let all: [Op] = [
    // (module, filename, flags, exports, hooks) -> undefined, or why the addon did not load.
    Op("op_napi_load", needs: [.write, .run, .net]) { rt, call in
      let s = call.scope
      let loop = Addons.Loop(
        post: { keepAlive, body in rt.loop.post(releasing: keepAlive) { _ in body() } },
        ref: { delta in
          for _ in 0..<abs(delta) {
            if delta > 0 { rt.loop.retain() } else { rt.loop.release() }
          }
        })
      let outcome = Addons.load(
        s, path: call.string(1), module: call.arg(0), exports: call.arg(3), hooks: call.arg(4),
        flags: Int32(truncatingIfNeeded: call.int(2)), loop: loop)
      if case .failed(let why) = outcome { call.returns(why) }
    }
  ]
}
