#!/bin/bash
# APDU round trip through pcscd and vpcd against `openausweis-sim card`, in a private pcscd:
#   tests/bench/vpcd-roundtrip.sh BUILD_DIR [ROUNDS]
set -euo pipefail
readonly HERE="$(dirname "$(readlink -f "$0")")"
readonly BUILD="$(readlink -f "$1")"
readonly ROUNDS="${2:-50}"
exec "$HERE/../integration/with-pcscd.sh" bash -c '
    "$1/src/sim/openausweis-sim" card --vpcd 127.0.0.1:35963 2>/dev/null &
    "$1/tests/bench/apdu_roundtrip" "$2"' roundtrip "$BUILD" "$ROUNDS"
