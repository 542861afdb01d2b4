#!/usr/bin/python3
"""The port-24727 numbers of docs/benchmarks.md, measured on the real `openausweis --headless` and,
with --peer, on Debian's AusweisApp2 in the same run:

  1. start-up: time from process start (fork/exec) to the first `?Status` answer with status 200,
     over N starts per program (median, min, max); the client polls ?Status every 2 ms;
  2. idle memory: RSS and PSS (/proc/PID/smaps_rollup) 2 s after the port answered, every start;
  3. on the first R starts of each program: `?Status` under wrk -t2 -c100 (req/s, p50, p90, p99,
     non-2xx answers and socket errors), once as wrk sends it (keep-alive) and once with
     `Connection: close`, with RSS and PSS after each (the close run follows the keep-alive one).

The programs alternate start by start (the one that goes first rotates every round); every start
gets fresh HOME, XDG and TMPDIR folders and QT_QPA_PLATFORM=offscreen. AusweisApp2 runs as
`AusweisApp2 --ui webservice --ui websocket --port P --address 127.0.0.1 --no-proxy
--no-loghandler`: its webservice plug-in (which answers ?Status; without it the port says 503) is
passive and ends the app unless an active plug-in such as websocket is loaded too.

usage: port24727_numbers.py OPENAUSWEIS [--peer [AUSWEISAPP2] [--peer-no-logfile]] [--starts N]
                            [--wrk-runs R] [--duration SECONDS]
Needs wrk (scripts/debian-packages.txt). Prints the answers' details and a Markdown table.
Timings, not a test."""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

parser = argparse.ArgumentParser()
parser.add_argument("app")
parser.add_argument("--peer", nargs="?", const="/usr/bin/AusweisApp2", default=None,
                    help="also measure AusweisApp2 (default /usr/bin/AusweisApp2)")
parser.add_argument("--peer-no-logfile", action="store_true",
                    help="with --peer: AusweisApp2 once more without its log file (it logs every "
                    "request by default)")
parser.add_argument("--starts", type=int, default=15)
parser.add_argument("--wrk-runs", type=int, default=1, help="starts per program with wrk runs")
parser.add_argument("--duration", type=int, default=10)
args = parser.parse_args()

STATUS_ANSWER = re.compile(rb"^HTTP/1\.[01] 200 ")


class Program:
    def __init__(self, name, argv):
        self.name = name
        self.argv = argv
        self.startups = []
        self.idle = []
        self.loaded = []

    def command(self, port):
        return [part.replace("PORT", str(port)) for part in self.argv]


programs = [Program("openausweis", [os.path.abspath(args.app), "--headless", "--port", "PORT",
                                    "--address", "127.0.0.1"])]
if args.peer:
    programs.append(Program("AusweisApp2", [os.path.abspath(args.peer), "--ui", "webservice",
                                            "--ui", "websocket", "--port", "PORT",
                                            "--address", "127.0.0.1", "--no-proxy",
                                            "--no-loghandler"]))
    if args.peer_no_logfile:
        programs.append(Program("AusweisApp2 --no-logfile",
                                programs[-1].argv + ["--no-logfile"]))

scratch = tempfile.mkdtemp(prefix="oa-port-bench-")
base_env = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "OPENAUSWEIS_AUTOMATIC_PIN",
                         "OPENAUSWEIS_LOG_DIR", "QT_NO_GLIB")}


