#!/usr/bin/python3
"""Browser end to end: headless Chromium, driven through the DevTools protocol, opens the demo
eService's login page (openausweis-sim up), really clicks "Log in with ID card", and the headless
app in automatic mode authenticates with its in-process virtual card. Three runs:
  - the right PIN: the browser lands on the refresh page with ResultMajor=ok and the person;
  - consent refused (OPENAUSWEIS_AUTOMATIC_REFUSE_CONSENT=1): the eService page shows the error;
  - a wrong PIN: the eService page shows the error.
The page links the standard port 24727; the test rewrites the link's port to the app's (--port 0)
before the click. Every wait polls against a deadline; nothing asserts on elapsed time.

usage: headless_chromium_login.py OPENAUSWEIS OPENAUSWEIS_SIM [CHROMIUM]"""
import base64
import hashlib
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import websocket  # Debian's python3-websocket

from child_log import appending

app, sim = sys.argv[1], sys.argv[2]
chromium = sys.argv[3] if len(sys.argv) > 3 else shutil.which("chromium")
if not chromium:
    print("FAILED: chromium is not installed (scripts/debian-packages.txt lists it)")
    sys.exit(1)

scratch = tempfile.mkdtemp(prefix="oa-chromium-")
processes = []


def start(args, env=None):
    log = tempfile.TemporaryFile(mode="w+")
    process = subprocess.Popen(args, stdout=appending(log), stderr=subprocess.STDOUT, env=env)
    processes.append((process, log))
    return process, log


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def fail(why):
    for process, log in processes:
        log.seek(0)
        print(f"--- {process.args[0]} ---")
        print(log.read()[-6000:])
        stop(process)
    shutil.rmtree(scratch, ignore_errors=True)
    print("FAILED:", why)
    sys.exit(1)


