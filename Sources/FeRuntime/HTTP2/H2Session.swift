import CNghttp2
import FeEngine

/// One HTTP/2 connection's nghttp2 session, between memory buffers: JS feeds it the bytes the
/// socket read (`receive`), takes the bytes to write (`send`), and submits frames; what nghttp2's
/// callbacks report becomes a list of events JS takes after each call (JS/45-http2.js turns them
/// into the calls Node's C++ binding makes into lib/internal/http2/core.js).
final class H2Session: Resource {
  let lib: LibNghttp2
  private(set) var session: OpaquePointer?
  /// Events since JS last took them: arrays whose first element names the event.
  var events: [JSValue] = []
  /// The header block being received, per stream: its category and name, value pairs.
  private var headerBlocks: [Int32: (cat: Int32, list: [JSValue], sensitive: [JSValue])] = [:]
  /// Data JS wrote to each stream that nghttp2 has not framed yet.
  final class Outgoing {
    var chunks: [(bytes: [UInt8], offset: Int, req: Double)] = []
    var ended = false
    var wantTrailers = false
    var deferred = false
  }
  private var outgoing: [Int32: Outgoing] = [:]
  /// Node's limits on a received header block: pairs (maxHeaderListPairs) and bytes (the local
  /// SETTINGS_MAX_HEADER_LIST_SIZE); a block over either resets its stream (ENHANCE_YOUR_CALM).
  private let maxHeaderPairs: Int
  private var headerBytes: [Int32: Int] = [:]
  /// Each stream's byte limit, the local setting when the stream began (as Node takes it).
  private var headerLimit: [Int32: Int] = [:]
  /// Node's paddingStrategy: 0 none, 1 aligned to 8 bytes, 2 as much as fits.
  private let padding: Int

  init(lib: LibNghttp2, server: Bool, options: [Double]) throws {
    self.lib = lib
    var callbacks: OpaquePointer?
    guard lib.callbacksNew(&callbacks) == 0 else { throw H2Failure.noMemory }
    defer { lib.callbacksDel(callbacks) }
    lib.setOnFrameRecv(callbacks, h2OnFrameRecv)
    lib.setOnFrameNotSend(callbacks, h2OnFrameNotSend)
    lib.setOnInvalidFrameRecv(callbacks, h2OnInvalidFrameRecv)
    lib.setOnDataChunkRecv(callbacks, h2OnDataChunkRecv)
    lib.setOnStreamClose(callbacks, h2OnStreamClose)
    lib.setOnBeginHeaders(callbacks, h2OnBeginHeaders)
    lib.setOnHeader(callbacks, h2OnHeader)
    lib.setError2(callbacks, h2OnError)
    // Header fields HTTP/2 forbids are dropped, the rest of the block kept (as Node does).
    lib.setOnInvalidHeader(callbacks, h2OnInvalidHeader)
    var option: OpaquePointer?
    guard lib.optionNew(&option) == 0 else { throw H2Failure.noMemory }
    defer { lib.optionDel(option) }
    // Node's optionsBuffer (lib/internal/http2/util.js): values by index, flags in slot 10.
    let flags = options.count > 10 ? Int(options[10]) : 0
    func has(_ i: Int) -> Bool { flags & (1 << i) != 0 && i < options.count }
    // Pseudo-headers count as pairs: at least 4 for a server, 1 for a client (as Node).
    maxHeaderPairs = has(5) ? max(Int(options[5]), server ? 4 : 1) : 128
    padding = has(4) ? Int(options[4]) : 0
    if padding != 0 { lib.setSelectPadding(callbacks, h2SelectPadding) }
    if has(0) { lib.optionSetSize["max_deflate_dynamic_table_size"]?(option, Int(options[0])) }
    if has(1) { lib.optionSetUInt32["max_reserved_remote_streams"]?(option, UInt32(clamping: Int(options[1]))) }
    if has(2) { lib.optionSetSize["max_send_header_block_length"]?(option, Int(options[2])) }
    // Node's default peer limit before the peer's SETTINGS arrive is 100, as nghttp2's.
    if has(3) { lib.optionSetUInt32["peer_max_concurrent_streams"]?(option, UInt32(clamping: Int(options[3]))) }
    if has(9) { lib.optionSetSize["max_settings"]?(option, Int(options[9])) }
    // Pings and settings acknowledged by nghttp2 itself: Node lets 10000 be outstanding.
    lib.optionSetSize["max_outbound_ack"]?(option, 10000)
    lib.optionSetBuiltinRecvExtensionType(option, UInt8(FE_NGHTTP2_ALTSVC))
    lib.optionSetBuiltinRecvExtensionType(option, UInt8(FE_NGHTTP2_ORIGIN))
    var s: OpaquePointer?
    let me = Unmanaged.passUnretained(self).toOpaque()
    let rc = server ? lib.serverNew(&s, callbacks, me, option) : lib.clientNew(&s, callbacks, me, option)
    guard rc == 0, let s else { throw H2Failure.noMemory }
    session = s
  }

