import CFeV8

/// One call of a native op from JavaScript: its arguments and its return value.
public struct OpCall {
  let call: OpaquePointer
  public let scope: Scope

  init(_ call: OpaquePointer) {
    self.call = call
    self.scope = Scope(rt: fe_call_rt(call))
  }

  public var count: Int { Int(fe_call_argc(call)) }
  public func arg(_ i: Int) -> Local { Local(fe_call_arg(call, Int32(i))) }
  public func string(_ i: Int) -> String { scope.string(arg(i)) }
  /// The argument as a NUL-terminated UTF-8 C string, without making a Swift String (hot ops).
  /// The pointer is valid only inside `body`.
  public func withCString<T>(_ i: Int, _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
    var len = 0
    guard let p = fe_val_utf8(scope.rt, arg(i).raw, &len) else { return try body("") }
    return try body(p)
  }
  /// The argument's UTF-8 bytes (any value is converted with ToString), without making a Swift
  /// String: hot ops copy them straight into their own buffers. Valid only inside `body`.
  public func withUTF8<T>(_ i: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
    var len = 0
    guard let p = fe_val_utf8(scope.rt, arg(i).raw, &len) else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeRawBufferPointer(start: p, count: len))
  }
  public func returns(float64: UnsafeBufferPointer<Double>) {
    fe_call_return(call, fe_float64_array_new(scope.rt, float64.baseAddress, float64.count))
  }
  public func number(_ i: Int) -> Double { scope.number(arg(i)) }
  public func int(_ i: Int) -> Int {
    let d = number(i)
    return d.isFinite ? Int(d) : 0
  }
  public func bool(_ i: Int) -> Bool { scope.bool(arg(i)) }
  public func isNullish(_ i: Int) -> Bool {
    let t = scope.type(arg(i))
    return t == .undefined || t == .null
  }
  /// Bytes of a typed array / ArrayBuffer argument (a string is taken as UTF-8).
  public func bytes(_ i: Int) -> [UInt8] {
    let v = arg(i)
    if scope.type(v) == .string { return Array(scope.string(v).utf8) }
    return scope.withBytes(v) { Array($0) }
  }

  public func returns(_ value: Local) { fe_call_return(call, value.raw) }
  public func returns(_ value: JSValue) { returns(scope.make(value)) }
  public func returns(_ s: String) { returns(scope.string(s)) }
  public func returns(_ d: Double) { returns(scope.number(d)) }
  public func returns(_ b: Bool) { returns(scope.bool(b)) }
  public func returns(bytes: UnsafeRawBufferPointer) { returns(scope.bytes(bytes)) }

  /// Throws `value` into the calling JavaScript when the op returns.
  public func throwing(_ value: Local) { scope.throwValue(value) }
}