def poll(what, check, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    fail(f"gave up waiting for {what}")


def logged(log, pattern):
    def check():
        log.seek(0)
        return re.search(pattern, log.read())

    return poll(f"log line {pattern}", check)


# --- the world: demo eService and eID-Server ------------------------------------------------
state = os.path.join(scratch, "world")
_, world_log = start([sim, "up", "--state", state, "--card", "inprocess"])
login_url = logged(world_log, r"demo eService:\s+(\S+)").group(1)
logged(world_log, r"\bready\b")
ca_file = os.path.join(state, "tls-ca.pem")

# Chromium trusts exactly the eService's certificate (its key), nothing else of the test CA.
host = urllib.parse.urlsplit(login_url)


def der_elements(data):
    """The (tag, encoded element) pairs of a DER sequence's content."""
    offset = 0
    while offset < len(data):
        tag, length, start = data[offset], data[offset + 1], offset + 2
        if length & 0x80:
            count = length & 0x7F
            length, start = int.from_bytes(data[start:start + count], "big"), start + count
        yield tag, data[offset:start + length], data[start:start + length]
        offset = start + length


leaf = ssl.PEM_cert_to_DER_cert(ssl.get_server_certificate((host.hostname, host.port)))
_, _, certificate = next(der_elements(leaf))
_, _, tbs = next(der_elements(certificate))
fields = [element for tag, element, _ in der_elements(tbs) if tag != 0xA0]  # skip [0] version
spki = fields[5]  # serial, signature, issuer, validity, subject, subjectPublicKeyInfo
spki_hash = base64.b64encode(hashlib.sha256(spki).digest()).decode()

# --- the browser ---------------------------------------------------------------------------
profile = os.path.join(scratch, "chromium")
browser, _ = start([
    chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
    "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
    f"--user-data-dir={profile}", f"--ignore-certificate-errors-spki-list={spki_hash}",
    "about:blank"])
active_port_file = os.path.join(profile, "DevToolsActivePort")
poll("DevToolsActivePort", lambda: os.path.exists(active_port_file)
     and len(open(active_port_file).read().split()) >= 2)
devtools_port = open(active_port_file).read().split()[0]


def page_target():
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{devtools_port}/json/list", timeout=5) as r:
            targets = json.load(r)
    except OSError:
        return None
    pages = [t for t in targets if t.get("type") == "page"]
    return pages[0]["webSocketDebuggerUrl"] if pages else None


devtools = websocket.create_connection(poll("a page target", page_target), timeout=30,
                                       suppress_origin=True)
next_id = 0


def call(method, **params):
    global next_id
    next_id += 1
    devtools.send(json.dumps({"id": next_id, "method": method, "params": params}))
    while True:
        message = json.loads(devtools.recv())
        if message.get("id") == next_id:
            if "error" in message:
                fail(f"{method}: {message['error']}")
            return message.get("result", {})


def evaluate(expression):
    result = call("Runtime.evaluate", expression=expression, returnByValue=True)
    if "exceptionDetails" in result:
        return None  # e.g. the page is between documents
    return result["result"].get("value")


def text_of(element_id):
    return evaluate(f"(document.getElementById('{element_id}') || {{}}).textContent || ''")


# --- one login per app run -----------------------------------------------------------------
def log_in(pin, refuse_consent=False):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(OPENAUSWEIS_AUTOMATIC_PIN=pin, OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE="1",
               OPENAUSWEIS_CA_FILE=ca_file, HOME=os.path.join(scratch, "home"),
               XDG_CONFIG_HOME=os.path.join(scratch, "config"))
    if refuse_consent:
        env["OPENAUSWEIS_AUTOMATIC_REFUSE_CONSENT"] = "1"
    process, log = start([app, "--headless", "--port", "0"], env)
    app_port = logged(log, r"listening on http://127\.0\.0\.1:(\d+)/").group(1)

    call("Page.navigate", url=login_url)
    poll("the login page", lambda: evaluate(
        "document.readyState === 'complete' && !!document.getElementById('login')"))
    href = evaluate("document.getElementById('login').href")
    if not href or "127.0.0.1:24727/eID-Client?tcTokenURL=" not in href:
        fail(f"the login link is not the local eID-Client's: {href}")
    evaluate("document.getElementById('login').href = document.getElementById('login').href"
             f".replace('127.0.0.1:24727', '127.0.0.1:{app_port}')")
    box = evaluate("(() => { const r = document.getElementById('login').getBoundingClientRect();"
                   " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left",
             clickCount=1)

    def landed():
        location = evaluate("document.readyState === 'complete' ? location.href : ''") or ""
        if not location.startswith(login_url.rstrip("/")) or "ResultMajor=" not in location:
            return None
        result = text_of("browser-result")
        return (location, result) if result else None

    location, result = poll("the eService's page after the activation", landed, seconds=90)
    page = evaluate("document.body.innerText") or ""
    stop(process)
    return location, result, text_of("status"), page


location, result, status, page = log_in("123456")
if "/refresh" not in location or result.strip() != "ResultMajor=ok":
    fail(f"right PIN: landed on {location} with {result!r}")
if status != "ok" or "MUSTERMANN" not in page:
    fail(f"right PIN: the refresh page does not show success and the person: {page}")
print("right PIN:", location.split("?")[0], "|", result, "| status", status)

location, result, status, page = log_in("123456", refuse_consent=True)
if ("ResultMajor=error ResultMinor=cancellationByUser" not in result or status != "error"
        or "MUSTERMANN" in page):
    fail(f"consent refused: landed on {location} with {result!r}: {page}")
print("consent refused:", location.split("?")[0], "|", result, "| status", status)

location, result, status, page = log_in("000000")
if ("ResultMajor=error ResultMinor=clientError" not in result or status != "error"
        or "refused the PIN" not in page or "MUSTERMANN" in page):
    fail(f"wrong PIN: landed on {location} with {result!r}: {page}")
print("wrong PIN:", location.split("?")[0], "|", result, "| status", status)

devtools.close()
for process, _ in processes:
    stop(process)
shutil.rmtree(scratch, ignore_errors=True)
print("Chromium: login with the ID card succeeded; consent refused and wrong PIN show the error")
