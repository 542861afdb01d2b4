"""Online authentications through the AusweisApp SDK's JSON messages, alternating between clients.

  /usr/bin/python3 auth_peer_sdk.py --runs N [--warmup W] --token-url URL --ca-file PEM \
      --client NAME:PORT:PID:DEVMODE [--client ...] [--cli "COMMAND"] [--reader READER]

Each --client is an eID-Client that speaks the SDK on ws://127.0.0.1:PORT/eID-Kernel (AusweisApp2
`--ui websocket`, `openausweis --headless`); --cli adds a command run as a new process per run
(`openausweis-cli auth ...`: process start included, CPU from wait4; the refresh URL on its last
output line). Run r starts with client r mod count, so none always goes first; W warm-up runs
(default 1, the first starts with the first client) are not counted; before every run the
clients get --settle-ms (default 1000) to go idle.

One SDK run: RUN_AUTH, drop the optional CanAllowed right (SET_ACCESS_RIGHTS) so that every
client uses PACE with the PIN, ACCEPT, SET_PIN, then the AUTH result. A run only counts when the
result is ok and the eService's refresh page shows the person the eID-Server read. Per run: wall
ms from RUN_AUTH to the AUTH result, ms from SET_PIN on (PACE, TA, CA, Transmit,
StartPAOSResponse, refresh check) and the client's CPU (utime+stime of PID, in 10 ms ticks);
then medians (CPU: mean). With --reader every SDK client must ask the PIN for READER. Nothing
resets the card between runs: each client takes the card as the previous one left it (every
client resets it when it disconnects; AusweisApp2 reads EF.CardSecurity by short file identifier
and relies on that), so a run after another client's run proves that hand-over.
Exit status 1 if any run fails."""
import argparse
import json
import os
import shlex
import subprocess
import ssl
import statistics
import sys
import time
import urllib.request

import websocket

PIN = "123456"
TIMEOUT_S = 60
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
TRACE = False
READER = None  # the reader every client must use (--reader)


