#!/bin/bash
# Online authentication with Debian's AusweisApp2 (an independent eID-Client), with
# `openausweis --headless` and with `openausweis-cli auth`, run by run alternating, against the
# same `openausweis-sim up` world (demo eService, eID-Server; RSA-PSK, or the attached model with
# --attached) and the same virtual card in a private pcscd via vpcd. AusweisApp2 and openausweis
# are long-running and driven through the AusweisApp SDK's JSON messages on their WebSocket (the
# same messages for both); the CLI is a new process per run (start-up included):
#     tests/bench/auth-peer-ausweisapp.sh BUILD_DIR [RUNS] [--attached]
# OA_PEER_TRACE=1 prints when each SDK message arrives; OA_PEER_KEEP_LOGS=DIR keeps the clients' and the world's logs. BUILD_DIR needs openausweis-sim
# and openausweis-cli; openausweis (OPENAUSWEIS_GUI=ON) joins
# when it is built. The rights: the optional CanAllowed is dropped in every client (PACE with
# the PIN everywhere); birth name (DG13), nationality (DG10) and doctoral degree (DG5) are kept.
#
# What each client needs to accept the test world, and nothing more (docs/benchmarks.md, "Peer"):
# - AusweisApp2 runs WITHOUT developer mode (its developer mode refuses a terminal certificate
#   that chains to none of its built-in CVCAs) and with `[preverification] enabled=false` in its
#   settings under a private HOME: its client-side check of the terminal chain against its
#   built-in CVCAs would refuse our test CVCA. The card still verifies the chain in TA. Its TLS
#   check needs no change: it trusts TLS certificates through the terminal certificate's
#   commCertificates, as TR-03124-1 asks, not through a CA store.
# - openausweis gets developerMode in RUN_AUTH (test CVCA and test CSCA) and finds the world's
#   TLS CA in the system trust store: the namespace's /etc/ssl/certs is a bind mount of a
#   directory holding only that CA, visible to nothing outside this run.
set -euo pipefail
readonly HERE="$(dirname "$(readlink -f "$0")")"
readonly BUILD="$(readlink -f "$1")"
readonly RUNS="${2:-10}"
readonly MODE="${3:-}"
fail() {
    echo "auth-peer-ausweisapp.sh: $*" >&2
    exit 2
}
[[ -z "$MODE" || "$MODE" == --attached ]] || fail "third argument: --attached or nothing"
command -v AusweisApp2 >/dev/null || fail "AusweisApp2 missing: apt-get install ausweisapp2"
for program in src/cli/openausweis-cli src/sim/openausweis-sim; do
    [[ -x "$BUILD/$program" ]] || fail "build $BUILD/$program first"
done
exec "$HERE/../integration/with-pcscd.sh" bash -c '
    set -euo pipefail
    here="$1"; build="$2"; runs="$3"; mode="$4"
    work="$(mktemp -d)"
    trap "rm -rf \"$work\"" EXIT
    "$build/src/sim/openausweis-sim" up --state "$work/state" --port-base 47700 \
        --card vpcd 127.0.0.1:35963 $mode >"$work/up" 2>&1 &
    for _ in $(seq 400); do grep -q ready "$work/up" && break; sleep 0.05; done
    grep -q ready "$work/up" || { cat "$work/up" >&2; exit 1; }

    mkdir "$work/trust"
    cp "$work/state/tls-ca.pem" "$work/trust/openausweis-test-ca.pem"
    openssl rehash "$work/trust"
    mount --bind "$work/trust" /etc/ssl/certs

    # AusweisApp2 1.26.2 keeps its settings under "Unknown Organization" on Debian.
    aa_config="$work/ausweisapp-home/.config/Unknown Organization"
    mkdir -p "$aa_config" "$work/ausweisapp-tmp" "$work/openausweis-home"
    printf "[preverification]\nenabled=false\n" >"$aa_config/AusweisApp2.conf"
    # Its log file (kept under TMPDIR while it runs) is its default; stdout is not.
    HOME="$work/ausweisapp-home" XDG_CONFIG_HOME="$work/ausweisapp-home/.config" \
        TMPDIR="$work/ausweisapp-tmp" QT_QPA_PLATFORM=offscreen \
        AusweisApp2 --ui websocket --port 24801 --no-proxy --no-loghandler \
        >"$work/ausweisapp.out" 2>&1 &
    clients=(--client "ausweisapp2:24801:$!:0")
    if [[ -x "$build/src/app/openausweis" ]]; then
        HOME="$work/openausweis-home" XDG_CONFIG_HOME="$work/openausweis-home/.config" \
            OPENAUSWEIS_LOG_DIR="$work/openausweis-home/logs" QT_QPA_PLATFORM=offscreen \
            "$build/src/app/openausweis" --headless --port 24802 >"$work/openausweis.log" 2>&1 &
        clients+=(--client "openausweis:24802:$!:1")
    fi
    printf 123456 >"$work/pin"
    cli="$build/src/cli/openausweis-cli auth https://127.0.0.1:47700/tcToken"
    cli+=" --reader '"'"'Virtual PCD 00 00'"'"' --pin-file $work/pin --developer-mode"
    cli+=" --accept-optional DG13,DG10,DG5"
    for _ in $(seq 100); do
        "$build/src/cli/openausweis-cli" readers 2>/dev/null | grep -q ATR && break
        sleep 0.05
    done

    status=0
    /usr/bin/python3 "$here/auth_peer_sdk.py" --runs "$runs" \
        --token-url "https://127.0.0.1:47700/tcToken" --ca-file "$work/state/tls-ca.pem" \
        "${clients[@]}" --cli "$cli" --reader "Virtual PCD 00 00" \
        ${OA_PEER_TRACE:+--trace} || status=$?
    echo "load average: $(cut -d" " -f1-3 /proc/loadavg)"
    if [[ -n "${OA_PEER_KEEP_LOGS:-}" ]]; then
        mkdir -p "$OA_PEER_KEEP_LOGS"
        cp "$work"/ausweisapp-tmp/AusweisApp2.*.log "$work/up" "$OA_PEER_KEEP_LOGS/" || true
        cp -r "$work/openausweis.log" "$work/openausweis-home/logs" "$OA_PEER_KEEP_LOGS/" 2>/dev/null ||
            true
    fi
    if ((status != 0)); then
        echo "--- AusweisApp2 log (last lines)" >&2
        tail -q -n 40 "$work"/ausweisapp-tmp/AusweisApp2.*.log >&2 || true
        echo "--- openausweis log (last lines)" >&2; tail -n 40 "$work/openausweis.log" >&2 || true
    fi
    exit $status' peer "$HERE" "$BUILD" "$RUNS" "$MODE"
