#!/bin/bash
# Full flows with distinctive secrets, every debug category on, then a search of everything the
# programs wrote (stdout, stderr, the app's log files, pcscd's log, state folders) for the secrets
# as text and as hex. Runs inside with-pcscd.sh (private pcscd, virtual card on vpcd):
#   with-pcscd.sh secrets-stay-out-of-logs.sh OPENAUSWEIS-SIM OPENAUSWEIS-CLI [OPENAUSWEIS]
set -euo pipefail

sim=$1 cli=$2 app=${3:-}
readonly reader="Virtual PCD 00 00"
readonly port_base=38170
readonly origin=https://127.0.0.1:$port_base
# Distinctive values: the new PIN is set on the card and used; the CAN and PUK are wrong ones, so
# they go through PACE in full and fail at the card without changing its state.
readonly old_pin=123456 pin=582947 can=271828 puk=3141592653

fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
out=$work/out
mkdir -p "$out" "$work/secrets" "$work/home"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
secret_file() { printf '%s\n' "$2" >"$work/secrets/$1" && echo "$work/secrets/$1"; }

export QT_LOGGING_RULES='*.debug=true' HOME=$work/home XDG_RUNTIME_DIR=$work/home
export OPENAUSWEIS_LOG_DIR=$work/log

"$sim" up --state "$work/world" --port-base $port_base >"$out/world.log" 2>&1 &
pids+=($!)
"$sim" card --vpcd 127.0.0.1:35963 --state "$work/card-state" >"$out/card.log" 2>&1 &
pids+=($!)
"$sim" pki --out "$work/pki" >"$out/pki.log" 2>&1
for _ in $(seq 1 300); do
    curl -sf --max-time 2 --cacert "$work/world/tls-ca.pem" "$origin/" >/dev/null 2>&1 &&
        "$cli" readers 2>/dev/null | grep -q ATR && break
    sleep 0.1
done

step=0
run_cli() {  # run_cli EXPECTED-EXIT ARGS...: output kept for the search
    local expected=$1 status=0
    shift
    step=$((step + 1))
    "$cli" "$@" </dev/null >"$out/cli-$step.out" 2>"$out/cli-$step.err" || status=$?
    [ "$status" = "$expected" ] ||
        { cat "$out/cli-$step.out" "$out/cli-$step.err" >&2; fail "openausweis-cli $1: exit $status, not $expected"; }
}
run_cli 0 change-pin --reader "$reader" --pin-file "$(secret_file old "$old_pin")" \
    --new-pin-file "$(secret_file new "$pin")"
self_read=(self-read --reader "$reader" --terminal-chain "$work/pki/terminal-chain"
    --terminal-key "$work/pki/terminal.pkcs8" --developer-mode)
run_cli 0 "${self_read[@]}" --pin-file "$(secret_file pin "$pin")"
grep -q MUSTERMANN "$out/cli-$step.out" || fail "self-read with the new PIN printed no name"
run_cli 3 "${self_read[@]}" --can-file "$(secret_file can "$can")" --pin-file "$work/secrets/pin"
run_cli 0 auth "$origin/tcToken" --reader "$reader" --pin-file "$work/secrets/pin" \
    --ca-file "$work/world/tls-ca.pem" --developer-mode
grep -q 'ResultMajor=ok' "$out/cli-$step.out" || fail "auth with the new PIN did not end with ResultMajor=ok"
status=0
"$cli" unblock-pin --reader "$reader" --puk-file "$(secret_file puk "$puk")" </dev/null \
    >"$out/unblock.out" 2>"$out/unblock.err" || status=$?
[ "$status" != 0 ] || fail "unblock-pin with a wrong PUK on an unblocked PIN succeeded"
echo "openausweis-cli: change-pin, self-read (PIN, wrong CAN), auth, unblock-pin (wrong PUK) ran"

if [ -n "$app" ]; then
    # Automatic mode: the PIN comes from the environment, the card is the one on vpcd.
    env -u DISPLAY -u WAYLAND_DISPLAY OPENAUSWEIS_AUTOMATIC_PIN=$pin OPENAUSWEIS_AUTOMATIC_DEVELOPERMODE=1 \
        OPENAUSWEIS_CA_FILE="$work/world/tls-ca.pem" "$app" --headless --port 0 >"$out/app.out" 2>"$out/app.err" &
    app_pid=$!
    pids+=($app_pid)
    port=
    for _ in $(seq 1 200); do
        port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$out/app.out" "$out/app.err" | head -n 1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { cat "$out/app.err" >&2; fail "openausweis --headless never listened"; }
    # The app keeps its memory out of core dumps (src/base/SecureBytes.h).
    grep -Eq '^Max core file size +0 +0 ' "/proc/$app_pid/limits" ||
        fail "openausweis may dump core: $(grep -i core "/proc/$app_pid/limits")"
    # Raw HTTP: the app sends an interim "102 Processing" before the final 303.
    location=$(python3 - "$port" "$origin/tcToken" <<'PY'
import re, socket, sys, urllib.parse
port, token = sys.argv[1], urllib.parse.quote(sys.argv[2], safe="")
with socket.create_connection(("127.0.0.1", int(port)), timeout=120) as browser:
    browser.sendall(f"GET /eID-Client?tcTokenURL={token} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    answer = b""
    while chunk := browser.recv(65536):
        answer += chunk
final = answer.decode("latin-1").split("HTTP/1.1 ")[-1]
found = re.search(r"^Location: (\S+)", final, re.M)
print(final[:3], found.group(1) if found else "")
PY
)
    kill -TERM "$app_pid"
    wait "$app_pid" || true
    grep -q 'ResultMajor=ok' <<<"$location" ||
        { cat "$out/app.out" "$out/app.err" >&2; fail "automatic activation did not end with ResultMajor=ok: $location"; }
    [ -s "$OPENAUSWEIS_LOG_DIR/openausweis.log" ] || fail "the app wrote no log file to search"
    echo "openausweis --headless: automatic activation with the PIN ended with ResultMajor=ok"
fi

# Everything written: our outputs, the app's log folder, pcscd's log, the world's state (not the
# card's: the card itself knows its PIN).
kill "${pids[@]}" 2>/dev/null || true
wait 2>/dev/null || true
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
files=$(find "$out" "$work/log" "$work/home" "$work/world" "${OA_PCSCD_STATE:-/nonexistent}" \
    -type f 2>/dev/null || true)
[ -n "$files" ] || fail "nothing was written"
found=0
for secret in "$pin" "$can" "$puk"; do
    lower=$(hex "$secret")
    spaced=$(printf '%s' "$secret" | od -An -tx1 | tr -s ' ' | sed 's/^ //; s/ $//')
    for pattern in "$secret" "$lower" "${lower^^}" "$spaced" "${spaced^^}"; do
        while IFS= read -r file; do
            if grep -aqF -- "$pattern" "$file"; then
                echo "secret '$secret' found as '$pattern' in $file:" >&2
                grep -anF -- "$pattern" "$file" | head -n 3 >&2
                found=1
            fi
        done <<<"$files"
    done
done
[ "$found" = 0 ] || fail "a secret was written out"
lines=$(cat $files 2>/dev/null | wc -l)
echo "no PIN, CAN or PUK (text or hex) in $(wc -l <<<"$files") files, $lines lines of output and logs"
