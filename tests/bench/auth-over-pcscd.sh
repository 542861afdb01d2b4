#!/bin/bash
# Wall time of `openausweis-cli auth` (a whole process per run: TC token, TLS-2, PAOS, PACE/TA/CA,
# Transmit, refresh) through pcscd and vpcd against `openausweis-sim up --card vpcd`, PSK and
# attached, in a private pcscd:     tests/bench/auth-over-pcscd.sh BUILD_DIR [RUNS]
set -euo pipefail
readonly HERE="$(dirname "$(readlink -f "$0")")"
readonly BUILD="$(readlink -f "$1")"
readonly RUNS="${2:-5}"
exec "$HERE/../integration/with-pcscd.sh" bash -c '
    set -eu
    build="$1"; runs="$2"
    work="$(mktemp -d)"
    printf 123456 >"$work/pin"
    for mode in psk attached; do
        flag=""; base=47400
        [ "$mode" = attached ] && { flag="--attached"; base=47500; }
        "$build/src/sim/openausweis-sim" up --state "$work/state" --port-base $base \
            --card vpcd 127.0.0.1:35963 $flag >"$work/up-$mode" 2>&1 &
        world=$!
        for _ in $(seq 200); do grep -q ready "$work/up-$mode" && break; sleep 0.05; done
        for _ in $(seq 100); do
            "$build/src/cli/openausweis-cli" readers 2>/dev/null | grep -q ATR && break
            sleep 0.05
        done
        for run in $(seq "$runs"); do
            start=$(date +%s%N)
            "$build/src/cli/openausweis-cli" auth "https://127.0.0.1:$base/tcToken" \
                --reader "Virtual PCD 00 00" --pin-file "$work/pin" --accept-optional all \
                --ca-file "$work/state/tls-ca.pem" --developer-mode </dev/null &>"$work/out"
            end=$(date +%s%N)
            grep -q "ResultMajor=ok" "$work/out" || { cat "$work/out" >&2; exit 1; }
            echo "auth $mode run $run: $(( (end - start) / 1000000 )) ms"
        done
        kill $world; wait $world || true
    done' auth "$BUILD" "$RUNS"
