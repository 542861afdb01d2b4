#!/bin/bash
# Runs CMD... next to a private pcscd with the vpcd virtual readers:
#   with-pcscd.sh CMD...
# vpcd listens on all interfaces and pcscd has a fixed socket path, so everything runs in its own
# mount and network namespace: parallel runs never collide and nothing outside can plug a card in.
# CMD sees OA_PCSCD_PID (the running pcscd) and OA_PCSCD_RESTART (a command line that starts a
# new pcscd, waits for its socket and prints its pid). Missing root or unshare is a failure, not a
# skip: a skipped integration test would hide that nothing was proven. A private pid namespace
# makes sure no pcscd or card process outlives the run. OA_PCSCD_READERS=none starts pcscd
# without the vpcd readers.
set -euo pipefail

readonly SELF="$(readlink -f "$0")"
readonly VPCD_CONFIG=/etc/reader.conf.d/vpcd
readonly SOCKET=/run/pcscd/pcscd.comm
readonly SOCKET_WAIT_SECONDS=10

fail() {
    echo "with-pcscd.sh: FAIL: $*" >&2
    exit 1
}

start_pcscd() {
    rm -f "$SOCKET"
    local config="$VPCD_CONFIG"
    [[ "${OA_PCSCD_READERS:-vpcd}" == none ]] && config=/dev/null
    pcscd -f -c "$config" >>"$OA_PCSCD_STATE/pcscd.log" 2>&1 </dev/null &
    local pid=$!
    local deadline=$((SECONDS + SOCKET_WAIT_SECONDS))
    until [[ -S "$SOCKET" ]]; do
        kill -0 "$pid" 2>/dev/null || fail "pcscd exited at start-up; log: $(tail -n 20 "$OA_PCSCD_STATE/pcscd.log")"
        ((SECONDS < deadline)) || fail "pcscd socket $SOCKET did not appear within ${SOCKET_WAIT_SECONDS}s"
        sleep 0.02
    done
    echo "$pid"
}

cleanup() {
    local status=$?
    # As init of the private pid namespace, this takes down every pcscd and every card process a
    # test left behind (the kernel would do it anyway when this script exits, even on SIGKILL).
    kill -KILL -1 2>/dev/null || true
    wait 2>/dev/null || true
    if ((status != 0)) && [[ -s "$OA_PCSCD_STATE/pcscd.log" ]]; then
        echo "with-pcscd.sh: pcscd log (last lines):" >&2
        tail -n 20 "$OA_PCSCD_STATE/pcscd.log" >&2
    fi
    rm -rf "$OA_PCSCD_STATE"
    exit "$status"
}

if [[ "${1:-}" == "--restart-pcscd" ]]; then
    [[ -n "${OA_PCSCD_STATE:-}" ]] || fail "--restart-pcscd only works inside a with-pcscd.sh run"
    start_pcscd
    exit 0
fi

(($# > 0)) || { echo "usage: with-pcscd.sh CMD..." >&2; exit 2; }

if [[ "${OA_PCSCD_NAMESPACE:-}" != 1 || $$ != 1 ]]; then
    ((EUID == 0)) || fail "must run as root (needs mount and network namespaces for a private pcscd)"
    command -v unshare >/dev/null || fail "unshare (util-linux) is not installed"
    command -v pcscd >/dev/null || fail "pcscd is not installed"
    command -v ip >/dev/null || fail "ip (iproute2) is not installed"
    [[ -r "$VPCD_CONFIG" ]] || fail "$VPCD_CONFIG is missing (install vsmartcard-vpcd)"
    # A private pid namespace too, with this script as its init: whatever kills the run (a ctest
    # timeout sends SIGKILL) takes every pcscd and card process with it.
    export OA_PCSCD_NAMESPACE=1
    OA_HOST_NETWORK="$(readlink /proc/self/ns/net)"
    export OA_HOST_NETWORK
    exec unshare --mount --net --pid --fork --kill-child --mount-proc --propagation private \
        "$SELF" "$@" || fail "unshare failed"
fi
[[ "$(readlink /proc/self/ns/net)" != "${OA_HOST_NETWORK:-}" ]] ||
    fail "not in a private network namespace"

ip link set lo up || fail "cannot bring lo up"
mkdir -p /run/pcscd
mount -t tmpfs -o mode=0755 tmpfs /run/pcscd || fail "cannot mount a tmpfs on /run/pcscd"
OA_PCSCD_STATE="$(mktemp -d /run/pcscd/harness.XXXXXX)"
export OA_PCSCD_STATE
trap cleanup EXIT
trap 'exit 143' TERM INT

OA_PCSCD_PID="$(start_pcscd)"
export OA_PCSCD_PID
export OA_PCSCD_RESTART="$SELF --restart-pcscd"
unset OA_PCSCD_NAMESPACE OA_HOST_NETWORK

set +e
"$@"
status=$?
set -e
exit "$status"
