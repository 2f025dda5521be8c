import FeNet
import Foundation
import Testing

/// CurlHandle against the loopback stand-in, through libcurl itself.
@Suite("CurlHandle: one easy handle, set up once for every client")
struct CurlHandleTests {
  final class Recorder: CurlReceiver {
    var heads: [HTTPResponseHead] = []
    var body: [UInt8] = []
    func received(head: HTTPResponseHead) -> Bool {
      heads.append(head)
      return true
    }
    func received(body chunk: UnsafeRawBufferPointer) -> Int {
      body += chunk
      return chunk.count
    }
  }

  @Test func aResponseHeadReachesTheReceiver() throws {
    let server = try LoopbackProxy()
    defer { server.stop() }
    let handle = try CurlHandle()
    let recorder = Recorder()
    try handle.prepare(url: server.url + "/x", proxy: ProxyRule(), receiver: recorder)
    #expect(handle.perform() == nil)
    #expect(
      handle.status == 404
        && recorder.heads == [
          HTTPResponseHead(
            status: 404, statusText: "Not Found",
            fields: [
              .init("Content-Length", "0"), .init("Connection", "close"),
            ])
        ])
    #expect(server.requestLines == ["GET /x HTTP/1.1"])
  }

  @Test func theProxyRuleDecidesAndNoProxyBypasses() throws {
    let proxy = try LoopbackProxy()
    defer { proxy.stop() }
    let handle = try CurlHandle()
    let recorder = Recorder()
    try handle.prepare(url: "http://elsewhere.invalid/y", proxy: ProxyRule(env: ["HTTP_PROXY": proxy.url]), receiver: recorder)
    #expect(handle.perform() == nil)
    #expect(proxy.requestLines == ["GET http://elsewhere.invalid/y HTTP/1.1"])
    // The handle is reused; "" for a proxy means none, whatever the process's environment says.
    try handle.prepare(
      url: "http://elsewhere.invalid/y", proxy: ProxyRule(http: proxy.url, noProxy: "elsewhere.invalid"), receiver: recorder)
    #expect(handle.perform()?.kind == .resolveHost)
    #expect(proxy.requestLines.count == 1)
  }

  @Test func aRefusedConnectionIsClassifiedWithItsErrno() throws {
    let closed = try LoopbackProxy()
    let url = closed.url + "/"
    closed.stop()
    let handle = try CurlHandle()
    try handle.prepare(url: url, proxy: ProxyRule(), receiver: Recorder())
    let error = try #require(handle.perform())
    #expect(error.kind == .connect && error.osErrno == ECONNREFUSED, "\(error)")
  }

  @Test func aCABundleIsTheSystemsFollowedByTheExtraFiles() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fe-net-ca-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let system = dir.appendingPathComponent("system.pem").path
    let extra = dir.appendingPathComponent("extra.pem").path
    try "SYSTEM".write(toFile: system, atomically: true, encoding: .utf8)
    try "EXTRA".write(toFile: extra, atomically: true, encoding: .utf8)
    #expect(try CABundle.pem(extra: [extra], systemFile: system) == Array("SYSTEM\nEXTRA\n".utf8))
    let missing = dir.appendingPathComponent("missing.pem").path
    #expect(throws: CABundle.Unreadable.self) { try CABundle.pem(extra: [extra, missing], systemFile: system) }
    #expect(try CurlHandle().defaultCAFile != nil, "libcurl names its default CA file")
  }
}
