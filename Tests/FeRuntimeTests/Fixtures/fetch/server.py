#!/usr/bin/env python3
"""HTTP(S) server for FetchTests. Binds 127.0.0.1 on a free port and prints
"PORT <n> CLOSED <m>" once it listens, where <m> is a port nothing listens on (for "connection
refused"). `--tls CERT KEY` serves HTTPS. Runs until its stdin closes, i.e. until the test ends."""
import gzip
import http.server
import json
import socket
import socketserver
import ssl
import sys
import threading
import time
from urllib.parse import parse_qs, urlsplit


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", headers=(), reason=None):
        self.send_response(status, reason)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def handle_any(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        path = url.path
        if path == "/text":
            self.send(200, b"hello from the server\n", [("Content-Type", "text/plain; charset=utf-8")])
        elif path == "/json":
            body = json.dumps({"name": "fe", "list": [1, 2, 3], "nested": {"ok": True, "none": None}}).encode()
            self.send(200, body, [("Content-Type", "application/json")])
        elif path == "/echo":
            data = self.body()
            echo = {
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": data.decode("utf-8", "replace"),
                "length": len(data),
            }
            self.send(200, json.dumps(echo).encode(), [("Content-Type", "application/json")])
        elif path.startswith("/status/"):
            code = int(path.split("/")[2])
            self.send(code, b"" if code in (204, 304) else ("status %d\n" % code).encode(), [("Content-Type", "text/plain")])
        elif path.startswith("/redirect/"):
            # /redirect/<code>?to=<location>
            code = int(path.split("/")[2])
            self.body()
            self.send(code, b"redirecting", [("Location", query.get("to", ["/text"])[0])])
        elif path.startswith("/chain/"):
            # /chain/<n> redirects n times before landing on /echo
            n = int(path.split("/")[2])
            self.send(302, b"", [("Location", "/chain/%d" % (n - 1) if n > 1 else "/echo")])
        elif path == "/loop":
            self.send(302, b"", [("Location", "/loop")])
        elif path == "/cookies":
            self.send(200, b"ok", [("Set-Cookie", "a=1; Path=/"), ("Set-Cookie", "b=2"), ("X-Multi", "one"), ("X-Multi", "two")])
        elif path == "/gzip":
            self.send(200, gzip.compress(b"compressed text " * 100), [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")])
        elif path == "/big":
            # /big?n=<bytes>: a chunked body of n bytes, a repeating alphabet, 64 KiB per chunk
            n = int(query.get("n", ["1048576"])[0])
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            pattern = bytes(range(97, 123)) * 2522  # 65572 bytes: any 64 KiB slice starting in the first 26
            sent = 0
            while sent < n:
                size = min(65536, n - sent)
                self.chunk(pattern[sent % 26 : sent % 26 + size])
                sent += size
            self.wfile.write(b"0\r\n\r\n")
        elif path == "/stall":
            # headers and a first chunk, then nothing until the client gives up
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self.chunk(b"first part\n")
            self.wait_for_disconnect()
        elif path == "/stall-head":
            self.wait_for_disconnect()
        elif path == "/drop":
            # promises 100 bytes, sends 10 and closes
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"0123456789")
            self.wfile.flush()
            self.close_connection = True
        else:
            self.send(404, b"no such path\n", [("Content-Type", "text/plain")])

    def wait_for_disconnect(self):
        self.connection.settimeout(30)
        try:
            self.connection.recv(1)
        except OSError:
            pass
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up early (cancelled bodies, aborts) are part of the tests


def main():
    server = Server(("127.0.0.1", 0), Handler)
    if len(sys.argv) == 4 and sys.argv[1] == "--tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(sys.argv[2], sys.argv[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # A port nothing listens on, for "connection refused".
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    closed = probe.getsockname()[1]
    probe.close()
    print("PORT %d CLOSED %d" % (server.server_address[1], closed), flush=True)
    sys.stdin.read()  # until the test closes our stdin or exits


main()
