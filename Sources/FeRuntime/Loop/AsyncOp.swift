import FeEngine

/// What an op's work produced, as plain Swift data (work may run off the JS thread, so it
/// cannot make V8 values; the loop thread converts it).
enum OpResult {
  case undefined
  case value(JSValue)
  case bytes([UInt8])
  /// A Float64Array: fixed records like stat results, without allocating a JS Number each.
  case numbers([Double])
  /// Node-style error info (`Runtime.errorInfo`): JS turns it into an Error with code/syscall/path.
  case failure(JSValue)

  static func fail(_ errno: Int32, syscall: String, path: String? = nil, dest: String? = nil) -> OpResult {
    .failure(Runtime.errorInfo(errno, syscall: syscall, path: path, dest: dest))
  }

  func local(_ s: Scope) -> Local {
    switch self {
    case .undefined: return s.undefined
    case .value(let v), .failure(let v): return s.make(v)
    case .bytes(let b): return s.bytes(b)
    case .numbers(let n): return s.float64Array(n)
    }
  }

  var isFailure: Bool {
    if case .failure = self { return true }
    return false
  }
}

extension Op {
  /// Two ops from one piece of work: `name` runs it now and returns the result (failures as
  /// error info for JS to throw); `name_async` takes a promise id first, runs the work on the
  /// worker pool and settles the promise from the loop. `parse` reads the op's arguments
  /// (starting at `offset`) into Swift values on the JS thread.
  static func dual(_ name: String, needs: Permissions = [], _ parse: @escaping (OpCall, Int) -> () -> OpResult) -> [Op] {
    [
      Op(name, needs: needs) { _, call in
        call.returns(parse(call, 0)().local(call.scope))
      },
      Op(name + "_async", needs: needs) { rt, call in
        let id = call.number(0)
        let work = parse(call, 1)
        rt.loop.retain()
        WorkerPool.shared.submit {
          let result = work()
          rt.loop.post { s in
            try s.callCore(.settle, [s.number(id), s.bool(!result.isFailure), result.local(s)])
          }
        }
      },
    ]
  }
}
