import FeNet
import Testing

@Suite("HTTPHeadParser: status line and headers from libcurl's header lines")
struct HTTPHeadParserTests {
  /// Feeds `lines` and returns every head completed.
  func parse(_ lines: [String]) -> [HTTPResponseHead] {
    var parser = HTTPHeadParser()
    return lines.compactMap { parser.feed($0) }
  }

  @Test func aStatusLineAndHeaders() {
    let heads = parse(["HTTP/1.1 404 Not Found\r\n", "Content-Type: text/plain\r\n", "X-Empty:\r\n", "\r\n"])
    #expect(
      heads == [
        HTTPResponseHead(status: 404, statusText: "Not Found", fields: [.init("Content-Type", "text/plain"), .init("X-Empty", "")])
      ])
    #expect(heads.first?["content-type"] == "text/plain")
  }

  @Test func informationalResponsesAreSkipped() {
    let heads = parse(["HTTP/1.1 100 Continue\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "ETag: \"v1\"\r\n", "\r\n"])
    #expect(heads == [HTTPResponseHead(status: 200, statusText: "OK", fields: [.init("ETag", "\"v1\"")])])
  }

  @Test func http2HasNoStatusText() {
    #expect(parse(["HTTP/2 204\r\n", "\r\n"]) == [HTTPResponseHead(status: 204, statusText: "")])
  }

  @Test func aReasonPhraseKeepsItsSpaces() {
    #expect(parse(["HTTP/1.1 500 Internal  Server Error\n", "\n"]).first?.statusText == "Internal  Server Error")
  }

  @Test func repeatedHeadersStayInOrderAndTheLastWinsALookup() {
    let head = parse(["HTTP/1.1 200 OK\r\n", "Set-Cookie: a=1\r\n", "set-cookie: b=2\r\n", "\r\n"]).first
    #expect(head?.fields == [.init("Set-Cookie", "a=1"), .init("set-cookie", "b=2")])
    #expect(head?["SET-COOKIE"] == "b=2")
  }

  @Test func foldedLinesContinueTheValueAndWhitespaceIsTrimmed() {
    let head = parse(["HTTP/1.1 200 OK\r\n", "X-Long :  one\r\n", " \t two\r\n", "\r\n"]).first
    #expect(head?.fields == [.init("X-Long", "one two")])
  }

  @Test func linesWithoutAColonAndTrailersAreIgnored() {
    var parser = HTTPHeadParser()
    #expect(parser.feed("HTTP/1.1 200 OK\r\n") == nil)
    #expect(parser.feed("garbage\r\n") == nil)
    let head = parser.feed("\r\n")
    #expect(head == HTTPResponseHead(status: 200, statusText: "OK"))
    #expect(parser.feed("X-Trailer: 1\r\n") == nil)
    #expect(parser.head == head, "a trailer does not change the head")
  }

  @Test func eachResponseStartsOver() {
    let heads = parse(["HTTP/1.1 302 Found\r\n", "Location: /b\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "\r\n"])
    #expect(heads.map(\.status) == [302, 200] && heads[1].fields.isEmpty)
  }

  @Test func bytesAreLatin1() {
    var parser = HTTPHeadParser()
    _ = parser.feed("HTTP/1.1 200 OK\r\n")
    let line: [UInt8] = Array("X-Name: caf".utf8) + [0xE9] + Array("\r\n".utf8)
    _ = line.withUnsafeBytes { parser.feed($0) }
    #expect(parser.feed("\r\n")?["x-name"] == "caf\u{E9}")
  }

  @Test func aBadStatusIsZero() {
    #expect(parse(["HTTP/1.1 abc\r\n", "\r\n"]).first?.status == 0)
  }
}
