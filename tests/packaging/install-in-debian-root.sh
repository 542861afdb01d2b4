#!/usr/bin/env bash
# Installs the built .deb into a clean Debian 12 root with apt, runs both programs there, purges it.
#   install-in-debian-root.sh PACKAGE.deb|FOLDER     (a folder holding exactly one .deb)
# The root is a debootstrap --variant=minbase bookworm from Debian's mirror, kept as a tarball in
# $OPENAUSWEIS_CI_CACHE (default /var/cache/openausweis-ci) keyed by suite, variant and mirror, so
# only the first run downloads it. apt resolves the package's Depends from Debian's archive alone;
# downloaded .debs are kept in the cache too. Needs root (chroot, mounts) and the network.
set -euo pipefail

fail() { echo "FAIL: $*" >&2; exit 1; }
say() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }

if [ "${1:-}" != --inside ]; then
    deb=$(realpath "${1:?usage: install-in-debian-root.sh PACKAGE.deb|FOLDER}")
    if [ -d "$deb" ]; then
        debs=("$deb"/*.deb)
        [ -f "${debs[0]}" ] && [ "${#debs[@]}" -eq 1 ] || fail "want exactly one .deb in $deb"
        deb=${debs[0]}
    fi
    [ -f "$deb" ] || fail "no package $deb"
    [ "$(id -u)" -eq 0 ] || fail "needs root (debootstrap, chroot, mounts)"
    command -v debootstrap >/dev/null || fail "debootstrap is not installed (scripts/debian-packages.txt)"
    # Private mount and pid namespaces: every mount and every process in the root ends with the test.
    exec unshare --mount --pid --fork --propagation private "$0" --inside "$deb"
fi
deb=$2

cache=${OPENAUSWEIS_CI_CACHE:-/var/cache/openausweis-ci}
mirror=${OPENAUSWEIS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
variant=minbase
key=$(printf '%s\n' "$suite" "$variant" "$mirror" "$(dpkg --print-architecture)" | sha256sum | cut -c1-16)
tarball=$cache/debian12-$variant-$key.tar.gz
archives=$cache/apt-archives
mkdir -p "$cache" "$archives/partial"

work=$(mktemp -d /var/tmp/openausweis-install-test.XXXXXX)
root=$work/root
cleanup() {
    # The mounts vanish with the namespace; unmount anyway so rm never walks into /dev or the cache.
    for mount in "$root/var/cache/apt/archives" "$root/proc" "$root/dev"; do
        umount -R "$mount" 2>/dev/null || true
    done
    rm -rf --one-file-system "$work"
}
trap cleanup EXIT

# 1. The clean root: from the cache, or debootstrapped once (one writer at a time).
started=$(date +%s)
exec 9>"$cache/.lock"
flock 9
if [ ! -f "$tarball" ]; then
    say "no cached root, debootstrap $variant $suite from $mirror"
    fresh=$work/fresh
    debootstrap --variant="$variant" "$suite" "$fresh" "$mirror" >"$work/debootstrap.log" 2>&1 ||
        { tail -n 30 "$work/debootstrap.log" >&2; fail "debootstrap failed"; }
    chroot "$fresh" apt-get clean
    rm -rf "$fresh"/var/lib/apt/lists/*
    tar -C "$fresh" --numeric-owner -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf --one-file-system "$fresh"
    say "cached $tarball ($(du -h "$tarball" | cut -f1))"
fi
flock -u 9
mkdir "$root"
tar -C "$root" --numeric-owner -xzf "$tarball"
say "clean Debian root ready after $(($(date +%s) - started)) s"

mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount --bind "$archives" "$root/var/cache/apt/archives"
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf 'deb %s %s main\ndeb %s %s-updates main\ndeb http://deb.debian.org/debian-security %s-security main\n' \
    "$mirror" "$suite" "$mirror" "$suite" "$suite" >"$root/etc/apt/sources.list"
# The programs' user data (the app's log under ~/.local/state) is the user's, not the package's:
# purge does not own it, so the runs get a home under /tmp, outside the leftover check.
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp/home LANG=C.UTF-8 "$@"; }
apt_in_root() {
    in_root env DEBIAN_FRONTEND=noninteractive apt-get -q -y -o Dpkg::Use-Pty=0 "$@" >>"$work/apt.log" 2>&1 ||
        { tail -n 40 "$work/apt.log" >&2; fail "apt-get $* failed in the Debian root"; }
}

# 2. Install with apt: the package's Depends come from Debian's archive only.
apt_in_root update
packages_before=$(in_root dpkg-query -W -f='${Package}\n' | sort)
cp "$deb" "$root/tmp/openausweis.deb"
apt_in_root install --no-install-recommends /tmp/openausweis.deb
added=$(comm -13 <(echo "$packages_before") <(in_root dpkg-query -W -f='${Package}\n' | sort) | wc -l)
say "installed with $((added - 1)) dependencies from Debian after $(($(date +%s) - started)) s"
owned=$(in_root dpkg-query -L openausweis)

# 3. Both programs run in the root.
version=$(in_root openausweis-cli --version) || fail "openausweis-cli --version failed: $version"
grep -q '^openausweis-cli ' <<<"$version" || fail "openausweis-cli --version printed: $version"
say "openausweis-cli --version: $version"

if in_root test -x /usr/bin/openausweis; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    in_root env XDG_RUNTIME_DIR=/tmp openausweis --headless --port "$port" >"$work/app.log" 2>&1 &
    app=$!
    status=
    for _ in $(seq 1 100); do
        status=$(curl -s --max-time 2 "http://127.0.0.1:$port/eID-Client?Status" || true)
        [ -n "$status" ] && break
        kill -0 "$app" 2>/dev/null || { cat "$work/app.log" >&2; fail "openausweis --headless exited"; }
        sleep 0.2
    done
    [ -n "$status" ] || { cat "$work/app.log" >&2; fail "no answer to ?Status on port $port"; }
    grep -qi 'openausweis' <<<"$status" || fail "?Status does not name the client: $status"
    kill -TERM "$app"
    wait "$app" || true
    say "openausweis --headless answered ?Status: $(head -n 1 <<<"$status")"
fi

# 4. Purge: none of our files, no path named after us, and no package from the install remains.
apt_in_root purge --autoremove openausweis
while IFS= read -r path; do
    [ -f "$root$path" ] || [ -L "$root$path" ] || continue
    fail "purge left $path behind"
done <<<"$owned"
ours=$(cd "$root" && find . -xdev -iname '*openausweis*' ! -path './tmp/*' ! -path './var/log/*' \
    ! -path './var/cache/apt/*' ! -path './var/lib/dpkg/*' -print)
[ -z "$ours" ] || fail "left behind after purge: $ours"
packages_after=$(in_root dpkg-query -W -f='${Package}\n' | sort)
[ "$packages_before" = "$packages_after" ] ||
    fail "packages differ after purge --autoremove: $(diff <(echo "$packages_before") <(echo "$packages_after"))"
say "purged: no file of ours left, the root has the packages it started with ($(($(date +%s) - started)) s)"
