#!/bin/bash
# openausweis --headless serves ?Status on the port it logs; a second start on that port hands over
# (exit 0, the first logs the ShowUI request); a port held by another program ends the start with
# exit status 3 and names that program.
set -u
app=$1
dir=$(mktemp -d)
trap 'kill $first $foreign 2>/dev/null; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; cat "$dir"/*.log; exit 1; }

http_get() {  # port target
    exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
    printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$2" "$1" >&3
    timeout 5 cat <&3
    exec 3<&-
}

env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= "$app" --headless --port 0 --address 127.0.0.1 \
    2>"$dir/first.log" &
first=$!
port=
for _ in $(seq 200); do
    port=$(sed -n 's|.*eID-Client listening on http://127.0.0.1:\([0-9]*\)/eID-Client.*|\1|p' "$dir/first.log")
    [ -n "$port" ] && break
    sleep 0.05
done
[ -n "$port" ] || fail "no listening line logged"
http_get "$port" "/eID-Client?Status" | grep -q "Name: OpenAusweis" || fail "?Status did not answer"

"$app" --headless --port "$port" --address 127.0.0.1 2>"$dir/second.log"
[ $? = 0 ] || fail "second start did not hand over with exit status 0"
grep -q "already runs" "$dir/second.log" || fail "second start did not say why it ended"
for _ in $(seq 100); do grep -q 'asked to show "CURRENT"' "$dir/first.log" && break; sleep 0.05; done
grep -q 'asked to show "CURRENT"' "$dir/first.log" || fail "first instance got no ShowUI"

/usr/bin/python3 - "$dir/foreign.port" <<'PY' &
import http.server, sys
class Handler(http.server.BaseHTTPRequestHandler):
    def version_string(self): return "OtherClient/9.9"
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
open(sys.argv[1] + ".tmp", "w").write(str(server.server_port))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
server.serve_forever()
PY
foreign=$!
for _ in $(seq 100); do [ -s "$dir/foreign.port" ] && break; sleep 0.05; done
taken=$(cat "$dir/foreign.port")
"$app" --headless --port "$taken" --address 127.0.0.1 2>"$dir/third.log"
status=$?
[ "$status" = 3 ] || fail "port held by another program: exit status $status, expected 3"
grep -q '"OtherClient/9.9"' "$dir/third.log" || fail "the other program was not named"

kill -TERM "$first"
wait "$first"
[ $? = 0 ] || fail "first instance did not stop cleanly"
echo "ok: port $port, hand-over, foreign holder named"
