import NIOCore
import NIOHTTP1

/// One HTTP/1 connection on the NIO thread: turns parsed request parts into hub events, and
/// writes the bytes http.js framed (head, body, chunking) for each response in request order, so
/// pipelined requests answered out of order still go out in order.
///
/// Timeouts (the server's settings, as Node's http.Server has them): a connection with no request
/// in progress — new, or kept alive after a response — closes after keepAliveTimeout; once a
/// request's first byte arrives (RequestStartWatcher) its headers must be in within
/// headersTimeout and all of it within requestTimeout, or it gets 408 and the connection closes.
/// So connections that send nothing, or trickle a header a byte at a time, do not stay open.
/// With the server's `timeout` set, a connection without reads or writes for that long is
/// reported to JS (Node's 'timeout'), which closes it unless someone listens.
final class HTTPConnection: ChannelInboundHandler, Resource {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = ByteBuffer

  static let decoderName = "fe-http-decoder"

  /// Its id in the runtime's resource table, set when the hub adds it.
  var id = 0
  let server: HTTPHub.Server
  private let hub: HTTPHub
  private var context: ChannelHandlerContext?
  /// Sequence number of the next request, and of the request whose response goes out now.
  private var nextSeq = 0
  private var responding = 0
  /// Writes for responses after `responding`, held until it ends.
  private var held: [Int: [(ByteBuffer, Int)]] = [:]
  private var needsFlush = false
  private var closeAfterFlush = false
  private var wantsDrain = false
  private var timer: Scheduled<Void>?
  private var open = true
  /// When the connection last had no request in progress (the hub closes the idle longest first).
  private(set) var idleSince = NIODeadline.now()
  /// A request's first bytes have arrived and its end has not: its timeouts run from `started`.
  private var receiving = false
  private var started = NIODeadline.now()
  /// Bytes of the response now going out (`responding`) have been written.
  private var responseBegun = false
  /// The last read or write, and the timer that reports inactivity (server.timeout).
  private var lastActivity = NIODeadline.now()
  private var inactivityTimer: Scheduled<Void>?
  /// The current request asked for an upgrade: after it, the connection carries raw bytes.
  private var upgrading = false
  private var upgraded = false

  init(hub: HTTPHub, server: HTTPHub.Server) {
    self.hub = hub
    self.server = server
  }

  /// No request is waiting for its response.
  var isIdle: Bool { responding == nextSeq && !upgraded }
  /// Open and idle (perhaps sending a request's headers): one the hub may close to make room.
  var isEvictable: Bool { open && isIdle }

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func channelActive(context: ChannelHandlerContext) {
    hub.emit(.connection(server: server.id, conn: id, remote: context.channel.remoteAddress, local: context.channel.localAddress))
    becameIdle()
    noteActivity()
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    released()
    context.fireChannelInactive()
  }

  /// A connection closed before it became active (server.close() ran between its accept and its
  /// registration, which NIO defers to a later task) never gets channelInactive, but its
  /// handlers are always removed: without this the server would wait for it forever.
  func handlerRemoved(context: ChannelHandlerContext) { released() }

