#!/bin/bash
# openausweis --headless runs without a display, logs the reader monitoring, and stops in order on
# SIGTERM (exit status 0, "stopped" logged after the monitors are joined).
set -u
app=$1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM= "$app" --headless --port 0 2>"$log" &
pid=$!
for _ in $(seq 200); do  # up to 10 s for start-up
    grep -q "watching" "$log" && break
    sleep 0.05
done
kill -TERM "$pid"
wait "$pid"
status=$?
cat "$log"
[ "$status" = 0 ] || { echo "exit status $status, expected 0"; exit 1; }
grep -q "openausweis.readers: watching" "$log" || { echo "no monitoring logged"; exit 1; }
grep -q "openausweis.readers: stopped" "$log" || { echo "no orderly stop logged"; exit 1; }
