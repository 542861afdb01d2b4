#!/usr/bin/python3
"""The tray trap, on a real X display (Xvfb) with a real system tray (Debian's trayer):
`openausweis --background` with a tray stays hidden behind its icon; a ?ShowUI brings the window;
when the tray goes away while the window is hidden, the window comes back by itself; without any
tray, a background start shows the window (never an app nobody can see).
Usage: app_tray.py OPENAUSWEIS   (skips, exit 77, without Xvfb or trayer)"""
import os
import pathlib
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

app = sys.argv[1]
if not shutil.which("Xvfb") or not shutil.which("trayer") or not shutil.which("xwininfo"):
    print("needs Xvfb, trayer and xwininfo")
    sys.exit(77)
scratch = pathlib.Path(tempfile.mkdtemp(prefix="oa-tray-"))
number = next(n for n in range(140, 200) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
display = f":{number}"
xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
                        stderr=subprocess.DEVNULL)
children = [xvfb]


def wait(predicate, what, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    sys.exit(f"not within {timeout} s: {what}")


def window_viewable():
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env={"DISPLAY": display},
                          capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if '"OpenAusweis' in line and '("openausweis" "openausweis")' in line:
            info = subprocess.run(["xwininfo", "-id", line.split()[0]], env={"DISPLAY": display},
                                  capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def start_app(name):
    log_dir = scratch / name
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(scratch),
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_RUNTIME_DIR=str(scratch),
               OPENAUSWEIS_LOG_DIR=str(log_dir))
    env.pop("WAYLAND_DISPLAY", None)
    process = subprocess.Popen([app, "--background", "--port", "0", "--address", "127.0.0.1"],
                               env=env, stderr=subprocess.DEVNULL)
    children.append(process)
    log = log_dir / "openausweis.log"
    return process, lambda: log.read_text() if log.exists() else ""


try:
    wait(lambda: os.path.exists(f"/tmp/.X11-unix/X{number}"), "Xvfb")
    tray = subprocess.Popen(["trayer", "--edge", "top", "--align", "right"],
                            env={"DISPLAY": display, "HOME": str(scratch)},
                            stderr=subprocess.DEVNULL)
    children.append(tray)
    time.sleep(1.5)

    process, log = start_app("with-tray")
    wait(lambda: "the tray icon opens the window" in log(), "hidden behind the tray icon")
    time.sleep(1)
    assert not window_viewable(), "the window showed despite the tray"
    port = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", log()).group(1)
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/eID-Client?ShowUI=Settings") as answer:
        assert answer.status == 200
    wait(window_viewable, "the window after ShowUI")
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0

    process, log = start_app("tray-goes")
    wait(lambda: "the tray icon opens the window" in log(), "hidden behind the tray icon")
    tray.terminate()
    tray.wait()
    wait(window_viewable, "the window once the tray is gone", timeout=15)
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0

    process, log = start_app("no-tray")
    wait(window_viewable, "the window of a background start without a tray", timeout=20)
    assert "no tray icon: showing the window" in log(), log()
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=20) == 0
finally:
    for child in reversed(children):
        if child.poll() is None:
            child.kill()
            child.wait()
    shutil.rmtree(scratch, ignore_errors=True)
print("ok: hidden behind a real tray, shown on ShowUI, back when the tray goes, shown without one")
