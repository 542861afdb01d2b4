#!/usr/bin/env bash
# Set up OpenAusweis on Debian 12 and then either start the app or run the whole test suite.
#   bash scripts/setup.sh run    install missing packages, build, start the app
#   bash scripts/setup.sh test   install missing packages, build, run every test
# Idempotent: packages already present are not touched, the build is incremental.
set -euo pipefail

mode=${1:-}
case "$mode" in
    run|test) ;;
    *) echo "usage: bash scripts/setup.sh run|test" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
build=${OPENAUSWEIS_BUILD_DIR:-$root/build}
say() { printf '\n==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else echo "error: need root or sudo to install Debian packages" >&2; exit 1
    fi
}

install_packages() {
    local wanted missing=()
    mapfile -t wanted < <(grep -v -e '^#' -e '^$' "$root/scripts/debian-packages.txt")
    for pkg in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All ${#wanted[@]} Debian packages are present"
        return
    fi
    say "Installing ${#missing[@]} missing Debian packages: ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build_all() {
    say "Configuring in $build"
    # A compiler launcher from the environment (CI: ccache) also applies to an existing build folder.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER="$CMAKE_CXX_COMPILER_LAUNCHER"} >/dev/null
    say "Building ($(nproc) jobs)"
    cmake --build "$build" -j "$(nproc)"
}

run_app() {
    local app="$build/src/app/openausweis"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
        say "No display found: starting $app --headless (services only; Ctrl+C stops it)"
        exec "$app" --headless
    fi
    say "Starting $app"
    exec "$app"
}

run_tests() {
    say "Running the test suite (ctest)"
    ctest --test-dir "$build" --output-on-failure --no-tests=error -j "$(nproc)" --timeout 300
    say "All tests passed"
}

install_packages
build_all
if [ "$mode" = run ]; then run_app; else run_tests; fi
