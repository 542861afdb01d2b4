#!/bin/bash
# Wall time of `openausweis-cli self-read` (DG1-DG5) through pcscd and vpcd against
# `openausweis-sim card`, in a private pcscd:   tests/bench/self-read-over-pcscd.sh BUILD_DIR [RUNS]
set -euo pipefail
readonly HERE="$(dirname "$(readlink -f "$0")")"
readonly BUILD="$(readlink -f "$1")"
readonly RUNS="${2:-5}"
exec "$HERE/../integration/with-pcscd.sh" bash -c '
    set -eu
    build="$1"; runs="$2"
    work="$(mktemp -d)"
    "$build/src/sim/openausweis-sim" pki --out "$work/pki" &>/dev/null
    printf 123456 >"$work/pin"
    "$build/src/sim/openausweis-sim" card --vpcd 127.0.0.1:35963 2>/dev/null &
    for _ in $(seq 100); do
        "$build/src/cli/openausweis-cli" readers 2>/dev/null | grep -q ATR && break
        sleep 0.05
    done
    for run in $(seq "$runs"); do
        start=$(date +%s%N)
        "$build/src/cli/openausweis-cli" self-read --reader "Virtual PCD 00 00" \
            --terminal-chain "$work/pki/terminal-chain" --terminal-key "$work/pki/terminal.pkcs8" \
            --pin-file "$work/pin" --developer-mode --data DG1,DG2,DG3,DG4,DG5 </dev/null &>"$work/out"
        end=$(date +%s%N)
        grep -q "Given names: ERIKA" "$work/out" || { cat "$work/out" >&2; exit 1; }
        echo "self-read run $run: $(( (end - start) / 1000000 )) ms"
    done' self-read "$BUILD" "$RUNS"
