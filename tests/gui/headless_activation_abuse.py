#!/usr/bin/python3
"""Abuse during a running browser activation, against the real openausweis --headless (automatic
mode) and a slow simulation world (every eService/eID-Server answer waits, so the flow is in
progress for seconds): while the first activation holds its browser connection, a second
activation and an SDK client get 409, a foreign Host gets 403, 300 idle connections and a
slow-loris client are open, and ?Status still answers; then the first activation ends with 303 to
ResultMajor=ok. Afterwards, while an SDK client is connected, an activation gets 409.

usage: headless_activation_abuse.py OPENAUSWEIS OPENAUSWEIS_SIM"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

from child_log import appending

app, sim = sys.argv[1], sys.argv[2]
scratch = tempfile.mkdtemp(prefix="oa-abuse-")
processes = []


def start(args, env=None):
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(args, stdout=appending(log), stderr=subprocess.STDOUT, env=env)
    processes.append((process, log))
    return log


def stop_all():
    for process, _ in processes:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
    shutil.rmtree(scratch, ignore_errors=True)


def fail(why):
    for process, log in processes:
        log.seek(0)
        print(f"--- {process.args[0]} ---")
        print(log.read()[-6000:])
    stop_all()
    print("FAILED:", why)
    sys.exit(1)


def logged(log, pattern, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        log.seek(0)
        found = re.search(pattern, log.read())
        if found:
            return found
        time.sleep(0.05)
    fail(f"never logged: {pattern}")


# Every HTTP answer of the world waits 3 s: the activation's TC token, PAOS rounds and refresh.
state = os.path.join(scratch, "world")
world = start([sim, "up", "--state", state, "--card", "inprocess", "--slow", "3000"])
token_url = logged(world, r"TC token:\s+(\S+)").group(1)
logged(world, r"\bready\b")

env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
env.update(OPENAUSWEIS_AUTOMATIC_PIN="123456", OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE="1",
           OPENAUSWEIS_CA_FILE=os.path.join(state, "tls-ca.pem"),
           HOME=os.path.join(scratch, "home"), XDG_CONFIG_HOME=os.path.join(scratch, "config"))
app_log = start([app, "--headless", "--port", "0"], env)
port = int(logged(app_log, r"listening on http://127\.0\.0\.1:(\d+)/").group(1))
activation = "/eID-Client?tcTokenURL=" + urllib.parse.quote(token_url, safe="")


def request(target, host=None, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
                  "Connection: close\r\n\r\n".encode())
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    return answer.decode("latin-1")


def sdk_client():
    """Opens the SDK WebSocket (handshake only); gives the HTTP status and the open socket."""
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(f"GET /eID-Kernel HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
              "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        chunk = s.recv(4096)
        if not chunk:
            break
        head += chunk
    return int(head[9:12] or b"0"), s


def final_status(answer):
    last = answer.split("HTTP/1.1 ")[-1]
    return int(last[:3]), last


first = socket.create_connection(("127.0.0.1", port), timeout=120)
first.sendall(f"GET {activation} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
interim = b""
while b"\r\n\r\n" not in interim:
    chunk = first.recv(4096)
    if not chunk:
        fail("the first activation closed before 102 Processing")
    interim += chunk
if not interim.startswith(b"HTTP/1.1 102"):
    fail(f"the first activation did not start: {interim[:80]!r}")

idle = [socket.create_connection(("127.0.0.1", port), timeout=10) for _ in range(300)]
loris = socket.create_connection(("127.0.0.1", port), timeout=10)
loris.sendall(f"GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0".encode())  # never finished

status, page = final_status(request(activation))
if status != 409:
    fail(f"a second activation during the first got {status}, not 409")
status, sdk = sdk_client()
sdk.close()
if status != 409:
    fail(f"an SDK client during the activation got {status}, not 409")
status, _ = final_status(request("/eID-Client?Status", host="attacker.example"))
if status != 403:
    fail(f"a foreign Host got {status}, not 403")
status, text = final_status(request("/eID-Client?Status"))
if status != 200 or "TR-03124" not in text:
    fail(f"?Status during the flow: {status}")

answer = b""
while chunk := first.recv(65536):  # the app closes after the final answer
    answer += chunk
status, final = final_status((interim + answer).decode("latin-1"))
location = re.search(r"^Location: (\S+)", final, re.M)
if status != 303 or not location or "ResultMajor=ok" not in location.group(1):
    fail(f"the first activation did not survive: {status} {final[:300]}")

for s in idle + [loris, first]:
    s.close()

# The other way round: while an SDK client holds the app, a browser activation does not start.
status, sdk = sdk_client()
if status != 101:
    fail(f"the SDK client after the activation got {status}, not 101")
status, page = final_status(request(activation))
if status != 409:
    fail(f"an activation while an SDK client is connected got {status}, not 409")
sdk.close()
stop_all()
print("during a running activation: second activation 409, SDK client 409, foreign Host 403, "
      "?Status 200 with 300 idle connections and a slow-loris client; the first activation ended "
      "with 303 ResultMajor=ok; an activation while an SDK client is connected 409")