  private var isReleased = false
  private func released() {
    open = false
    timer?.cancel()
    inactivityTimer?.cancel()
    guard !isReleased else { return }
    isReleased = true
    hub.connectionClosed(self)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      if !receiving { requestBegan() }
      armRequestTimeout(headComplete: true)
      let seq = nextSeq
      nextSeq += 1
      upgrading =
        head.headers.contains(name: "upgrade") && head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "upgrade" }
      hub.emit(.request(conn: id, seq: seq, head: head, upgrade: upgrading))
    case .body(let bytes):
      hub.emit(.data(conn: id, seq: nextSeq - 1, bytes))
    case .end:
      receiving = false
      timer?.cancel()
      timer = nil
      hub.emit(.end(conn: id, seq: nextSeq - 1))
      if upgrading { becomeRaw(context) }
    }
  }

  /// After an upgrade request the parser steps aside: what follows is another protocol's bytes
  /// (a WebSocket's frames), relayed to JS as they come.
  private func becomeRaw(_ context: ChannelHandlerContext) {
    upgraded = true
    receiving = false
    timer?.cancel()
    let relay = RawRelay(conn: id, hub: hub)
    do {
      let decoder = try context.pipeline.syncOperations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
      try context.pipeline.syncOperations.addHandler(relay, position: .after(decoder))
      context.pipeline.syncOperations.removeHandler(name: HTTPConnection.decoderName, promise: nil)
    } catch {
      context.close(promise: nil)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: Error) {
    // A request the parser refused gets Node's answer, unless a response has begun.
    if let parse = error as? HTTPParserError, open {
      let status = parse == .headerOverflow ? 431 : 400
      // Before the close: a write can complete, and the connection close, synchronously.
      hub.emit(.clientError(server: server.id, conn: id, status: status, code: HTTPConnection.llhttpCode(parse)))
      if responding == nextSeq || (responding == nextSeq - 1 && held.isEmpty && !needsFlush) {
        let line = status == 431 ? "431 Request Header Fields Too Large" : "400 Bad Request"
        var buffer = context.channel.allocator.buffer(capacity: 64)
        buffer.writeString("HTTP/1.1 \(line)\r\nConnection: close\r\n\r\n")
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
      } else {
        context.close(promise: nil)
      }
      open = false
      return
    }
    context.close(promise: nil)
  }

  /// The name Node's parser (llhttp) gives the same fault: what `err.code` says in 'clientError'.
  static func llhttpCode(_ e: HTTPParserError) -> String {
    switch e {
    case .invalidCharactersUsed, .invalidHeaderToken: return "HPE_INVALID_HEADER_TOKEN"
    case .trailingGarbage, .invalidConstant: return "HPE_INVALID_CONSTANT"
    case .invalidEOFState: return "HPE_INVALID_EOF_STATE"
    case .headerOverflow: return "HPE_HEADER_OVERFLOW"
    case .closedConnection: return "HPE_CLOSED_CONNECTION"
    case .invalidVersion: return "HPE_INVALID_VERSION"
    case .invalidStatus: return "HPE_INVALID_STATUS"
    case .invalidMethod: return "HPE_INVALID_METHOD"
    case .lfExpected: return "HPE_LF_EXPECTED"
    case .invalidContentLength: return "HPE_INVALID_CONTENT_LENGTH"
    case .unexpectedContentLength: return "HPE_UNEXPECTED_CONTENT_LENGTH"
    case .invalidChunkSize: return "HPE_INVALID_CHUNK_SIZE"
    case .strictModeAssertion: return "HPE_STRICT"
    case .paused: return "HPE_PAUSED"
    case .invalidInternalState: return "HPE_INTERNAL"
    // NIO folds llhttp's other codes into .unknown; for a request that is a bad Transfer-Encoding.
    case .unknown: return "HPE_INVALID_TRANSFER_ENCODING"
    default: return "HPE_INVALID_URL"  // the URL parts NIO no longer reports apart
    }
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable && wantsDrain {
      wantsDrain = false
      hub.emit(.drain(conn: id))
    }
    context.fireChannelWritabilityChanged()
  }

  // MARK: writes (from the hub's outbox)

  func send(seq: Int, data: ByteBuffer, flags: Int) {
    guard open else { return }
    if seq != responding {
      held[seq, default: []].append((data, flags))
      return
    }
    apply(data, flags)
    // A finished response lets the ones queued behind it go out.
    while flags & HTTPHub.Flag.end != 0, let queued = held.removeValue(forKey: responding) {
      var ended = false
      for (data, flags) in queued {
        apply(data, flags)
        ended = flags & HTTPHub.Flag.end != 0
      }
      if !ended { break }
    }
  }

  private func apply(_ data: ByteBuffer, _ flags: Int) {
    guard let context else { return }
    if data.readableBytes > 0 {
      context.write(wrapOutboundOut(data), promise: nil)
      responseBegun = true
      noteActivity()
      markForFlush()
    }
    if flags & HTTPHub.Flag.wantDrain != 0 {
      wantsDrain = true
      markForFlush()
    }
    if flags & HTTPHub.Flag.end != 0 {
      responding += 1
      responseBegun = false
      if flags & HTTPHub.Flag.close != 0 { closeAfterFlush = true }
      markForFlush()
    }
  }

  func sendRaw(_ data: ByteBuffer, end: Bool) {
    guard open, let context else { return }
    if data.readableBytes > 0 {
      context.write(wrapOutboundOut(data), promise: nil)
      noteActivity()
    }
    if end { closeAfterFlush = true }
    markForFlush()
  }

  private func markForFlush() {
    if !needsFlush {
      needsFlush = true
      hub.touch(self)
    }
  }

  /// Called once per outbox batch for every connection written to.
  func flush() {
    needsFlush = false
    guard open, let context else { return }
    if closeAfterFlush || (server.closing && isIdle) {
      open = false
      // Closing drops unwritten data: close once the last write is done.
      context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).whenComplete { _ in
        context.close(promise: nil)
      }
      return
    }
    context.flush()
    if isIdle && !receiving { becameIdle() }
    if wantsDrain && context.channel.isWritable {
      wantsDrain = false
      hub.emit(.drain(conn: id))
    }
  }

  func destroy() {
    guard open, let context else { return }
    open = false
    context.close(promise: nil)
  }

  /// Closes an idle connection once what was written to it is out: a response written in the
  /// same turn as server.close() or closeIdleConnections() still reaches the client.
  func closeWhenWritten() {
    guard open else { return }
    if needsFlush { closeAfterFlush = true } else { destroy() }
  }

  // MARK: timeouts

  /// Bytes arrived (from RequestStartWatcher, before the parser sees them): the first of a
  /// request start its timeouts.
  func bytesArrived() {
    noteActivity()
    guard open, !receiving, !upgraded else { return }
    requestBegan()
    armRequestTimeout(headComplete: false)
  }

  private func requestBegan() {
    receiving = true
    started = .now()
  }

  /// Until the head is in, headersTimeout and requestTimeout run; after it, requestTimeout.
  private func armRequestTimeout(headComplete: Bool) {
    timer?.cancel()
    timer = nil
    let settings = server.settings
    var deadline: NIODeadline?
    if !headComplete, let after = settings.headersTimeout { deadline = started + after }
    if let after = settings.requestTimeout { deadline = min(deadline ?? started + after, started + after) }
    guard let deadline, let context else { return }
    timer = context.eventLoop.scheduleTask(deadline: deadline) { [weak self] in self?.requestTimedOut() }
  }

  /// Node's answer to a request too slow to arrive: 408 when no response has begun, then close.
  private func requestTimedOut() {
    guard open, receiving, let context else { return }
    open = false
    timer = nil
    hub.emit(.clientError(server: server.id, conn: id, status: 408, code: "ERR_HTTP_REQUEST_TIMEOUT"))
    let current = responding == nextSeq || (responding == nextSeq - 1 && held.isEmpty)
    if current && !responseBegun {
      var buffer = context.channel.allocator.buffer(capacity: 64)
      buffer.writeString("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n")
      context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
    } else {
      context.close(promise: nil)
    }
  }

  /// A read or write: the inactivity clock starts again (its timer is moved only when it fires).
  private func noteActivity() {
    lastActivity = .now()
    guard inactivityTimer == nil, open, let after = server.settings.inactivity, let context else { return }
    inactivityTimer = context.eventLoop.scheduleTask(deadline: lastActivity + after) { [weak self] in self?.inactivityCheck() }
  }

  private func inactivityCheck() {
    inactivityTimer = nil
    guard open, let after = server.settings.inactivity, let context else { return }
    let due = lastActivity + after
    if due > .now() {
      inactivityTimer = context.eventLoop.scheduleTask(deadline: due) { [weak self] in self?.inactivityCheck() }
    } else {
      // Reported once; the next read or write starts the clock again.
      hub.emit(.timeout(conn: id))
    }
  }

  /// No request in progress: the connection closes if it stays so for keepAliveTimeout.
  private func becameIdle() {
    idleSince = .now()
    armIdleTimer()
  }

  /// The server's limits changed (set after listen()): an idle connection's clock keeps its start
  /// and takes the new keepAliveTimeout, as a connection accepted a moment later would.
  func settingsChanged() {
    guard open, isIdle, !receiving else { return }
    armIdleTimer()
  }

  private func armIdleTimer() {
    timer?.cancel()
    timer = nil
    guard let after = server.settings.keepAlive, let context else { return }
    timer = context.eventLoop.scheduleTask(deadline: idleSince + after) { [weak self] in
      guard let self, self.isIdle, !self.receiving else { return }
      self.destroy()
    }
  }
}

/// Sits before the parser and tells the connection when bytes arrive, so a request's header and
/// request timeouts start at its first byte (a parser reports a request only once its head is in).
final class RequestStartWatcher: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  typealias InboundOut = ByteBuffer
  private let conn: HTTPConnection

  init(_ conn: HTTPConnection) { self.conn = conn }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    conn.bytesArrived()
    context.fireChannelRead(data)
  }
}

/// Relays an upgraded connection's bytes to JS.
final class RawRelay: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  private let conn: Int
  private let hub: HTTPHub

  init(conn: Int, hub: HTTPHub) {
    self.conn = conn
    self.hub = hub
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    hub.emit(.upgradeData(conn: conn, unwrapInboundIn(data)))
  }
}
