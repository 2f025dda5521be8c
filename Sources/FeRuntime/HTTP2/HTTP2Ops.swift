import CNghttp2
import FeEngine

/// Ops for `http2` (JS/45-http2.js): nghttp2 sessions between memory buffers. Every op that can
/// make nghttp2 call back leaves events in the session; JS takes them with `op_h2_send`.
enum HTTP2Ops {
  static let all: [Op] = [
    Op("op_h2_new") { rt, call in
      // (isServer, Node's optionsBuffer values) → id, or a string saying why nghttp2 is unusable
      let lib: LibNghttp2
      do { lib = try LibNghttp2.get() } catch { return call.returns("\(error)") }
      var options: [Double] = []
      if case .array(let values) = call.value(1) {
        options = values.map { if case .number(let d) = $0 { return d } else { return 0 } }
      }
      guard let s = try? H2Session(lib: lib, server: call.bool(0), options: options) else { return call.returns("out of memory") }
      call.returns(Double(rt.resources.add(s)))
    },
    Op("op_h2_free") { rt, call in
      rt.resources.take(call.int(0), as: H2Session.self)?.dispose()
    },
    Op("op_h2_receive") { rt, call in
      // (id, bytes) → bytes consumed, or nghttp2's (negative) error
      guard let s = session(rt, call) else { return call.returns(0.0) }
      call.returns(Double(call.scope.withBytes(call.arg(1)) { s.receive($0) }))
    },
    Op("op_h2_send") { rt, call in
      // (id) → [bytes for the peer or null, nghttp2 error or 0, events since the last call]
      guard let s = session(rt, call) else { return call.returns(.array([.null, .number(0), .array([])])) }
      let (out, err) = s.send()
      let events = s.events
      s.events.removeAll()
      call.returns(.array([out.isEmpty ? .null : .bytes(out), .number(Double(err)), .array(events)]))
    },
    Op("op_h2_settings") { rt, call in
      // (id, [settings id, value, ...]) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      var entries: [nghttp2_settings_entry] = []
      if case .array(let values) = call.value(1) {
        var i = 0
        while i + 1 < values.count {
          if case .number(let k) = values[i], case .number(let v) = values[i + 1] {
            entries.append(nghttp2_settings_entry(settings_id: Int32(k), value: UInt32(clamping: Int64(v))))
          }
          i += 2
        }
      }
      call.returns(Double(entries.withUnsafeBufferPointer { s.lib.submitSettings(s.session, 0, $0.baseAddress, $0.count) }))
    },
    Op("op_h2_request") { rt, call in
      // (id, packed headers, empty payload, want trailers, parent, weight, exclusive) → stream id or error
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let empty = call.bool(2)
      var pri = nghttp2_priority_spec(stream_id: Int32(call.int(4)), weight: Int32(call.int(5)), exclusive: call.bool(6) ? 1 : 0)
      var provider = s.dataProvider()
      let id = withUnsafePointer(to: &provider) { prd in
        s.withHeaders(call.bytes(1)) { nva, n in s.lib.submitRequest(s.session, &pri, nva, n, empty ? nil : prd, nil) }
      }
      if id > 0 { s.noteStream(id) }
      if id > 0 && !empty { s.openOutgoing(id, wantTrailers: call.bool(3)) }
      call.returns(Double(id))
    },
    Op("op_h2_respond") { rt, call in
      // (id, stream, packed headers, empty payload, want trailers) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let stream = Int32(call.int(1))
      let empty = call.bool(3)
      var provider = s.dataProvider()
      if !empty { s.openOutgoing(stream, wantTrailers: call.bool(4)) }
      let rc = withUnsafePointer(to: &provider) { prd in
        s.withHeaders(call.bytes(2)) { nva, n in s.lib.submitResponse(s.session, stream, nva, n, empty ? nil : prd) }
      }
      call.returns(Double(rc))
    },
    Op("op_h2_headers") { rt, call in
      // (id, stream, packed headers, 'info' | 'trailers') → nghttp2's return code. Empty trailers
      // go as an empty DATA frame that ends the stream, as Node sends them.
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let stream = Int32(call.int(1))
      let headers = call.bytes(2)
      let rc: Int32
      if call.string(3) == "trailers" {
        if headers.isEmpty {
          s.openOutgoing(stream, wantTrailers: false)
          _ = s.write(stream, [], req: 0, end: true)
          var provider = s.dataProvider()
          rc = s.lib.submitData(s.session, UInt8(FE_NGHTTP2_FLAG_END_STREAM), stream, &provider)
        } else {
          rc = s.withHeaders(headers) { nva, n in s.lib.submitTrailer(s.session, stream, nva, n) }
        }
      } else {
        rc = s.withHeaders(headers) { nva, n in s.lib.submitHeaders(s.session, 0, stream, nil, nva, n, nil) }
      }
      call.returns(Double(rc))
    },
    Op("op_h2_push") { rt, call in
      // (id, stream, packed headers) → the promised stream's id, or an error
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let stream = Int32(call.int(1))
      let rc = s.withHeaders(call.bytes(2)) { nva, n in s.lib.submitPushPromise(s.session, 0, stream, nva, n, nil) }
      call.returns(Double(rc))
    },
    Op("op_h2_write") { rt, call in
      // (id, stream, bytes or null, request id (0: none), end) → whether the stream takes data
      guard let s = session(rt, call) else { return call.returns(false) }
      let bytes = call.isNullish(2) ? [] : call.bytes(2)
      call.returns(s.write(Int32(call.int(1)), bytes, req: call.number(3), end: call.bool(4)))
    },
    Op("op_h2_rst") { rt, call in
      // (id, stream, code)
      guard let s = session(rt, call) else { return }
      _ = s.lib.submitRstStream(s.session, 0, Int32(call.int(1)), UInt32(clamping: call.int(2)))
    },
    Op("op_h2_ping") { rt, call in
      // (id, 8 bytes of payload) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let payload = call.bytes(1)
      guard payload.count == 8 else { return call.returns(-501.0) }
      call.returns(Double(payload.withUnsafeBufferPointer { s.lib.submitPing(s.session, 0, $0.baseAddress) }))
    },
    Op("op_h2_goaway") { rt, call in
      // (id, code, last stream id (<= 0: the last one processed), opaque data or null)
      guard let s = session(rt, call) else { return }
      var last = Int32(call.int(2))
      if last <= 0 { last = s.lib.sessionGetInt32["last_proc_stream_id"]?(s.session) ?? 0 }
      let opaque = call.isNullish(3) ? [] : call.bytes(3)
      _ = opaque.withUnsafeBufferPointer {
        s.lib.submitGoaway(s.session, 0, last, UInt32(clamping: call.int(1)), $0.baseAddress, $0.count)
      }
    },
    Op("op_h2_priority") { rt, call in
      // (id, stream, parent, weight, exclusive) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      var pri = nghttp2_priority_spec(stream_id: Int32(call.int(2)), weight: Int32(call.int(3)), exclusive: call.bool(4) ? 1 : 0)
      call.returns(Double(s.lib.submitPriority(s.session, 0, Int32(call.int(1)), &pri)))
    },
    Op("op_h2_altsvc") { rt, call in
      // (id, stream, origin, field value) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      let origin = Array(call.string(2).utf8)
      let value = Array(call.string(3).utf8)
      let rc = origin.withUnsafeBufferPointer { o in
        value.withUnsafeBufferPointer { v in
          s.lib.submitAltsvc(s.session, 0, Int32(call.int(1)), o.baseAddress, o.count, v.baseAddress, v.count)
        }
      }
      call.returns(Double(rc))
    },
    Op("op_h2_origin") { rt, call in
      // (id, [origin, ...]) → nghttp2's return code
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      var strings: [[UInt8]] = []
      if case .array(let values) = call.value(1) {
        for case .string(let o) in values { strings.append(Array(o.utf8)) }
      }
      let rc = withOrigins(strings, []) { s.lib.submitOrigin(s.session, 0, $0, $1) }
      call.returns(Double(rc))
    },
    Op("op_h2_get_settings") { rt, call in
      // (id, remote) → the 7 settings Node reports, in its settingsBuffer order
      guard let s = session(rt, call) else { return call.returns(.array([])) }
      call.returns(.array(s.settingsValues(remote: call.bool(1))))
    },
    Op("op_h2_state") { rt, call in
      // (id) → Node's sessionState values
      guard let s = session(rt, call) else { return call.returns(.array([])) }
      let i32 = [
        "effective_local_window_size", "effective_recv_data_length", "next_stream_id", "local_window_size", "last_proc_stream_id",
        "remote_window_size",
      ].map { name -> JSValue in
        let v = s.lib.sessionGetInt32[name]?(s.session) ?? 0
        return .number(name == "next_stream_id" ? Double(UInt32(bitPattern: v)) : Double(v))
      }
      let sizes = ["outbound_queue_size", "hd_deflate_dynamic_table_size", "hd_inflate_dynamic_table_size"].map {
        JSValue.number(Double(s.lib.sessionGetSize[$0]?(s.session) ?? 0))
      }
      call.returns(.array(i32 + sizes))
    },
    Op("op_h2_stream_state") { rt, call in
      // (id, stream) → Node's streamState values, or [] for a stream nghttp2 no longer has
      guard let s = session(rt, call) else { return call.returns(.array([])) }
      let id = Int32(call.int(1))
      guard let st = s.lib.findStream(s.session, id) else { return call.returns(.array([])) }
      let values: [Int32] = [
        s.lib.streamGetState(st), s.lib.streamGetWeight(st), s.lib.streamGetSumDependencyWeight(st),
        s.lib.streamLocalClose(s.session, id), s.lib.streamRemoteClose(s.session, id), s.lib.streamLocalWindowSize(s.session, id),
      ]
      call.returns(.array(values.map { .number(Double($0)) }))
    },
    Op("op_h2_set_next_stream_id") { rt, call in
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      call.returns(Double(s.lib.setNextStreamID(s.session, Int32(truncatingIfNeeded: call.int(1)))))
    },
    Op("op_h2_set_local_window_size") { rt, call in
      guard let s = session(rt, call) else { return call.returns(-1.0) }
      call.returns(Double(s.lib.setLocalWindowSize(s.session, 0, 0, Int32(truncatingIfNeeded: call.int(1)))))
    },
    Op("op_h2_want") { rt, call in
      // (id) → [nghttp2 wants to read, nghttp2 has something to write]
      guard let s = session(rt, call) else { return call.returns(.array([.bool(false), .bool(false)])) }
      call.returns(.array([.bool(s.lib.wantRead(s.session) != 0), .bool(s.lib.wantWrite(s.session) != 0)]))
    },
    Op("op_h2_strerror") { _, call in
      // (nghttp2 error code) → its message
      guard let lib = try? LibNghttp2.get(), let p = lib.strerror(Int32(truncatingIfNeeded: call.int(0))) else {
        return call.returns("Unknown error code")
      }
      call.returns(String(cString: p))
    },
  ]

  /// The entries of an ORIGIN frame, valid only inside `body`.
  private static func withOrigins(
    _ rest: ArraySlice<[UInt8]>, _ done: [nghttp2_origin_entry], _ body: (UnsafePointer<nghttp2_origin_entry>?, Int) -> Int32
  ) -> Int32 {
    guard let first = rest.first else { return done.withUnsafeBufferPointer { body($0.baseAddress, $0.count) } }
    var bytes = first
    return bytes.withUnsafeMutableBufferPointer { b in
      withOrigins(rest.dropFirst(), done + [nghttp2_origin_entry(origin: b.baseAddress, origin_len: b.count)], body)
    }
  }

  private static func withOrigins(_ list: [[UInt8]], _ done: [nghttp2_origin_entry], _ body: (UnsafePointer<nghttp2_origin_entry>?, Int) -> Int32) -> Int32 {
    withOrigins(list[...], done, body)
  }

  private static func session(_ rt: Runtime, _ call: OpCall) -> H2Session? {
    guard let s = rt.resources.get(call.int(0), as: H2Session.self), s.session != nil else { return nil }
    return s
  }
}
