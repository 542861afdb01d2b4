#!/usr/bin/python3
"""The port-24727 numbers of docs/benchmarks.md, measured on the real `openausweis --headless`:

  1. start-up: time from process start (fork/exec) to the first `?Status` answer, over N starts
     (median, min, max); the client polls ?Status every 2 ms;
  2. idle memory: VmRSS of an idle instance, 2 s after its port answered;
  3. `?Status` under wrk with 100 connections (throughput, p50, p90, p99), and VmRSS after it.

usage: port24727_numbers.py OPENAUSWEIS [--starts N] [--duration SECONDS]
Needs wrk (scripts/debian-packages.txt). Prints a Markdown summary. Timings, not a test."""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("app")
parser.add_argument("--starts", type=int, default=15)
parser.add_argument("--duration", type=int, default=10)
args = parser.parse_args()

scratch = tempfile.mkdtemp(prefix="oa-port-bench-")
env = {k: v for k, v in os.environ.items()
       if k not in ("DISPLAY", "WAYLAND_DISPLAY", "OPENAUSWEIS_AUTOMATIC_PIN")}
env.update(HOME=os.path.join(scratch, "home"), XDG_CONFIG_HOME=os.path.join(scratch, "config"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def status_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(f"GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                      "Connection: close\r\n\r\n".encode())
            return s.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


def start(port):
    began = time.monotonic()
    process = subprocess.Popen([args.app, "--headless", "--port", str(port),
                                "--address", "127.0.0.1"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = began + 30
    while time.monotonic() < deadline:
        if status_answers(port):
            return process, time.monotonic() - began
        if process.poll() is not None:
            raise SystemExit(f"openausweis exited with {process.returncode} before answering")
        time.sleep(0.002)
    process.kill()
    raise SystemExit("openausweis did not answer ?Status within 30 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rss_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        kb = int(re.search(r"^VmRSS:\s+(\d+) kB", status.read(), re.M).group(1))
    return kb / 1024


startups = []
for _ in range(args.starts):
    process, seconds = start(free_port())
    startups.append(seconds * 1000)
    stop(process)

port = free_port()
process, _ = start(port)
time.sleep(2)
idle = rss_mb(process)
wrk = shutil.which("wrk")
load = None
if wrk:
    out = subprocess.run([wrk, "-t2", "-c100", f"-d{args.duration}s", "--latency",
                          f"http://127.0.0.1:{port}/eID-Client?Status"],
                         capture_output=True, text=True, check=True).stdout
    percentile = {p: re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1) for p in (50, 90, 99)}
    rate = re.search(r"^Requests/sec:\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    load = (float(rate), percentile, errors.group(0) if errors else "none")
after = rss_mb(process)
stop(process)
shutil.rmtree(scratch, ignore_errors=True)

load_avg = os.getloadavg()[0]
print(f"machine: {os.cpu_count()} cores, load average {load_avg:.1f} at the end")
print(f"start-up to the first ?Status answer, {args.starts} starts: median "
      f"{statistics.median(startups):.0f} ms (min {min(startups):.0f}, max {max(startups):.0f})")
print(f"idle RSS: {idle:.1f} MB; after the wrk run: {after:.1f} MB")
if load:
    rate, percentile, errors = load
    print(f"wrk -t2 -c100 -d{args.duration}s ?Status: {rate:,.0f} req/s, p50 {percentile[50]}, "
          f"p90 {percentile[90]}, p99 {percentile[99]}, errors: {errors}")
else:
    print("wrk is not installed: no load numbers")
