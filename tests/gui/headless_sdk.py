#!/usr/bin/python3
"""openausweis --headless serves the SDK on ws://127.0.0.1:PORT/eID-Kernel: INFO, the reader list
with the Simulator, a whole RUN_CHANGE_PIN against the simulator card, one client at a time, and
no browser page (Origin header) unless allowed."""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

import websocket

from child_log import appending

app = sys.argv[1]
log = tempfile.TemporaryFile(mode="w+")
env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
env.pop("OPENAUSWEIS_WEBSOCKET_ORIGIN", None)
env.pop("AUSWEISAPP_WEBSOCKET_ORIGIN", None)
process = subprocess.Popen([app, "--headless", "--port", "0"], stderr=appending(log), env=env)


def fail(why):
    log.seek(0)
    print(log.read())
    print("FAILED:", why)
    process.terminate()
    sys.exit(1)


port = None
for _ in range(200):
    log.seek(0)
    found = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", log.read())
    if found:
        port = found.group(1)
        break
    time.sleep(0.05)
if not port:
    fail("no port logged")
url = f"ws://127.0.0.1:{port}/eID-Kernel"


def expect(ws, msg):
    while True:
        answer = json.loads(ws.recv())
        if answer.get("msg") == msg:
            return answer
        if answer.get("msg") in ("BAD_STATE", "INVALID", "INTERNAL_ERROR", "UNKNOWN_COMMAND"):
            fail(f"waiting for {msg}: {answer}")


ws = websocket.create_connection(url, suppress_origin=True, timeout=30)
ws.send(json.dumps({"cmd": "GET_INFO"}))
info = expect(ws, "INFO")
if info["VersionInfo"]["Name"] != "OpenAusweis":
    fail(f"INFO: {info}")
ws.send(json.dumps({"cmd": "GET_READER_LIST"}))
readers = expect(ws, "READER_LIST")["readers"]
if not any(r["name"] == "Simulator" and r["card"]["retryCounter"] == 3 for r in readers):
    fail(f"no Simulator card in {readers}")

try:
    websocket.create_connection(url, suppress_origin=True, timeout=5)
    fail("a second client was accepted")
except websocket.WebSocketBadStatusException as refused:
    if refused.status_code != 429:
        fail(f"second client: {refused.status_code}, expected 429")

ws.send(json.dumps({"cmd": "RUN_CHANGE_PIN"}))
expect(ws, "CHANGE_PIN")
expect(ws, "ENTER_PIN")
ws.send(json.dumps({"cmd": "SET_PIN", "value": "123456"}))
expect(ws, "ENTER_NEW_PIN")
ws.send(json.dumps({"cmd": "SET_NEW_PIN", "value": "654321"}))
result = expect(ws, "CHANGE_PIN")
if result.get("success") is not True:
    fail(f"CHANGE_PIN: {result}")
ws.close()

time.sleep(0.2)
try:
    websocket.create_connection(url, origin="https://shop.example", timeout=5)
    fail("a page from another origin was accepted")
except websocket.WebSocketBadStatusException as refused:
    if refused.status_code != 403:
        fail(f"foreign origin: {refused.status_code}, expected 403")

process.terminate()
if process.wait(timeout=10) != 0:
    fail("no orderly stop")
print("SDK over the headless app: INFO, READER_LIST, RUN_CHANGE_PIN, 429, 403 as expected")
