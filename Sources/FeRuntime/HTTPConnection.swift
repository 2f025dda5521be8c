import NIOCore
import NIOHTTP1

/// One HTTP/1 connection on the NIO thread: turns parsed request parts into hub events, and
/// writes the bytes http.js framed (head, body, chunking) for each response in request order, so
/// pipelined requests answered out of order still go out in order. Idle keep-alive connections
/// close after the server's keepAliveTimeout, as Node's do.
final class HTTPConnection: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = ByteBuffer

  static let decoderName = "fe-http-decoder"

  let id: Int
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
  /// The current request asked for an upgrade: after it, the connection carries raw bytes.
  private var upgrading = false
  private var upgraded = false

  init(id: Int, hub: HTTPHub, server: HTTPHub.Server) {
    self.id = id
    self.hub = hub
    self.server = server
  }

  /// No request is waiting for its response.
  var isIdle: Bool { responding == nextSeq && !upgraded }

  func handlerAdded(context: ChannelHandlerContext) { self.context = context }

  func channelActive(context: ChannelHandlerContext) {
    hub.emit(.connection(server: server.id, conn: id, remote: context.channel.remoteAddress, local: context.channel.localAddress))
    arm(server.headersTimeout)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    open = false
    timer?.cancel()
    hub.connectionClosed(self)
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      timer?.cancel()
      let seq = nextSeq
      nextSeq += 1
      upgrading = head.headers.contains(name: "upgrade") && head.headers[canonicalForm: "connection"].contains { $0.lowercased() == "upgrade" }
      hub.emit(.request(conn: id, seq: seq, head: head, upgrade: upgrading))
    case .body(let bytes):
      hub.emit(.data(conn: id, seq: nextSeq - 1, bytes))
    case .end:
      hub.emit(.end(conn: id, seq: nextSeq - 1))
      if upgrading { becomeRaw(context) }
    }
  }

  /// After an upgrade request the parser steps aside: what follows is another protocol's bytes
  /// (a WebSocket's frames), relayed to JS as they come.
  private func becomeRaw(_ context: ChannelHandlerContext) {
    upgraded = true
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
      if responding == nextSeq || (responding == nextSeq - 1 && held.isEmpty && !needsFlush) {
        let line = status == 431 ? "431 Request Header Fields Too Large" : "400 Bad Request"
        var buffer = context.channel.allocator.buffer(capacity: 64)
        buffer.writeString("HTTP/1.1 \(line)\r\nConnection: close\r\n\r\n")
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in context.close(promise: nil) }
      } else {
        context.close(promise: nil)
      }
      hub.emit(.clientError(server: server.id, conn: id, status: status))
      open = false
      return
    }
    context.close(promise: nil)
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
      markForFlush()
    }
    if flags & HTTPHub.Flag.wantDrain != 0 {
      wantsDrain = true
      markForFlush()
    }
    if flags & HTTPHub.Flag.end != 0 {
      responding += 1
      if flags & HTTPHub.Flag.close != 0 { closeAfterFlush = true }
      markForFlush()
    }
  }

  func sendRaw(_ data: ByteBuffer, end: Bool) {
    guard open, let context else { return }
    if data.readableBytes > 0 { context.write(wrapOutboundOut(data), promise: nil) }
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
    if isIdle { arm(server.keepAlive) }
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

  /// Closes the connection if it stays without a request for `after`.
  private func arm(_ after: TimeAmount) {
    timer?.cancel()
    guard let context else { return }
    timer = context.eventLoop.scheduleTask(in: after) { [weak self] in
      guard let self, self.isIdle else { return }
      self.destroy()
    }
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
