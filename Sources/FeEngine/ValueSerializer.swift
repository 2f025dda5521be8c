import CFeV8

#if canImport(Glibc)
  import Glibc
#endif

/// A structured-clone message made in one isolate and read in another (postMessage): V8's bytes
/// plus the memory it carries (transferred ArrayBuffers, SharedArrayBuffers, Wasm modules). One
/// owner; reading it (`Scope.deserializer(hooks:message:)`) consumes it. Any thread may hold it.
public final class SerializedMessage: @unchecked Sendable {
  private var msg: OpaquePointer?
  init(_ msg: OpaquePointer) { self.msg = msg }
  public var byteCount: Int { msg.map { fe_msg_size($0) } ?? 0 }
  /// Another message with the same content (BroadcastChannel's receivers each get one).
  public func copy() -> SerializedMessage? { msg.flatMap { fe_msg_copy($0) }.map(SerializedMessage.init) }
  func take() -> OpaquePointer? {
    defer { msg = nil }
    return msg
  }
  deinit { if let msg { fe_msg_free(msg) } }
}

/// V8's ValueSerializer/ValueDeserializer (`fe_ser_*`/`fe_des_*` in fe_v8.h). Serializers and
/// deserializers are JS objects the GC frees; their delegate calls the functions of `hooks`.
/// Methods that return false or nil left a JS exception pending unless they say otherwise.
extension Scope {
  public enum TransferResult: UInt32 {
    case ok = 0, invalid, detached, notDetachable, duplicate, kept
  }

  public func serializer(hooks: Local, forMessage: Bool) -> Local { Local(fe_ser_new(rt, hooks.raw, forMessage)) }
  public func isSerializer(_ v: Local) -> Bool { fe_ser_is(rt, v.raw) }
  public func writeHeader(_ ser: Local) { fe_ser_write_header(rt, ser.raw) }
  public func writeValue(_ ser: Local, _ value: Local) -> Bool { fe_ser_write_value(rt, ser.raw, value.raw) }
  public func writeUInt32(_ ser: Local, _ v: UInt32) { fe_ser_write_uint32(rt, ser.raw, v) }
  public func writeUInt64(_ ser: Local, _ v: UInt64) { fe_ser_write_uint64(rt, ser.raw, v) }
  public func writeDouble(_ ser: Local, _ v: Double) { fe_ser_write_double(rt, ser.raw, v) }
  public func writeRaw(_ ser: Local, _ bytes: UnsafeRawBufferPointer) { fe_ser_write_raw(rt, ser.raw, bytes.baseAddress, bytes.count) }
  /// No exception in any case: the caller words the error.
  public func transferArrayBuffer(_ ser: Local, id: UInt32, _ buffer: Local) -> TransferResult {
    TransferResult(rawValue: fe_ser_transfer_array_buffer(rt, ser.raw, id, buffer.raw).rawValue) ?? .invalid
  }
  public func treatViewsAsHostObjects(_ ser: Local, _ mode: Bool) { fe_ser_treat_views_as_host_objects(rt, ser.raw, mode) }
  /// The bytes written, as a Uint8Array.
  public func release(_ ser: Local) -> Local { Local(fe_ser_release(rt, ser.raw)) }
  /// A message serializer's message; the transferred buffers are detached now.
  public func releaseMessage(_ ser: Local) -> SerializedMessage? { fe_ser_release_message(rt, ser.raw).map(SerializedMessage.init) }

  public func deserializer(hooks: Local, bytes: UnsafeRawBufferPointer) -> Local {
    Local(fe_des_new(rt, hooks.raw, bytes.baseAddress, bytes.count))
  }
  /// Consumes the message; nil if it was read already.
  public func deserializer(hooks: Local, message: SerializedMessage) -> Local? {
    message.take().map { Local(fe_des_new_message(rt, hooks.raw, $0)) }
  }
  public func isDeserializer(_ v: Local) -> Bool { fe_des_is(rt, v.raw) }
  public func readHeader(_ des: Local) -> Bool { fe_des_read_header(rt, des.raw) }
  public func readValue(_ des: Local) -> Local? { fe_des_read_value(rt, des.raw).map(Local.init) }
  /// nil without an exception: the data ran out.
  public func readUInt32(_ des: Local) -> UInt32? {
    var v: UInt32 = 0
    return fe_des_read_uint32(rt, des.raw, &v) ? v : nil
  }
  public func readUInt64(_ des: Local) -> UInt64? {
    var v: UInt64 = 0
    return fe_des_read_uint64(rt, des.raw, &v) ? v : nil
  }
  public func readDouble(_ des: Local) -> Double? {
    var v = 0.0
    return fe_des_read_double(rt, des.raw, &v) ? v : nil
  }
  /// Skips `count` raw bytes and returns where they start in the deserializer's bytes.
  public func readRaw(_ des: Local, count: Int) -> Int? {
    var offset = 0
    return fe_des_read_raw(rt, des.raw, count, &offset) ? offset : nil
  }
  public func transferArrayBuffer(deserializer des: Local, id: UInt32, _ buffer: Local) -> Bool {
    fe_des_transfer_array_buffer(rt, des.raw, id, buffer.raw)
  }
  public func wireFormatVersion(_ des: Local) -> UInt32 { fe_des_wire_format_version(rt, des.raw) }

  /// An object with one internal field, which V8's serializer hands to `writeHostObject`.
  public func hostObject() -> Local { Local(fe_host_object_new(rt)) }
  public func isHostObject(_ v: Local) -> Bool { fe_host_object_is(rt, v.raw) }
}
