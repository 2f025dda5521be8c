import FeEngine

/// A native function the runtime's JavaScript calls as `ops.<name>`.
struct Op {
  let name: String
  /// What the op needs; a runtime without it throws instead of running the op.
  let needs: Permissions
  let run: (Runtime, OpCall) -> Void

  init(_ name: String, needs: Permissions = [], _ run: @escaping (Runtime, OpCall) -> Void) {
    self.name = name
    self.needs = needs
    self.run = run
  }
}

extension OpCall {
  /// The Node-style failure a sync op returns for JS to throw: `{__feError: [code, text, syscall,
  /// path, dest]}`. Positional, unlike other errors crossing into JS (which carry named fields),
  /// because it is hot: module resolution and `existsSync` fail a stat for every miss. The one
  /// place that reads it is `opError` in JS/00-core.js.
  func fail(_ errno: Int32, syscall: String, path: String? = nil, dest: String? = nil) {
    returns(Runtime.errorInfo(errno, syscall: syscall, path: path, dest: dest))
  }
}
