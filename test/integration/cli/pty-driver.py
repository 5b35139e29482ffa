"""Runs a command with stdin and stderr on a pseudo-terminal (stdout on a pipe) and plays a script.

Reads a JSON object on stdin: {"argv": [...], "env": {...}, "steps": [{"expect": regex, "send": text}],
"timeoutMs": n}. Each step waits until `expect` matches the terminal output after the previous match, then
types `send`. Prints {"exitCode", "terminal", "stdout", "timedOut", "pendingStep"} as JSON.
"""
import fcntl
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
        os.write(master, steps[step_index]["send"].encode())
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
