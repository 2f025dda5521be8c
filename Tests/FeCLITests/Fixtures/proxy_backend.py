#!/usr/bin/env python3
"""The backend behind `fe d`'s proxy in DevServerTests: prints its port, then answers
  /api/echo    201 + JSON of what arrived (method, path, body, x-test header) and x-backend: echo
  /api/stream  "first" now, "second" only once the file named by argv[1] exists (so a test can
               prove the proxy streamed the first chunk before the backend finished)
It exits when its stdin closes (the test process ended) or after 120 s."""
import http.server, json, os, sys, threading, time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        if self.path.startswith("/api/stream"):
            self.send_response(200)
            self.send_header("content-type", "text/plain")
            self.send_header("transfer-encoding", "chunked")
            self.end_headers()
            self.chunk(b"first\n")
            deadline = time.time() + 30
            while not os.path.exists(sys.argv[1]) and time.time() < deadline:
                time.sleep(0.01)
            self.chunk(b"second\n")
            self.chunk(b"")
            return
        payload = json.dumps({"method": self.command, "path": self.path, "body": body,
                              "xTest": self.headers.get("x-test"), "host": self.headers.get("host")}).encode()
        self.send_response(201)
        self.send_header("content-type", "application/json")
        self.send_header("x-backend", "echo")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    do_GET = do_POST = do_PUT = do_DELETE = answer


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()
time.sleep(120)
