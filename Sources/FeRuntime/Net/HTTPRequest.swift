import CCurl
import FeNet

/// One HTTP request as fetch hands it to the network thread: what to send and the rules for
/// following redirects, already validated and normalised by fetch.js.
struct HTTPRequest {
  enum Redirect: String {
    case follow, manual, error
  }

  var method: String
  var url: String
  /// Names as JS gave them (lowercase), in order; duplicates allowed.
  var headers: [(name: String, value: String)]
  /// nil: no body. Empty: a body of zero bytes (a POST with `content-length: 0`).
  var body: [UInt8]?
  var redirect: Redirect
  /// From the environment the program sees (`process.env`, not the process's own).
  var proxy: ProxyRule
  /// NODE_EXTRA_CA_CERTS: a PEM file whose certificates are trusted besides the system's.
  var extraCAFile: String?

  /// Redirects followed before failing with "redirect count exceeded" (the fetch standard's 20).
  static let maxRedirects = 20
  static let redirectStatuses: Set<Int> = [301, 302, 303, 307, 308]

  /// The request for the next hop of a followed redirect (fetch standard, "HTTP-redirect fetch"
  /// steps 12–13): 301/302 after POST and 303 after anything but GET/HEAD become a GET without a
  /// body; leaving the origin drops the credentials.
  func redirected(to location: String, status: Int) -> HTTPRequest {
    var next = self
    next.url = location
    if ((status == 301 || status == 302) && method == "POST") || (status == 303 && method != "GET" && method != "HEAD") {
      next.method = "GET"
      next.body = nil
      let bodyHeaders: Set<String> = ["content-encoding", "content-language", "content-location", "content-type", "content-length"]
      next.headers.removeAll { bodyHeaders.contains($0.name) }
    }
    if URLParts(url)?.origin != URLParts(location)?.origin {
      let credentials: Set<String> = ["authorization", "proxy-authorization", "cookie", "host"]
      next.headers.removeAll { credentials.contains($0.name) }
    }
    return next
  }
}

/// The parts of an absolute URL that fetch needs, parsed by libcurl's URL API.
struct URLParts {
  var scheme: String
  /// Without IPv6 brackets, as Node reports addresses.
  var host: String
  var port: Int

  var origin: String { "\(scheme)://\(host):\(port)" }

  init?(_ url: String) {
    guard let h = curl_url() else { return nil }
    defer { curl_url_cleanup(h) }
    guard curl_url_set(h, CURLUPART_URL, url, 0) == CURLUE_OK else { return nil }
    func part(_ p: CURLUPart, _ flags: UInt32 = 0) -> String? {
      var out: UnsafeMutablePointer<CChar>? = nil
      guard curl_url_get(h, p, &out, flags) == CURLUE_OK, let out else { return nil }
      defer { curl_free(out) }
      return String(cString: out)
    }
    guard let scheme = part(CURLUPART_SCHEME), let host = part(CURLUPART_HOST) else { return nil }
    self.scheme = scheme.lowercased()
    self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    port = part(CURLUPART_PORT, UInt32(CURLU_DEFAULT_PORT)).flatMap { Int($0) } ?? 0
  }
}
