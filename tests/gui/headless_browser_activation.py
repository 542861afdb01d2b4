#!/usr/bin/python3
"""The browser's activation through openausweis --headless in automatic mode, against the local
world (openausweis-sim up, card in the app's Simulator reader): GET /eID-Client?tcTokenURL=… ends
with 303 to the eService's refresh page with ResultMajor=ok, and that page shows the person.
With a wrong PIN the browser is sent back with ResultMajor=error instead."""
import os
import re
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import socket

from child_log import appending

app, sim = sys.argv[1], sys.argv[2]
state = tempfile.mkdtemp()
processes = []


def start(args, env=None):
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(args, stdout=appending(log), stderr=subprocess.STDOUT, env=env)
    processes.append((process, log))
    return log


def wait_for(log, pattern):
    for _ in range(400):
        log.seek(0)
        found = re.search(pattern, log.read())
        if found:
            return found
        time.sleep(0.05)
    fail(f"never logged: {pattern}")


def fail(why):
    for process, log in processes:
        log.seek(0)
        print(log.read())
        process.terminate()
    print("FAILED:", why)
    sys.exit(1)


world = start([sim, "up", "--state", state, "--card", "inprocess"])
token_url = wait_for(world, r"TC token:\s+(\S+)").group(1)
wait_for(world, r"\bready\b")
ca_file = os.path.join(state, "tls-ca.pem")


def activate(pin):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(OPENAUSWEIS_AUTOMATIC_PIN=pin, OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE="1",
               OPENAUSWEIS_CA_FILE=ca_file)
    log = start([app, "--headless", "--port", "0"], env)
    port = wait_for(log, r"listening on http://127\.0\.0\.1:(\d+)/").group(1)
    target = "/eID-Client?tcTokenURL=" + urllib.parse.quote(token_url, safe="")
    with socket.create_connection(("127.0.0.1", int(port)), timeout=60) as browser:
        browser.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        answer = b""
        while chunk := browser.recv(65536):  # the app closes after the final answer
            answer += chunk
    processes[-1][0].terminate()
    processes[-1][0].wait(timeout=10)
    # The interim "102 Processing" comes first; the final answer is the last status line.
    final = answer.decode("latin-1").split("HTTP/1.1 ")[-1]
    status = int(final[:3])
    location = re.search(r"^Location: (\S+)", final, re.M)
    return status, location.group(1) if location else ""


status, location = activate("123456")
if status != 303 or "ResultMajor=ok" not in location:
    fail(f"activation with the right PIN: {status} {location}")
context = ssl.create_default_context(cafile=ca_file)
page = urllib.request.urlopen(location, context=context, timeout=30).read().decode()
if "MUSTERMANN" not in page:
    fail("the refresh page does not show the person")

status, location = activate("000000")
if status != 303 or "ResultMajor=error" not in location:
    fail(f"activation with a wrong PIN: {status} {location}")

for process, _ in processes:
    process.terminate()
print("browser activation: ResultMajor=ok with the person on the refresh page; wrong PIN -> error")
