import CFeV8

/// What V8 knows about a value that JavaScript cannot ask without running user code (the shim's
/// introspection.cc): Node's util binding and util.inspect are built on these.
extension Scope {
  /// V8's class name of an object, from its map (Object::GetConstructorName).
  public func constructorName(_ v: Local) -> Local { Local(fe_constructor_name(rt, v.raw)) }

  /// A proxy's target and handler (each null once revoked), or nil for any other value.
  public func proxyDetails(_ v: Local) -> (target: Local, handler: Local)? {
    var target: fe_val?
    var handler: fe_val?
    guard fe_proxy_details(rt, v.raw, &target, &handler), let target, let handler else { return nil }
    return (Local(target), Local(handler))
  }

  /// An External holding `address` (Node hands these out as opaque handles).
  public func external(_ address: UInt) -> Local { Local(fe_external_new(rt, UnsafeMutableRawPointer(bitPattern: address))) }

  /// The address an External holds, or nil for any other value.
  public func externalAddress(_ v: Local) -> UInt? {
    var out: UInt = 0
    return fe_external_value(rt, v.raw, &out) ? out : nil
  }

  /// The isolate's private symbol named `name`, as a value JavaScript can use as a key.
  public func privateSymbol(_ name: String) -> Local { Local(fe_private_symbol(rt, name)) }

  /// Whether a typed array or DataView has its ArrayBuffer yet (small ones live on V8's heap
  /// until `.buffer` is read).
  public func viewHasBuffer(_ v: Local) -> Bool { fe_view_has_buffer(rt, v.raw) }

  /// A Map/Set iterator's remaining entries (not advancing it) or a WeakMap's/WeakSet's, as an
  /// array (flat key, value pairs when `keyValue`); nil for any other value.
  public func previewEntries(_ v: Local) -> (entries: Local, keyValue: Bool)? {
    var keyValue = false
    guard let entries = fe_preview_entries(rt, v.raw, &keyValue) else { return nil }
    return (Local(entries), keyValue)
  }

  /// Where V8 would say `error` was thrown had it gone uncaught (as `exceptionLocation()` for
  /// the exception just caught): its own errors' throw site, else where the error was made.
  public func errorLocation(_ error: Local) -> (file: String?, line: Int, column: Int, endColumn: Int, sourceLine: String?)? {
    var file: fe_val?
    var line: Int32 = 0
    var column: Int32 = 0
    var end: Int32 = 0
    var source: fe_val?
    guard fe_error_location(rt, error.raw, &file, &line, &column, &end, &source) else { return nil }
    return (
      file.map { string(Local($0)) }, Int(line), Int(column), Int(end),
      source.flatMap { type(Local($0)) == .string ? string(Local($0)) : nil }
    )
  }
}