  deinit { dispose() }

  func dispose() {
    if let session { lib.sessionDel(session) }
    session = nil
    outgoing.removeAll()
    headerBlocks.removeAll()
  }

  // MARK: - bytes in and out

  /// Feeds bytes read from the socket; returns nghttp2's error code or the count consumed.
  func receive(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard let session else { return 0 }
    return lib.memRecv(session, bytes.bindMemory(to: UInt8.self).baseAddress, bytes.count)
  }

  /// Everything nghttp2 has to send now, or an error code.
  func send() -> ([UInt8], Int) {
    guard let session else { return ([], 0) }
    var out: [UInt8] = []
    while true {
      var p: UnsafePointer<UInt8>?
      let n = lib.memSend(session, &p)
      if n < 0 { return (out, n) }
      if n == 0 { break }
      if let p { out.append(contentsOf: UnsafeBufferPointer(start: p, count: n)) }
    }
    return (out, 0)
  }

  // MARK: - submitting

  func withHeaders<T>(_ packed: [UInt8], _ body: (UnsafePointer<nghttp2_nv>?, Int) -> T) -> T {
    // Node's packing (mapToHeaders): name NUL value NUL flag-byte, repeated.
    var storage = packed
    return storage.withUnsafeMutableBufferPointer { buf -> T in
      var nvs: [nghttp2_nv] = []
      var i = 0
      let n = buf.count
      guard let base = buf.baseAddress else { return body(nil, 0) }
      while i < n {
        let nameStart = i
        while i < n && buf[i] != 0 { i += 1 }
        let nameLen = i - nameStart
        i += 1
        let valueStart = i
        while i < n && buf[i] != 0 { i += 1 }
        let valueLen = i - valueStart
        i += 1
        let flag: UInt8 = i < n ? buf[i] : 0
        i += 1
        if valueStart > n { break }
        nvs.append(
          nghttp2_nv(
            name: base + nameStart, value: base + min(valueStart, n), namelen: nameLen, valuelen: max(0, min(valueLen, n - valueStart)),
            flags: flag))
      }
      return nvs.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
    }
  }

