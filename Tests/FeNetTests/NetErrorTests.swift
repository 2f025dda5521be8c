import CCurl
import FeNet
import Foundation
import Testing

@Suite("NetError: libcurl's results, classified once")
struct NetErrorTests {
  static let table: [(CURLcode, String, NetError.Kind)] = [
    (CURLE_COULDNT_RESOLVE_HOST, "Could not resolve host: x.invalid", .resolveHost),
    (CURLE_COULDNT_RESOLVE_PROXY, "Could not resolve proxy: p.invalid", .resolveProxy),
    (CURLE_COULDNT_CONNECT, "Failed to connect to 127.0.0.1 port 1", .connect),
    (CURLE_PROXY, "CONNECT tunnel failed, response 403", .proxy),
    (CURLE_OPERATION_TIMEDOUT, "Operation timed out after 1000 milliseconds with 0 bytes received", .timedOut),
    (CURLE_OPERATION_TIMEDOUT, "Connection timed out after 10001 milliseconds", .timedOut),
    (CURLE_OPERATION_TIMEDOUT, "Operation too slow. Less than 1024 bytes/sec transferred the last 15 seconds", .tooSlow),
    (CURLE_SEND_ERROR, "Failure when sending data to the peer", .send),
    (CURLE_RECV_ERROR, "Recv failure: Connection reset by peer", .receive),
    (CURLE_GOT_NOTHING, "Empty reply from server", .emptyReply),
    (CURLE_PARTIAL_FILE, "transfer closed with 10 bytes remaining to read", .shortBody),
    (CURLE_HTTP2, "Error in the HTTP2 framing layer", .http2),
    (CURLE_HTTP2_STREAM, "Stream error in the HTTP/2 framing layer", .http2),
    (CURLE_WEIRD_SERVER_REPLY, "Unsupported HTTP version in response", .badReply),
    (CURLE_UNSUPPORTED_PROTOCOL, "Protocol \"ftp\" not supported", .unsupportedProtocol),
    (CURLE_PEER_FAILED_VERIFICATION, "SSL certificate problem: unable to get local issuer certificate", .tls),
    (CURLE_SSL_CONNECT_ERROR, "error:0A00010B:SSL routines::wrong version number", .tls),
    (CURLE_SSL_CACERT_BADFILE, "error setting certificate file", .tls),
    (CURLE_WRITE_ERROR, "Failure writing output to destination", .aborted),
    (CURLE_ABORTED_BY_CALLBACK, "Callback aborted", .aborted),
    (CURLE_OUT_OF_MEMORY, "Out of memory", .other),
    (CURLE_URL_MALFORMAT, "URL using bad/illegal format", .other),
  ]

  @Test("a table of results", arguments: table.indices)
  func kind(_ i: Int) {
    let (rc, detail, kind) = Self.table[i]
    #expect(NetError.kind(of: rc, detail: detail) == kind, "\(rc.rawValue) \(detail)")
  }

  @Test func theLowSpeedAbortIsToldFromOtherTimeouts() {
    #expect(NetError.isLowSpeedAbort("Operation too slow. Less than 1024 bytes/sec transferred the last 15 seconds"))
    #expect(!NetError.isLowSpeedAbort("Operation timed out after 1000 milliseconds with 0 bytes received"))
  }
}
