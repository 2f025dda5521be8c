import FeEngine

/// Ops over V8's ValueSerializer/ValueDeserializer (FeEngine's ValueSerializer.swift) for
/// node:v8's Serializer and Deserializer, structuredClone and postMessage (JS/38-v8.js,
/// JS/39-worker_threads.js). A serializer or deserializer is a JS object the GC frees; every op
/// takes it as its first argument and checks what it is.
enum SerializerOps {
  static let all: [Op] = [
    // (hooks, forMessage) → a serializer
    Op("op_ser_new") { _, call in call.returns(call.scope.serializer(hooks: call.arg(0), forMessage: call.bool(1))) },
    Op("op_ser_header") { _, call in
      guard let ser = serializer(call) else { return }
      call.scope.writeHeader(ser)
    },
    // (ser, value) → true; throws what the serializer threw (a DataCloneError, a hook's error)
    Op("op_ser_value") { _, call in
      guard let ser = serializer(call) else { return }
      if call.scope.writeValue(ser, call.arg(1)) { call.returns(true) }
    },
    Op("op_ser_uint32") { _, call in
      guard let ser = serializer(call) else { return }
      call.scope.writeUInt32(ser, UInt32(truncatingIfNeeded: Int64(call.number(1))))
    },
    // (ser, hi, lo): Node's writeUint64 takes the two 32-bit halves
    Op("op_ser_uint64") { _, call in
      guard let ser = serializer(call) else { return }
      let hi = UInt64(UInt32(truncatingIfNeeded: Int64(call.number(1))))
      let lo = UInt64(UInt32(truncatingIfNeeded: Int64(call.number(2))))
      call.scope.writeUInt64(ser, hi << 32 | lo)
    },
    Op("op_ser_double") { _, call in
      guard let ser = serializer(call) else { return }
      call.scope.writeDouble(ser, call.number(1))
    },
    Op("op_ser_raw") { _, call in
      guard let ser = serializer(call) else { return }
      call.scope.withBytes(call.arg(1)) { call.scope.writeRaw(ser, $0) }
    },
    // (ser, id, arrayBuffer) → 0 ok, 1 invalid, 2 detached, 3 not detachable, 4 listed twice
    Op("op_ser_transfer") { _, call in
      guard let ser = serializer(call) else { return }
      let id = UInt32(truncatingIfNeeded: Int64(call.number(1)))
      call.returns(Double(call.scope.transferArrayBuffer(ser, id: id, call.arg(2)).rawValue))
    },
    Op("op_ser_views_as_host") { _, call in
      guard let ser = serializer(call) else { return }
      call.scope.treatViewsAsHostObjects(ser, call.bool(1))
    },
    // (ser) → the bytes written, as a Uint8Array
    Op("op_ser_release") { _, call in
      guard let ser = serializer(call) else { return }
      call.returns(call.scope.release(ser))
    },
    // (hooks, bytes) → a deserializer over a copy of the bytes
    Op("op_des_new") { _, call in
      let bytes = call.arg(1)
      call.returns(call.scope.withBytes(bytes) { call.scope.deserializer(hooks: call.arg(0), bytes: $0) })
    },
    // (des) → true, or throws V8's error for a bad header
    Op("op_des_header") { _, call in
      guard let des = deserializer(call) else { return }
      if call.scope.readHeader(des) { call.returns(true) }
    },
    Op("op_des_value") { _, call in
      guard let des = deserializer(call) else { return }
      if let v = call.scope.readValue(des) { call.returns(v) }
    },
    Op("op_des_uint32") { _, call in
      guard let des = deserializer(call) else { return }
      guard let v = call.scope.readUInt32(des) else { return call.throwing(call.scope.error("ReadUint32() failed")) }
      call.returns(Double(v))
    },
    // (des) → [hi, lo]
    Op("op_des_uint64") { _, call in
      guard let des = deserializer(call) else { return }
      guard let v = call.scope.readUInt64(des) else { return call.throwing(call.scope.error("ReadUint64() failed")) }
      call.returns(.array([.number(Double(v >> 32)), .number(Double(v & 0xffff_ffff))]))
    },
    Op("op_des_double") { _, call in
      guard let des = deserializer(call) else { return }
      guard let v = call.scope.readDouble(des) else { return call.throwing(call.scope.error("ReadDouble() failed")) }
      call.returns(v)
    },
    // (des, length) → the offset of the next `length` bytes in the deserializer's buffer
    Op("op_des_raw") { _, call in
      guard let des = deserializer(call) else { return }
      guard let offset = call.scope.readRaw(des, count: max(0, call.int(1))) else {
        return call.throwing(call.scope.error("ReadRawBytes() failed"))
      }
      call.returns(Double(offset))
    },
    // (des, id, arrayBuffer | sharedArrayBuffer) → whether it was one of those
    Op("op_des_transfer") { _, call in
      guard let des = deserializer(call) else { return }
      let id = UInt32(truncatingIfNeeded: Int64(call.number(1)))
      call.returns(call.scope.transferArrayBuffer(deserializer: des, id: id, call.arg(2)))
    },
    Op("op_des_version") { _, call in
      guard let des = deserializer(call) else { return }
      call.returns(Double(call.scope.wireFormatVersion(des)))
    },
    // () → an object V8's serializer treats as a host object (MessagePort)
    Op("op_host_object") { _, call in call.returns(call.scope.hostObject()) },
    // (ser) → the handle of the finished message, kept in this runtime (structuredClone)
    Op("op_message_keep") { rt, call in
      guard let ser = serializer(call), let msg = call.scope.releaseMessage(ser) else { return }
      call.returns(Double(rt.messaging.keep(msg)))
    },
    // (handle, hooks) → a deserializer reading that message (once), or undefined
    Op("op_message_read") { rt, call in
      guard let msg = rt.messaging.take(call.int(0)), let des = call.scope.deserializer(hooks: call.arg(1), message: msg) else {
        return
      }
      call.returns(des)
    },
  ]

  private static func serializer(_ call: OpCall) -> Local? {
    let v = call.arg(0)
    if call.scope.isSerializer(v) { return v }
    call.throwing(call.scope.typeError("Illegal invocation"))
    return nil
  }

  private static func deserializer(_ call: OpCall) -> Local? {
    let v = call.arg(0)
    if call.scope.isDeserializer(v) { return v }
    call.throwing(call.scope.typeError("Illegal invocation"))
    return nil
  }
}
