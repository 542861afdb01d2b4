#!/usr/bin/python3
"""Desktop app start and memory: openausweis next to Debian's ausweisapp2, measured in one run.

  /usr/bin/python3 scripts/bench-desktop.py [BUILD_DIR] [--runs N] [--idle S]

For each program and run, on a private Xvfb display and inside a private network namespace (so
neither program meets the other's or anybody's port 24727, and no network is reachable), with a
fresh HOME and XDG directories (first start, no settings):
  start:  from exec to the program's top-level window being viewable (mapped) on the X server,
          polled with xwininfo every 10 ms; Qt draws its first frame on that expose.
  memory: RSS and PSS (/proc/PID/smaps_rollup) of the program after S seconds of idling with
          the window open.
The page cache is warm after the first run (the median hides that run). Needs root for the
namespace, xvfb and x11-utils; installs ausweisapp2 from Debian when missing."""
import os
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

args = sys.argv[1:]
runs = 7
idle = 5.0
if "--runs" in args:
    i = args.index("--runs")
    runs = int(args[i + 1])
    del args[i:i + 2]
if "--idle" in args:
    i = args.index("--idle")
    idle = float(args[i + 1])
    del args[i:i + 2]
here = pathlib.Path(__file__).resolve().parent.parent
build = pathlib.Path(args[0] if args else here / "build").resolve()
openausweis = build / "src/app/openausweis"
if not openausweis.exists():
    sys.exit(f"build {openausweis} first")
if not shutil.which("AusweisApp2"):
    subprocess.run(["apt-get", "install", "-y", "ausweisapp2"], check=True,
                   env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"))

PROGRAMS = [
    ("openausweis", [str(openausweis)], '("openausweis" "openausweis")'),
    ("ausweisapp2", ["/usr/bin/AusweisApp2"], '("AusweisApp2" "AusweisApp2")'),
]


def start_display():
    for number in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            xvfb = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24",
                                     "-nolisten", "tcp"], stderr=subprocess.DEVNULL)
            for _ in range(100):
                if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                    return xvfb, f":{number}"
                time.sleep(0.05)
            xvfb.kill()
    sys.exit("no free X display")


def viewable_window(display, wm_class):
    tree = subprocess.run(["xwininfo", "-root", "-tree"], env={"DISPLAY": display},
                          capture_output=True, text=True).stdout
    for line in tree.splitlines():
        if wm_class in line and not re.search(r"\b1x1\+", line):
            window = line.split()[0]
            info = subprocess.run(["xwininfo", "-id", window], env={"DISPLAY": display},
                                  capture_output=True, text=True).stdout
            if "Map State: IsViewable" in info:
                return window
    return None


def memory_kib(pid):
    values = {}
    for line in pathlib.Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if parts and parts[0] in ("Rss:", "Pss:"):
            values[parts[0][:-1]] = int(parts[1])
    return values["Rss"], values["Pss"]


def measure(display, command, wm_class):
    home = pathlib.Path(tempfile.mkdtemp(prefix="oa-bench-desktop-"))
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_DATA_HOME=str(home / "data"), XDG_STATE_HOME=str(home / "state"),
               XDG_RUNTIME_DIR=str(home))
    env.pop("WAYLAND_DISPLAY", None)
    # The namespace's loopback is up, so each program can listen on its 24727 as usual.
    wrapper = ["unshare", "--net", "--", "sh", "-c", 'ip link set lo up && exec "$@"', "sh"]
    began = time.monotonic()
    process = subprocess.Popen(wrapper + command, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        while True:
            if process.poll() is not None:
                sys.exit(f"{command[0]} ended with {process.returncode} before showing a window")
            if viewable_window(display, wm_class):
                shown = time.monotonic() - began
                break
            if time.monotonic() - began > 60:
                sys.exit(f"{command[0]} showed no window within 60 s")
            time.sleep(0.01)
        time.sleep(idle)
        rss, pss = memory_kib(process.pid)  # exec replaced sh: the pid is the program's
        return shown, rss, pss
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(home, ignore_errors=True)


xvfb, display = start_display()
results = {name: [] for name, _, _ in PROGRAMS}
try:
    for run in range(runs):
        # Alternating order, so neither program always starts on the warmer cache.
        order = PROGRAMS if run % 2 == 0 else list(reversed(PROGRAMS))
        for name, command, wm_class in order:
            results[name].append(measure(display, command, wm_class))
            shown, rss, pss = results[name][-1]
            print(f"run {run + 1} {name}: window {shown * 1000:.0f} ms, RSS {rss / 1024:.1f} MiB, "
                  f"PSS {pss / 1024:.1f} MiB", flush=True)
finally:
    xvfb.terminate()
    xvfb.wait()

print(f"\nmedian of {runs} runs, idle {idle:g} s before the memory reading")
print("| program | start to window shown (ms) | RSS (MiB) | PSS (MiB) |")
print("|---|---|---|---|")
for name, _, _ in PROGRAMS:
    shown = statistics.median(r[0] for r in results[name]) * 1000
    rss = statistics.median(r[1] for r in results[name]) / 1024
    pss = statistics.median(r[2] for r in results[name]) / 1024
    print(f"| {name} | {shown:.0f} | {rss:.1f} | {pss:.1f} |")