  func dataProvider() -> nghttp2_data_provider {
    nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: h2ReadData)
  }

  func openOutgoing(_ id: Int32, wantTrailers: Bool) {
    let o = Outgoing()
    o.wantTrailers = wantTrailers
    outgoing[id] = o
  }

  /// Data for a stream (or its end): nghttp2 frames it as the peer's window allows.
  func write(_ id: Int32, _ bytes: [UInt8], req: Double, end: Bool) -> Bool {
    guard let o = outgoing[id] else { return false }
    if !bytes.isEmpty { o.chunks.append((bytes, 0, req)) } else if req != 0 { events.append(.array([.string("written"), .number(Double(id)), .number(req)])) }
    if end { o.ended = true }
    if o.deferred, let session {
      o.deferred = false
      _ = lib.resumeData(session, id)
    }
    return true
  }

  func outgoingFor(_ id: Int32) -> Outgoing? { outgoing[id] }

  // MARK: - callbacks (see the functions below)

  fileprivate func readData(_ id: Int32, _ buf: UnsafeMutablePointer<UInt8>, _ length: Int, _ flags: UnsafeMutablePointer<UInt32>) -> Int {
    guard let o = outgoing[id] else {
      flags.pointee |= UInt32(FE_NGHTTP2_DATA_FLAG_EOF)
      return 0
    }
    var copied = 0
    while copied < length, !o.chunks.isEmpty {
      let c = o.chunks[0]
      let n = min(length - copied, c.bytes.count - c.offset)
      c.bytes.withUnsafeBufferPointer { src in
        (buf + copied).update(from: src.baseAddress! + c.offset, count: n)
      }
      copied += n
      if c.offset + n == c.bytes.count {
        o.chunks.removeFirst()
        events.append(.array([.string("written"), .number(Double(id)), .number(c.req)]))
      } else {
        o.chunks[0].offset += n
      }
    }
    if o.chunks.isEmpty && o.ended {
      flags.pointee |= UInt32(FE_NGHTTP2_DATA_FLAG_EOF)
      if o.wantTrailers {
        flags.pointee |= UInt32(FE_NGHTTP2_DATA_FLAG_NO_END_STREAM)
        events.append(.array([.string("wantTrailers"), .number(Double(id))]))
      }
      outgoing[id] = nil
      return copied
    }
    if copied == 0 {
      o.deferred = true
      return Int(FE_NGHTTP2_ERR_DEFERRED)
    }
    return copied
  }

  fileprivate func beginHeaders(_ frame: UnsafePointer<nghttp2_frame>) {
    let type = Int(frame.pointee.hd.type)
    if type == FE_NGHTTP2_PUSH_PROMISE {
      headerBlocks[frame.pointee.push_promise.promised_stream_id] = (0, [], [])
      headerBytes[frame.pointee.push_promise.promised_stream_id] = 0
      noteStream(frame.pointee.push_promise.promised_stream_id)
    } else {
      headerBlocks[frame.pointee.hd.stream_id] = (frame.pointee.headers.cat, [], [])
      headerBytes[frame.pointee.hd.stream_id] = 0
      noteStream(frame.pointee.hd.stream_id)
    }
  }

  /// A stream begins: its header byte limit is the local SETTINGS_MAX_HEADER_LIST_SIZE now.
  func noteStream(_ id: Int32) {
    guard headerLimit[id] == nil, let session else { return }
    headerLimit[id] = Int(lib.getLocalSettings(session, 6))
  }

  /// Whether the header fits the block's limits; if not the stream is reset and its block dropped.
  fileprivate func header(_ frame: UnsafePointer<nghttp2_frame>, _ nameLen: Int, _ valueLen: Int) -> Bool {
    let id = Int(frame.pointee.hd.type) == FE_NGHTTP2_PUSH_PROMISE ? frame.pointee.push_promise.promised_stream_id : frame.pointee.hd.stream_id
    guard let block = headerBlocks[id], let session else { return true }
    // Node counts each field as its name, its value and 32 bytes (RFC 7541's entry overhead).
    let bytes = (headerBytes[id] ?? 0) + nameLen + valueLen + 32
    headerBytes[id] = bytes
    let maxBytes = headerLimit[id] ?? Int(lib.getLocalSettings(session, 6))
    if block.list.count / 2 >= maxHeaderPairs || bytes > maxBytes {
      headerBlocks[id] = nil
      headerBytes[id] = nil
      _ = lib.submitRstStream(session, 0, id, 11)  // ENHANCE_YOUR_CALM
      return false
    }
    return true
  }

  fileprivate func header(_ frame: UnsafePointer<nghttp2_frame>, _ name: String, _ value: String, _ flags: UInt8) {
    let id = Int(frame.pointee.hd.type) == FE_NGHTTP2_PUSH_PROMISE ? frame.pointee.push_promise.promised_stream_id : frame.pointee.hd.stream_id
    guard var block = headerBlocks[id] else { return }
    block.list.append(.string(name))
    block.list.append(.string(value))
    if flags & UInt8(FE_NGHTTP2_NV_FLAG_NO_INDEX) != 0 { block.sensitive.append(.string(name)) }
    headerBlocks[id] = block
  }

  fileprivate func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) {
    let hd = frame.pointee.hd
    let id = Double(hd.stream_id)
    switch Int(hd.type) {
    case FE_NGHTTP2_DATA:
      if hd.flags & UInt8(FE_NGHTTP2_FLAG_END_STREAM) != 0 {
        events.append(.array([.string("end"), .number(id)]))
      } else if hd.length == 0 {
        // An empty DATA frame that does not end its stream counts as invalid (a flood of them is
        // an attack Node guards against).
        events.append(.array([.string("invalidFrame"), .number(id), .number(0)]))
      }
    case FE_NGHTTP2_HEADERS, FE_NGHTTP2_PUSH_PROMISE:
      let isPush = Int(hd.type) == FE_NGHTTP2_PUSH_PROMISE
      let sid = isPush ? frame.pointee.push_promise.promised_stream_id : hd.stream_id
      headerBytes[sid] = nil
      guard let block = headerBlocks.removeValue(forKey: sid) else { return }
      events.append(
        .array([
          .string(isPush ? "push" : "headers"), .number(Double(sid)), .number(Double(block.cat)), .number(Double(hd.flags)), .array(block.list),
          .array(block.sensitive), .number(id),
        ]))
    case FE_NGHTTP2_SETTINGS:
      // The settings as this frame left them (JS reads them after later frames are in).
      let ack = hd.flags & UInt8(FE_NGHTTP2_FLAG_ACK) != 0
      events.append(.array([.string(ack ? "settingsAck" : "settings"), .array(settingsValues(remote: !ack))]))
    case FE_NGHTTP2_PING:
      let p = frame.pointee.ping.opaque_data
      let payload: [UInt8] = [p.0, p.1, p.2, p.3, p.4, p.5, p.6, p.7]
      events.append(.array([.string(hd.flags & UInt8(FE_NGHTTP2_FLAG_ACK) != 0 ? "pingAck" : "ping"), .bytes(payload)]))
    case FE_NGHTTP2_GOAWAY:
      let g = frame.pointee.goaway
      let opaque: JSValue =
        g.opaque_data_len > 0 && g.opaque_data != nil ? .bytes(Array(UnsafeBufferPointer(start: g.opaque_data, count: g.opaque_data_len))) : .undefined
      events.append(.array([.string("goaway"), .number(Double(g.error_code)), .number(Double(g.last_stream_id)), opaque]))
    case FE_NGHTTP2_ALTSVC:
      guard let p = frame.pointee.ext.payload?.assumingMemoryBound(to: nghttp2_ext_altsvc.self).pointee else { return }
      events.append(
        .array([
          .string("altsvc"), .number(id), .string(bytesString(p.origin, p.origin_len)), .string(bytesString(p.field_value, p.field_value_len)),
        ]))
    case FE_NGHTTP2_ORIGIN:
      guard let p = frame.pointee.ext.payload?.assumingMemoryBound(to: nghttp2_ext_origin.self).pointee else { return }
      let origins = (0..<p.nov).map { i in JSValue.string(bytesString(p.ov[i].origin, p.ov[i].origin_len)) }
      events.append(.array([.string("origin"), .array(origins)]))
    case FE_NGHTTP2_PRIORITY:
      let p = frame.pointee.priority.pri_spec
      events.append(
        .array([.string("priority"), .number(id), .number(Double(p.stream_id)), .number(Double(p.weight)), .bool(p.exclusive != 0)]))
    default:
      break
    }
  }

  /// The 7 settings Node reports, in its settingsBuffer order (nghttp2 ids 1, 2, 4, 5, 3, 6, 8).
  func settingsValues(remote: Bool) -> [JSValue] {
    guard let session else { return [] }
    let get = remote ? lib.getRemoteSettings : lib.getLocalSettings
    return [1, 2, 4, 5, 3, 6, 8].map { JSValue.number(Double(get(session, Int32($0)))) }
  }

  fileprivate func selectPadding(_ frameLen: Int, _ maxPayloadLen: Int) -> Int {
    if padding == 2 { return maxPayloadLen }
    let r = (frameLen + 9) % 8
    if r == 0 { return frameLen }
    return min(maxPayloadLen, frameLen + (8 - r))
  }

  fileprivate func libraryError(_ code: Int32) {
    events.append(.array([.string("error"), .number(Double(code))]))
  }

  fileprivate func dataChunk(_ id: Int32, _ data: UnsafePointer<UInt8>?, _ len: Int) {
    guard let data, len > 0 else { return }
    events.append(.array([.string("data"), .number(Double(id)), .bytes(Array(UnsafeBufferPointer(start: data, count: len)))]))
  }

  fileprivate func streamClosed(_ id: Int32, _ code: UInt32) {
    outgoing[id] = nil
    headerBlocks[id] = nil
    headerBytes[id] = nil
    headerLimit[id] = nil
    events.append(.array([.string("close"), .number(Double(id)), .number(Double(code))]))
  }

  fileprivate func frameNotSent(_ frame: UnsafePointer<nghttp2_frame>, _ code: Int32) {
    events.append(.array([.string("frameError"), .number(Double(frame.pointee.hd.stream_id)), .number(Double(frame.pointee.hd.type)), .number(Double(code))]))
  }

  fileprivate func invalidFrame(_ frame: UnsafePointer<nghttp2_frame>, _ code: Int32) {
    events.append(.array([.string("invalidFrame"), .number(Double(frame.pointee.hd.stream_id)), .number(Double(code))]))
  }
}

