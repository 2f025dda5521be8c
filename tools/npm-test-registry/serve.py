#!/usr/bin/env python3
"""serve.py <registry dir> <state dir> [token]: serves a tree made by build.py with nginx on a free
127.0.0.1 port. Prints the registry URL once nginx accepts connections, then stays in the
foreground as nginx's guard: SIGTERM/SIGINT stop both, and nginx goes too when this process's
parent (a test run) goes away, so a killed test leaves no server behind. nginx's access log
(<state dir>/access.log) has one line per request: method, path, status, Authorization, If-None-Match, Range."""
import os
import signal
import socket
import subprocess
import sys
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def main():
    root, state = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    token = sys.argv[3] if len(sys.argv) > 3 else "fe-test-token"
    os.makedirs(state, exist_ok=True)
    # A test runner's threads block most signals, and children inherit the mask.
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    parent = os.getppid()
    template = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "nginx.conf.in")).read()
    for _ in range(5):
        port = free_port()
        conf = os.path.join(state, "nginx.conf")
        with open(conf, "w") as f:
            f.write(template.replace("@PORT@", str(port)).replace("@ROOT@", root).replace("@DIR@", state)
                    .replace("@TOKEN@", token))
        nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", state, "-c", conf], restore_signals=True)
        deadline = time.time() + 10
        while time.time() < deadline and nginx.poll() is None and not listening(port):
            time.sleep(0.02)
        if nginx.poll() is None and listening(port):
            break
        nginx.kill()
        nginx.wait()
    else:
        sys.exit("serve.py: nginx did not start (see %s/error.log)" % state)
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda s, f: nginx.send_signal(signal.SIGTERM))
    print(f"http://127.0.0.1:{port}", flush=True)
    while nginx.poll() is None:
        if os.getppid() != parent:
            nginx.kill()
            nginx.wait()
            sys.exit(1)
        time.sleep(0.2)
    sys.exit(0)


if __name__ == "__main__":
    main()