def fresh_env(name):
    home = tempfile.mkdtemp(prefix=f"{name}-", dir=scratch)
    folders = {"HOME": "home", "XDG_CONFIG_HOME": "home/.config", "XDG_DATA_HOME": "home/.local",
               "XDG_CACHE_HOME": "home/.cache", "XDG_RUNTIME_DIR": "runtime", "TMPDIR": "tmp"}
    env = dict(base_env, QT_QPA_PLATFORM="offscreen")
    for variable, folder in folders.items():
        env[variable] = os.path.join(home, folder)
        os.makedirs(env[variable], mode=0o700, exist_ok=True)
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, connection):
    return (f"GET /eID-Client?Status HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            f"Connection: {connection}\r\n\r\n").encode()


def status_answers(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(request(port, "close"))
            return STATUS_ANSWER.match(s.recv(64)) is not None
    except OSError:
        return False


def read_answer(connection):
    """One HTTP answer with Content-Length; None when the peer closed first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(4096)
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    length = int(re.search(rb"^content-length:\s*(\d+)", head, re.M | re.I).group(1))
    while len(body) < length:
        chunk = connection.recv(4096)
        if not chunk:
            return None
        body += chunk
    return head.decode(), body.decode()


def describe_answer(port):
    """The status line, headers and body of ?Status, and whether a second request on the same
    connection (asked for keep-alive) is answered."""
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(request(port, "keep-alive"))
        head, body = read_answer(s)
        try:
            s.sendall(request(port, "keep-alive"))
            second = read_answer(s)
        except OSError:
            second = None
    return head, body, second is not None


def start(program, port):
    env = fresh_env(program.name)
    began = time.monotonic()
    process = subprocess.Popen(program.command(port), env=env, cwd=env["HOME"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = began + 30
    while time.monotonic() < deadline:
        if status_answers(port):
            return process, time.monotonic() - began
        if process.poll() is not None:
            raise SystemExit(f"{program.name} exited with {process.returncode} before answering")
        time.sleep(0.002)
    process.kill()
    raise SystemExit(f"{program.name} did not answer ?Status within 30 s")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def memory_mib(process):
    with open(f"/proc/{process.pid}/smaps_rollup") as rollup:
        text = rollup.read()
    return tuple(int(re.search(rf"^{field}:\s+(\d+) kB", text, re.M).group(1)) / 1024
                 for field in ("Rss", "Pss"))


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(port, close):
    command = ["wrk", "-t2", "-c100", f"-d{args.duration}s", "--latency"]
    if close:
        command += ["-H", "Connection: close"]
    out = subprocess.run(command + [f"http://127.0.0.1:{port}/eID-Client?Status"],
                         capture_output=True, text=True, check=True).stdout
    percentile = {p: milliseconds(re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1))
                  for p in (50, 90, 99)}
    rate = float(re.search(r"^Requests/sec:\s+(\S+)", out, re.M).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)",
                        out)
    errors = (int(non2xx.group(1)) if non2xx else 0,
              sum(int(n) for n in sockets.groups()) if sockets else 0)
    return {"rate": rate, "percentile": percentile, "errors": errors}


if not shutil.which("wrk"):
    raise SystemExit("wrk is not installed (scripts/debian-packages.txt)")



def measure(program, round_index):
    port = free_port()
    process, seconds = start(program, port)
    try:
        program.startups.append(seconds * 1000)
        if program.name not in answers:
            answers[program.name] = describe_answer(port)
        time.sleep(2)
        program.idle.append(memory_mib(process))
        if round_index < args.wrk_runs:
            runs = []
            for close in (False, True):
                run = wrk(port, close)
                run["memory"] = memory_mib(process)
                runs.append(run)
            program.loaded.append(runs)
    finally:
        stop(process)


signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
loads = [os.getloadavg()[0]]
answers = {}
try:
    for round_index in range(args.starts):
        turn = round_index % len(programs)
        for program in programs[turn:] + programs[:turn]:
            measure(program, round_index)
            loads.append(os.getloadavg()[0])
finally:
    shutil.rmtree(scratch, ignore_errors=True)

print(f"machine: {os.cpu_count()} cores; 1-minute load average over the run "
      f"{min(loads):.1f}-{max(loads):.1f} (median {statistics.median(loads):.1f})")
for program in programs:
    head, body, keep_alive = answers[program.name]
    print(f"\n{program.name} ?Status answer:\n{head}\n\n{body}\n"
          f"second request on the same connection answered: {'yes' if keep_alive else 'no'}")


def spread(values, unit, digits=0):
    middle = statistics.median(values)
    if len(values) == 1:
        return f"{middle:.{digits}f} {unit}"
    return f"{middle:.{digits}f} {unit} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def memory(samples):
    return (spread([rss for rss, _ in samples], "MiB", 1),
            spread([pss for _, pss in samples], "MiB", 1))


print(f"\n{args.starts} starts per program (median, min-max); wrk -t2 -c100 -d{args.duration}s "
      f"on {args.wrk_runs} start(s) per program (median over those runs)\n")
print("| program | start to first `?Status` | idle RSS | idle PSS | wrk | req/s | p50 | p90 | p99 "
      "| non-2xx / socket errors | RSS after | PSS after |")
print("|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|")
for program in programs:
    idle_rss, idle_pss = memory(program.idle)
    prefix = f"| {program.name} | {spread(program.startups, 'ms')} | {idle_rss} | {idle_pss}"
    for index, mode in enumerate(("keep-alive", "`Connection: close`")):
        runs = [loaded[index] for loaded in program.loaded]
        if not runs:
            continue
        rate = statistics.median(run["rate"] for run in runs)
        p = {q: statistics.median(run["percentile"][q] for run in runs) for q in (50, 90, 99)}
        non2xx = sum(run["errors"][0] for run in runs)
        socket_errors = sum(run["errors"][1] for run in runs)
        after_rss, after_pss = memory([run["memory"] for run in runs])
        print(f"{prefix} | {mode} | {rate:,.0f} | {p[50]:.2f} ms | {p[90]:.2f} ms | "
              f"{p[99]:.2f} ms | {non2xx} / {socket_errors} | {after_rss} | {after_pss} |")
        prefix = "| | | |"
