#!/usr/bin/python3
"""The window app as a user's session sees it (offscreen): its log file under OPENAUSWEIS_LOG_DIR,
?ShowUI=<module> opening the screen, a second start handing over without touching the running
app's log, and SIGTERM ending it.  Usage: app_shell.py OPENAUSWEIS"""
import os
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

app = sys.argv[1]
scratch = pathlib.Path(tempfile.mkdtemp(prefix="oa-shell-"))
log_dir = scratch / "log"
env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(scratch),
           XDG_CONFIG_HOME=str(scratch / "config"), XDG_RUNTIME_DIR=str(scratch),
           OPENAUSWEIS_LOG_DIR=str(log_dir))
log_file = log_dir / "openausweis.log"


def wait_for(pattern, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log_file.read_text() if log_file.exists() else ""
        found = re.search(pattern, text)
        if found:
            return found
        time.sleep(0.1)
    sys.exit(f"not in the log within {timeout} s: {pattern}\n{text}")


first = subprocess.Popen([app, "--port", "0", "--address", "127.0.0.1"], env=env)
try:
    port = int(wait_for(r"listening on http://127\.0\.0\.1:(\d+)/eID-Client").group(1))
    base = f"http://127.0.0.1:{port}/eID-Client"
    for module, screen in [("PINManagement", "pinManagementPage"), ("Settings", "settingsPage"),
                           ("Self-Authentication", "myDataPage"), ("Help", "helpPage")]:
        with urllib.request.urlopen(f"{base}?ShowUI={module}", timeout=10) as answer:
            assert answer.status == 200, answer.status
        wait_for(rf"openausweis\.app: showing {module.upper().replace('-', '_')} -> {screen}")

    second = subprocess.run([app, "--port", str(port), "--address", "127.0.0.1"], env=env,
                            timeout=30, capture_output=True, text=True)
    assert second.returncode == 0, second
    assert "asked to show its window" in second.stderr, second.stderr
    wait_for(r"showing CURRENT -> helpPage")
    # The hand-over left the running app's log where it was.
    assert not (log_dir / "openausweis.1.log").exists(), sorted(os.listdir(log_dir))

    first.send_signal(signal.SIGTERM)
    assert first.wait(timeout=20) == 0
finally:
    if first.poll() is None:
        first.kill()
text = log_file.read_text()
assert "openausweis.readers: [simulator] reader added" in text, text
assert oct(log_file.stat().st_mode & 0o777) == "0o600", oct(log_file.stat().st_mode)
print("ok: log file, ShowUI screens, hand-over, SIGTERM")
