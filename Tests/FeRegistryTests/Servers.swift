// Real servers the tests start and stop themselves on 127.0.0.1: Debian's nginx serving a
// registry tree over HTTP and HTTPS, and Fixtures/faulty_server.py for everything that must go wrong.
import FeBasics
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A port nothing listens on right now (the kernel's pick for port 0).
func freePort() throws -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { throw TestFailure("socket failed") }
  defer { close(fd) }
  var addr = sockaddr_in()
  addr.sin_family = sa_family_t(AF_INET)
  addr.sin_addr.s_addr = inet_addr("127.0.0.1")
  addr.sin_port = 0
  var len = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &addr) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) == 0 && getsockname(fd, $0, &len) == 0 }
  }
  guard bound else { throw TestFailure("bind failed") }
  return Int(UInt16(bigEndian: addr.sin_port))
}

/// Whether something accepts connections on 127.0.0.1:`port`.
func isListening(_ port: Int) -> Bool {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard fd >= 0 else { return false }
  defer { close(fd) }
  var addr = sockaddr_in()
  addr.sin_family = sa_family_t(AF_INET)
  addr.sin_addr.s_addr = inet_addr("127.0.0.1")
  addr.sin_port = UInt16(port).bigEndian
  return withUnsafePointer(to: &addr) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
  }
}

/// A certificate authority made for one test, and a server certificate it signed for
/// `localhost` (only: so https://127.0.0.1 is a name mismatch).
struct TestCA {
  let dir: String
  var caCert: String { dir + "/ca.pem" }
  var serverCert: String { dir + "/server.pem" }
  var serverKey: String { dir + "/server.key" }

  init(in dir: String) throws {
    self.dir = dir
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    try Data("subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n".utf8)
      .write(to: URL(fileURLWithPath: dir + "/server.ext"))
    let steps: [[String]] = [
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=fe test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
      ],
      [
        "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key", "-out", "server.csr",
        "-subj", "/CN=localhost",
      ],
      [
        "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
        "-days", "2", "-extfile", "server.ext",
      ],
    ]
    for args in steps {
      let r = try Proc.run("/usr/bin/openssl", args, cwd: dir)
      guard r.exited(0) else { throw TestFailure("openssl \(args[0]) failed: \(r)") }
    }
  }
}

/// nginx serving `root` on a free port (and over TLS with `ca`'s server certificate on another),
/// in the foreground with a private prefix; stopped by `stop()` or when released.
final class Nginx: @unchecked Sendable {
  let port: Int
  let tlsPort: Int?
  let dir: TempDir
  private var running: Proc.Running?

  var url: String { "http://127.0.0.1:\(port)" }
  /// By name, so the certificate's DNS name matches.
  var tlsURL: String { "https://localhost:\(tlsPort ?? 0)" }

  /// `locations` is extra nginx config inside each server block.
  init(root: String, ca: TestCA? = nil, locations: String = "") throws {
    dir = TempDir("nginx")
    for attempt in 0..<5 {
      let port = try freePort()
      let tlsPort = ca == nil ? nil : try freePort()
      let conf = Self.config(dir: dir.path, root: root, port: port, tlsPort: tlsPort, ca: ca, locations: locations)
      try Data(conf.utf8).write(to: URL(fileURLWithPath: dir.path + "/nginx.conf"))
      // Under orphan_guard.py, so nginx goes when the test process does, even if it is killed.
      let process = try Proc.start(
        "/usr/bin/env", ["python3", Repo.fixtures + "/orphan_guard.py", "/usr/sbin/nginx", "-p", dir.path, "-c", dir.path + "/nginx.conf"])
      let ready = waitUntil(10) { isListening(port) && (tlsPort.map(isListening) ?? true) || !process.process.isRunning }
      if ready && process.process.isRunning {
        self.port = port
        self.tlsPort = tlsPort
        running = process
        return
      }
      // Most likely another process took the port in between: try other ports.
      kill(process.pid, SIGTERM)
      let result = process.wait()
      if attempt == 4 { throw TestFailure("nginx did not start: \(result)") }
    }
    throw TestFailure("nginx did not start")
  }

  func stop() {
    guard let running else { return }
    // The guard passes SIGTERM on to nginx and exits with it.
    kill(running.pid, SIGTERM)
    _ = running.wait(timeLimit: 10)
    self.running = nil
    dir.remove()
  }

  deinit { stop() }

  /// The request lines nginx logged (method, path, status), one per request.
  var accessLog: [String] {
    ((try? String(contentsOfFile: dir.path + "/access.log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
  }

  private static func config(dir: String, root: String, port: Int, tlsPort: Int?, ca: TestCA?, locations: String) -> String {
    var tls = ""
    if let tlsPort, let ca {
      tls = """
          server {
            listen 127.0.0.1:\(tlsPort) ssl;
            server_name localhost;
            ssl_certificate \(ca.serverCert);
            ssl_certificate_key \(ca.serverKey);
            root \(root);
            \(locations)
          }
        """
    }
    return """
      daemon off;
      master_process off;
      worker_processes 1;
      pid \(dir)/nginx.pid;
      error_log \(dir)/error.log warn;
      events { worker_connections 256; }
      http {
        access_log \(dir)/access.log;
        client_body_temp_path \(dir)/body;
        proxy_temp_path \(dir)/proxy;
        fastcgi_temp_path \(dir)/fastcgi;
        uwsgi_temp_path \(dir)/uwsgi;
        scgi_temp_path \(dir)/scgi;
        default_type application/octet-stream;
        sendfile on;
        server {
          listen 127.0.0.1:\(port);
          root \(root);
          \(locations)
        }
      \(tls)
      }
      """
  }
}

/// Fixtures/faulty_server.py over `root`: `url(mode)` is the registry URL that misbehaves as `mode`.
/// (A server, not a run to capture: it keeps its own Process to read the port it prints first
/// while it runs, which FeTestSupport's file capture cannot give.)
final class FaultyServer: @unchecked Sendable {
  let port: Int
  let dir: TempDir
  private let process: Process

  init(root: String) throws {
    dir = TempDir("faulty")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", Repo.fixtures + "/faulty_server.py", root, dir.path + "/requests.log"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    self.process = process
    // The server prints its port once it listens.
    var line = Data()
    while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
      line.append(byte)
    }
    guard let port = Int(String(decoding: line, as: UTF8.self)) else {
      process.terminate()
      throw TestFailure("faulty_server.py did not start")
    }
    self.port = port
  }

  func url(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)" }

  /// Every request so far, oldest first.
  var requests: [[String: Any]] {
    let text = (try? String(contentsOfFile: dir.path + "/requests.log", encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
  }

  /// Requests whose path ends with `suffix`.
  func requests(endingWith suffix: String) -> [[String: Any]] {
    requests.filter { ($0["path"] as? String)?.hasSuffix(suffix) == true }
  }

  func stop() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    dir.remove()
  }

  deinit { stop() }
}
