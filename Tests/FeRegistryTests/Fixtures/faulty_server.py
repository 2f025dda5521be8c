#!/usr/bin/env python3
"""A registry server that misbehaves on purpose, for fe's registry tests (stdlib only).

usage: faulty_server.py <registry-root> <request-log>

Listens on 127.0.0.1 on a free port and prints the port on its first line of stdout. A request
for /<mode>/<path> serves <registry-root>/<path>, misbehaving as <mode> says. Most modes only
touch the registry's files (*.zst) and serve index.json normally, so the failure happens after
fe has resolved a version:

  ok           serve normally (Range requests get 206)
  drop         the first request for each file sends half the body, then drops the connection
  chunky       every response sends at most 64 KiB of what was asked for, then drops
  slow         send 4 KiB every 50 ms (for kill -9 tests)
  stall        send the headers and 16 bytes, then nothing
  wrongbytes   the right length, but with bytes changed
  wronglength  a Content-Length (and body) 7 bytes shorter than the file
  missing      404 for the files (the index lists files the server lacks)
and, for every path including index.json:
  flaky        500 on the first request for each path, then normal
  ratelimit    429 with Retry-After: 1 on the first request for each path, then normal
  always500    500 every time
  forbidden    403 every time
  loop         302 to itself every time
  elsewhere    302 to the same file under /ok/ on host `localhost` (another host name)
  trickle      the headers, then the body at one byte a second (a slow-retrieval attack)

It is also an HTTP proxy: an absolute-URI request (`GET http://host/…`) is served from the
path as above, and CONNECT opens a tunnel, both recorded. Each request is appended to the
request log as one JSON line: method, path, range, authorization, user-agent, host, proxied.
"""
import http.server
import json
import os
import select
import signal
import socket
import sys
import threading
import time

ROOT = os.path.abspath(sys.argv[1])
LOG = sys.argv[2]
counts = {}
lock = threading.Lock()
FILE_MODES = {"ok", "drop", "chunky", "slow", "stall", "wrongbytes", "wronglength", "missing"}
ALL_MODES = {"flaky", "ratelimit", "always500", "forbidden", "loop", "elsewhere", "trickle"}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def record(self, path, proxied):
        with lock:
            counts[path] = counts.get(path, 0) + 1
            entry = {
                "method": self.command,
                "path": path,
                "range": self.headers.get("Range"),
                "authorization": self.headers.get("Authorization"),
                "userAgent": self.headers.get("User-Agent"),
                "host": self.headers.get("Host"),
                "proxied": proxied,
            }
            with open(LOG, "a") as f:
                f.write(json.dumps(entry) + "\n")
            return counts[path]

    def simple(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def drop(self):
        self.wfile.flush()
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True

    def do_CONNECT(self):
        self.record(self.path, True)
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host, int(port)), timeout=10)
        except OSError:
            self.simple(502)
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        self.wfile.flush()
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 30)
                if not readable:
                    break
                for s in readable:
                    data = s.recv(65536)
                    if not data:
                        raise EOFError
                    (upstream if s is self.connection else self.connection).sendall(data)
        except (EOFError, OSError):
            pass
        upstream.close()
        self.close_connection = True

    def do_GET(self):
        path = self.path
        proxied = False
        if path.startswith("http://"):
            proxied = True
            path = "/" + path.split("/", 3)[3] if path.count("/") >= 3 else "/"
        n = self.record(path, proxied)
        mode, _, rest = path.lstrip("/").partition("/")
        if mode not in FILE_MODES | ALL_MODES or ".." in rest.split("/"):
            return self.simple(404, b"no such mode\n")
        if mode == "flaky" and n == 1:
            return self.simple(500, b"try again\n")
        if mode == "ratelimit" and n == 1:
            return self.simple(429, b"slow down\n", [("Retry-After", "1")])
        if mode == "always500":
            return self.simple(500, b"broken\n")
        if mode == "forbidden":
            return self.simple(403, b"no\n")
        if mode == "loop":
            return self.simple(302, b"", [("Location", path)])
        if mode == "elsewhere":
            port = self.server.server_address[1]
            return self.simple(302, b"", [("Location", f"http://localhost:{port}/ok/{rest}")])
        file = os.path.join(ROOT, rest)
        if not os.path.isfile(file):
            return self.simple(404, b"not found\n")
        with open(file, "rb") as f:
            data = f.read()
        faulty = rest.endswith(".zst")
        if faulty and mode == "missing":
            return self.simple(404, b"not found\n")
        if faulty and mode == "wrongbytes":
            data = bytes(b ^ 0x5A for b in data[:64]) + data[64:]
        if faulty and mode == "wronglength":
            data = data[:-7]

        start = 0
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes=") and rng.endswith("-"):
            start = int(rng[6:-1])
        if start >= len(data) and start > 0:
            return self.simple(416, b"", [("Content-Range", f"bytes */{len(data)}")])
        body = data[start:]
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("ETag", f'"{len(data)}-{int(os.path.getmtime(file))}"')
        self.end_headers()

        if faulty and mode == "drop" and n == 1:
            self.wfile.write(body[: len(body) // 2])
            return self.drop()
        if faulty and mode == "chunky" and len(body) > 65536:
            self.wfile.write(body[:65536])
            return self.drop()
        if faulty and mode == "stall":
            self.wfile.write(body[:16])
            self.wfile.flush()
            time.sleep(3600)
            return
        if mode == "trickle":
            try:
                for i in range(len(body)):
                    self.wfile.write(body[i : i + 1])
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return
        if faulty and mode == "slow":
            for i in range(0, len(body), 4096):
                self.wfile.write(body[i : i + 4096])
                self.wfile.flush()
                time.sleep(0.05)
            return
        self.wfile.write(body)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def exit_with_parent():
    """Leave no server behind when the test runner dies (even by SIGKILL)."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(0.2)
    os._exit(0)


def main():
    # The test runner's threads block most signals and children inherit the mask: unblock.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    threading.Thread(target=exit_with_parent, daemon=True).start()
    server = Server(("127.0.0.1", 0), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