class Client:
    def __init__(self, spec):
        name, port, pid, devmode = spec.split(":")
        self.name, self.port, self.pid = name, int(port), int(pid)
        self.developer_mode = devmode == "1"
        self.ws = self._connect()

    def _connect(self):
        deadline = time.monotonic() + TIMEOUT_S
        while True:
            try:
                # No Origin header: a native SDK client, not a web page.
                return websocket.create_connection(f"ws://127.0.0.1:{self.port}/eID-Kernel",
                                                   timeout=TIMEOUT_S, suppress_origin=True)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def cpu_ms(self):
        with open(f"/proc/{self.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / CLOCK_TICKS

    def send(self, command):
        self.ws.send(json.dumps(command))

    def receive(self):
        return json.loads(self.ws.recv())


class CliClient:
    def __init__(self, command):
        self.name = "openausweis-cli"
        self.command = shlex.split(command)


def run_cli(client, transcript):
    """Returns (total ms, None, CPU ms, refresh URL) of one process run."""
    start = time.monotonic()
    process = subprocess.Popen(client.command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    output = process.stdout.read().decode(errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    end = time.monotonic()
    process.returncode = os.waitstatus_to_exitcode(status)
    transcript.extend({"output": line} for line in output.splitlines())
    url = output.strip().splitlines()[-1] if output.strip() else ""
    if process.returncode != 0 or "ResultMajor=ok" not in url:
        raise RuntimeError(f"exit status {process.returncode}")
    return (end - start) * 1000, None, (usage.ru_utime + usage.ru_stime) * 1000, url


def authenticate(client, token_url, transcript):
    """Returns (total ms, ms from SET_PIN, CPU ms, refresh URL) or raises with the transcript."""
    if isinstance(client, CliClient):
        return run_cli(client, transcript)
    cpu_before = client.cpu_ms()
    start = time.monotonic()
    client.send({"cmd": "RUN_AUTH", "tcTokenURL": token_url,
                 "developerMode": client.developer_mode})
    pin_sent = None
    while True:
        message = client.receive()
        transcript.append(message)
        kind = message.get("msg")
        if TRACE:
            reader = message.get("reader", {}).get("name", "")
            print(f"  {client.name} {(time.monotonic() - start) * 1000:7.1f} ms {kind} {reader}",
                  flush=True)
        if kind == "ACCESS_RIGHTS":
            chat = message["chat"]
            if "CanAllowed" in chat["effective"]:
                keep = [right for right in chat["optional"] if right != "CanAllowed"]
                client.send({"cmd": "SET_ACCESS_RIGHTS", "chat": keep})
            else:
                client.send({"cmd": "ACCEPT"})
        elif kind == "ENTER_PIN":
            if READER and message.get("reader", {}).get("name") != READER:
                raise RuntimeError(f"PIN asked for another reader: {message.get('reader')}")
            if pin_sent is not None:
                raise RuntimeError("PIN asked twice")
            pin_sent = time.monotonic()
            client.send({"cmd": "SET_PIN", "value": PIN})
        elif kind in ("ENTER_CAN", "ENTER_PUK", "ENTER_NEW_PIN", "BAD_STATE", "INVALID"):
            client.send({"cmd": "CANCEL"})
            raise RuntimeError(f"unexpected {kind}")
        elif kind == "AUTH" and ("result" in message or "error" in message):
            end = time.monotonic()
            result = message.get("result", {})
            if not result.get("major", "").endswith("#ok"):
                raise RuntimeError("authentication failed")
            cpu = client.cpu_ms() - cpu_before
            return (end - start) * 1000, (end - pin_sent) * 1000, cpu, message["url"]


def check_refresh_page(url, ca_file):
    context = ssl.create_default_context(cafile=ca_file)
    with urllib.request.urlopen(url, context=context, timeout=TIMEOUT_S) as answer:
        page = answer.read().decode()
    if '<p id="status">ok</p>' not in page or "MUSTERMANN" not in page:
        raise RuntimeError(f"refresh page does not show the person: {page[:400]}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--token-url", required=True)
    parser.add_argument("--ca-file", required=True)
    parser.add_argument("--client", action="append", default=[])
    parser.add_argument("--cli")
    parser.add_argument("--reader")
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--settle-ms", type=int, default=1000)
    parser.add_argument("--trace", action="store_true", help="print when each message arrives")
    arguments = parser.parse_args()
    global TRACE, READER
    TRACE = arguments.trace
    READER = arguments.reader
    clients = [Client(spec) for spec in arguments.client]
    for client in clients:
        client.send({"cmd": "GET_INFO"})
        info = client.receive()
        while info.get("msg") != "INFO":
            info = client.receive()
        print(f"{client.name}: {info['VersionInfo'].get('Implementation-Title')} "
              f"{info['VersionInfo'].get('Implementation-Version')}", flush=True)
    if arguments.cli:
        clients.append(CliClient(arguments.cli))

    results = {client.name: [] for client in clients}
    previous = None  # the client that used the card last
    for run in range(-arguments.warmup, arguments.runs):
        first = (run + arguments.warmup) % len(clients)
        order = clients[first:] + clients[:first]
        for client in order:
            transcript = []
            # AusweisApp2 scans the readers for a while after its own workflow and when an SDK
            # client connects; a card it meets for the first time it reads and then resets, under
            # whichever client is using it. Let it settle, untimed.
            time.sleep(arguments.settle_ms / 1000)
            try:
                total, card_part, cpu, url = authenticate(client, arguments.token_url, transcript)
                check_refresh_page(url, arguments.ca_file)
            except Exception as error:  # noqa: BLE001 - report and fail the benchmark
                print(f"{client.name} run {run + 1}: FAILED: {error}", file=sys.stderr)
                for message in transcript:
                    print("  <<", json.dumps(message), file=sys.stderr)
                return 1
            after = f", card after {previous}" if previous else ""
            previous = client.name
            if run < 0:
                print(f"{client.name} warm-up: {total:.0f} ms{after}", flush=True)
                continue
            results[client.name].append((total, card_part, cpu))
            after_pin = "-" if card_part is None else f"{card_part:.0f}"
            print(f"{client.name} run {run + 1}: {total:.0f} ms (from SET_PIN {after_pin} ms,"
                  f" client CPU {cpu:.0f} ms{after})", flush=True)

    # CPU comes in clock ticks (10 ms): the mean over all runs is the meaningful figure.
    print("\n| client | runs | wall ms median | from SET_PIN ms median | client CPU ms mean |")
    print("|---|---|---|---|---|")
    for name, rows in results.items():
        wall = statistics.median(row[0] for row in rows)
        parts = [row[1] for row in rows if row[1] is not None]
        card_part = f"{statistics.median(parts):.0f}" if parts else "-"
        cpu = statistics.mean(row[2] for row in rows)
        print(f"| {name} | {len(rows)} | {wall:.0f} | {card_part} | {cpu:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
