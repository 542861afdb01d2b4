#!/bin/bash
# Runs openausweis against a real pcscd with vsmartcard's virtual readers inside a private
# namespace (nothing outside can plug a card in), plugs the virtual eID card in and out, and
# optionally takes a screenshot of the window under Xvfb.
#   live-readers.sh BUILD_DIR headless        -> reader events with timestamps on stderr
#   live-readers.sh BUILD_DIR screenshot OUT  -> OUT.png of the main window with the card inserted
# Needs root (unshare), pcscd, vsmartcard-vpcd, xvfb and imagemagick.
set -euo pipefail
build=$(realpath "$1")
mode=$2
out=${3:-}
[ "$(id -u)" = 0 ] || { echo "needs root for unshare" >&2; exit 1; }

exec unshare --mount --net --propagation private /bin/bash -s "$build" "$mode" "$out" <<'INNER'
set -euo pipefail
build=$1 mode=$2 out=$3
ip link set lo up
mount -t tmpfs tmpfs /run/pcscd
mount -t tmpfs tmpfs /tmp    # private X sockets and lock files
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
pcscd -f >/dev/null 2>&1 & pids+=($!)
sleep 0.5
card() { "$build/src/sim/openausweis-sim" card --vpcd 127.0.0.1:35963 >/dev/null 2>&1 & card_pid=$!; pids+=($card_pid); }
export QT_MESSAGE_PATTERN='%{time process} %{category}: %{message}' XDG_RUNTIME_DIR=/tmp
if [ "$mode" = headless ]; then
    start=$(date +%s.%N)
    mark() { printf '%10.3f %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$*" >&2; }
    "$build/src/app/openausweis" --headless & pids+=($!)
    sleep 1.5
    mark "-- plugging the card in"; card; sleep 2
    mark "-- pulling the card out"; kill $card_pid; sleep 1.5
    mark "-- stopping pcscd"; kill "${pids[0]}"; sleep 3
else
    Xvfb :42 -screen 0 ${SCREEN:-960x640}x24 >/dev/null 2>&1 & pids+=($!)
    sleep 1
    card; sleep 1
    DISPLAY=:42 "$build/src/app/openausweis" "${@:4}" & pids+=($!)
    sleep 4
    DISPLAY=:42 import -window root "$out"
fi
INNER
