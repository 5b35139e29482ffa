"""Runs a command with stdin and stderr on a pseudo-terminal (stdout on a pipe) and plays a script.

Reads a JSON object on stdin: {"argv": [...], "env": {...}, "steps": [step, ...], "timeoutMs": n}. Each step
waits until its `expect` regex matches the terminal output after the previous match, then types `send`, or,
like an authenticator app, the current TOTP code (RFC 6238, SHA-1, 6 digits, 30 s) for `totpSecret` or for
the secret captured by the first group of `expect` when `totpFromMatch` is true, followed by Enter.
Prints {"exitCode", "terminal", "stdout", "timedOut", "pendingStep"} as JSON.
"""
import base64
import fcntl
import hashlib
import hmac
import struct
import json
import os
import pty
import re
import select
import signal
import subprocess
import sys
import termios
import time

config = json.load(sys.stdin)


def totp(secret):
    """The current code, waiting out the last 3 seconds of a period so the server sees the same one."""
    while 30 - time.time() % 30 < 3:
        time.sleep(0.2)
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (value % 1000000)


def answer(step, match):
    if step.get("totpFromMatch"):
        return totp(match.group(1)) + "\r"
    if "totpSecret" in step:
        return totp(step["totpSecret"]) + "\r"
    return step["send"]

master, slave = pty.openpty()


def controlling_terminal():
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


proc = subprocess.Popen(
    config["argv"],
    stdin=slave,
    stdout=subprocess.PIPE,
    stderr=slave,
    env=config["env"],
    preexec_fn=controlling_terminal,
    close_fds=True,
)
os.close(slave)

terminal = b""
stdout = b""
steps = config.get("steps", [])
step_index = 0
search_from = 0
deadline = time.monotonic() + config.get("timeoutMs", 20000) / 1000
timed_out = False
open_fds = {master: "terminal", proc.stdout.fileno(): "stdout"}

while open_fds:
    if time.monotonic() > deadline:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        break
    ready, _, _ = select.select(list(open_fds), [], [], 0.05)
    for fd in ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            del open_fds[fd]
            continue
        if open_fds[fd] == "terminal":
            terminal += chunk
        else:
            stdout += chunk
    while step_index < len(steps):
        text = terminal.decode("utf-8", "replace")
        match = re.search(steps[step_index]["expect"], text[search_from:])
        if not match:
            break
        search_from += match.end()
        os.write(master, answer(steps[step_index], match).encode())
        step_index += 1
    if proc.poll() is not None and master in open_fds:
        # The child is gone: drain what is left of the terminal, then stop reading it.
        ready, _, _ = select.select([master], [], [], 0.1)
        if not ready:
            del open_fds[master]

proc.wait()
print(
    json.dumps(
        {
            "exitCode": proc.returncode,
            "terminal": terminal.decode("utf-8", "replace"),
            "stdout": stdout.decode("utf-8", "replace"),
            "timedOut": timed_out,
            "pendingStep": steps[step_index]["expect"] if step_index < len(steps) else None,
        }
    )
)
