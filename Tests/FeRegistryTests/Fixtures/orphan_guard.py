#!/usr/bin/env python3
"""orphan_guard.py <command> [args…]: runs the command and kills it when this process's parent
(the test runner) goes away, so a killed or crashed test run leaves no server behind. Exits
with the command's status; SIGTERM/SIGINT are passed on."""
import os
import signal
import subprocess
import sys
import time

# The test runner's threads block most signals, and a spawned child inherits that mask:
# unblock them here, so this guard and its command can be stopped with SIGTERM.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
parent = os.getppid()
child = subprocess.Popen(sys.argv[1:], restore_signals=True)
for sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(sig, lambda s, f: child.send_signal(s))
while child.poll() is None:
    if os.getppid() != parent:
        child.kill()
        child.wait()
        sys.exit(1)
    time.sleep(0.2)
sys.exit(child.returncode)