enum H2Failure: Error {
  case noMemory
}

private func owner(_ ud: UnsafeMutableRawPointer?) -> H2Session? {
  ud.map { Unmanaged<H2Session>.fromOpaque($0).takeUnretainedValue() }
}

private func bytesString(_ p: UnsafePointer<UInt8>?, _ n: Int) -> String {
  guard let p, n > 0 else { return "" }
  let buf = UnsafeBufferPointer(start: p, count: n)
  // Header bytes that are not UTF-8 keep their byte values (Latin-1), as Node's one-byte strings.
  if let s = String(validating: buf, as: UTF8.self) { return s }
  return String(buf.map { Character(Unicode.Scalar($0)) })
}

private let h2OnFrameRecv: nghttp2_on_frame_recv_callback = { _, frame, ud in
  if let frame { owner(ud)?.frameReceived(frame) }
  return 0
}
private let h2OnFrameNotSend: nghttp2_on_frame_not_send_callback = { _, frame, code, ud in
  if let frame { owner(ud)?.frameNotSent(frame, code) }
  return 0
}
private let h2OnInvalidFrameRecv: nghttp2_on_invalid_frame_recv_callback = { _, frame, code, ud in
  if let frame { owner(ud)?.invalidFrame(frame, code) }
  return 0
}
private let h2OnDataChunkRecv: nghttp2_on_data_chunk_recv_callback = { _, _, id, data, len, ud in
  owner(ud)?.dataChunk(id, data, len)
  return 0
}
private let h2OnStreamClose: nghttp2_on_stream_close_callback = { _, id, code, ud in
  owner(ud)?.streamClosed(id, code)
  return 0
}
private let h2OnBeginHeaders: nghttp2_on_begin_headers_callback = { _, frame, ud in
  if let frame { owner(ud)?.beginHeaders(frame) }
  return 0
}
private let h2OnHeader: nghttp2_on_header_callback = { _, frame, name, namelen, value, valuelen, flags, ud in
  guard let frame, let s = owner(ud) else { return 0 }
  // NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE: the stream is reset, the session goes on.
  guard s.header(frame, namelen, valuelen) else { return -521 }
  s.header(frame, bytesString(name, namelen), bytesString(value, valuelen), flags)
  return 0
}
private let h2OnInvalidHeader: nghttp2_on_header_callback = { _, _, _, _, _, _, _, _ in 0 }
private let h2SelectPadding: nghttp2_select_padding_callback = { _, frame, maxPayloadLen, ud in
  guard let frame, let s = owner(ud) else { return 0 }
  return s.selectPadding(frame.pointee.hd.length, maxPayloadLen)
}
private let h2OnError: nghttp2_error_callback2 = { _, code, _, _, ud in
  owner(ud)?.libraryError(code)
  return 0
}
private let h2ReadData: nghttp2_data_source_read_callback = { _, id, buf, length, flags, _, ud in
  guard let buf, let flags, let s = owner(ud) else { return Int(FE_NGHTTP2_ERR_CALLBACK_FAILURE) }
  return s.readData(id, buf, length, flags)
}
