#!/usr/bin/env bash
# Checks of the Debian package and the desktop integration files, one check per ctest test.
#   check-package.sh SOURCE_DIR BUILD_DIR CHECK [BINARY...]
set -euo pipefail

source_dir=$1
build_dir=$2
check=$3
shift 3
binaries=("$@")

platform=$source_dir/platform
package_dir=$build_dir/packaging-test

fail() { echo "FAIL: $*" >&2; exit 1; }

# The one .deb the build-deb check made, or a failure naming the check to run first.
the_deb() {
    local debs=("$package_dir"/*.deb)
    [ -f "${debs[0]}" ] || fail "no package in $package_dir (the 'build-deb' check makes it)"
    [ "${#debs[@]}" -eq 1 ] || fail "more than one package in $package_dir"
    echo "${debs[0]}"
}

# Package names out of a Depends/Recommends field: alternatives split, versions and arch dropped.
package_names() {
    tr ',|' '\n\n' | sed -e 's/([^)]*)//g' -e 's/:[a-z0-9]*//' -e 's/[[:space:]]//g' | grep -v '^$'
}

# Names of `apt-cache showpkg` output that have a version or a provider.
known_names() {
    awk '/^Package: /{name=$2; section=""; next}
         /^Versions:/{section="versions"; next}
         /^Reverse Provides:/{section="providers"; next}
         /^[A-Z][A-Za-z ]*:/{section=""; next}
         section != "" && NF {print name}' | sort -u
}

case "$check" in
build-deb)
    rm -rf "$package_dir"
    mkdir -p "$package_dir"
    # Own output folder: the staging tree stays out of the way of a developer's cpack run.
    (cd "$build_dir" && cpack -G DEB -B "$package_dir" --config CPackConfig.cmake) >"$package_dir/cpack.log" 2>&1 ||
        { cat "$package_dir/cpack.log" >&2; fail "cpack -G DEB failed"; }
    deb=$(the_deb)
    dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb cannot read $deb"
    echo "built $deb"
    ;;
contents)
    deb=$(the_deb)
    listing=$(dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|')
    expected=(
        /usr/share/man/man1/openausweis-cli.1.gz
        /usr/share/doc/openausweis/copyright
        /usr/share/doc/openausweis/LICENSE
    )
    gui=false
    for binary in "${binaries[@]}"; do
        if [ "$binary" = openausweis ]; then gui=true; fi
    done
    if $gui; then
        expected+=(
            /usr/share/applications/openausweis.desktop
            /usr/share/metainfo/de.openausweis.OpenAusweis.metainfo.xml
            /usr/share/icons/hicolor/scalable/apps/openausweis.svg
            /usr/share/openausweis/autostart/openausweis.desktop
        )
    elif grep -q '^/usr/share/applications/' <<<"$listing"; then
        fail "a package without the app ships a desktop file"
    fi
    for binary in "${binaries[@]}"; do expected+=("/usr/bin/$binary"); done
    for path in "${expected[@]}"; do
        grep -qx -- "$path" <<<"$listing" || fail "$path is missing from the package"
    done
    # Everything under /usr: nothing in /etc (no conffiles) that a removal would leave behind.
    outside=$(grep -v -e '^/usr/' -e '^/$' <<<"$listing" || true)
    [ -z "$outside" ] || fail "files outside /usr: $outside"
    for script in preinst postinst prerm postrm conffiles; do
        if dpkg-deb -I "$deb" "$script" >/dev/null 2>&1; then fail "package has a $script"; fi
    done
    # The man page inside is the compressed source.
    tree=$(mktemp -d)
    trap 'rm -rf "$tree"' EXIT
    dpkg-deb -x "$deb" "$tree"
    cmp <(gzip -dc "$tree/usr/share/man/man1/openausweis-cli.1.gz") "$source_dir/docs/man/openausweis-cli.1" ||
        fail "packaged man page differs from docs/man/openausweis-cli.1"
    # The installed tree as AppStream tools see it: metainfo, its desktop file and icon together.
    if $gui; then
        appstreamcli validate-tree --no-net "$tree" || fail "appstreamcli validate-tree fails on the package"
    fi
    for binary in "${binaries[@]}"; do
        [ -x "$tree/usr/bin/$binary" ] || fail "/usr/bin/$binary is not executable"
    done
    if [ -x "$tree/usr/bin/openausweis-cli" ]; then
        "$tree/usr/bin/openausweis-cli" --version | grep -q '^openausweis-cli ' ||
            fail "packaged openausweis-cli --version does not name itself"
    fi
    echo "${#expected[@]} expected paths present, nothing outside /usr, no maintainer scripts"
    ;;
depends)
    deb=$(the_deb)
    depends=$(dpkg-deb -f "$deb" Depends)
    recommends=$(dpkg-deb -f "$deb" Recommends)
    [ -n "$depends" ] || fail "package has no Depends (dpkg-shlibdeps did not run?)"
    grep -qw 'libc6' <<<"$depends" || fail "Depends lacks libc6: $depends"
    grep -qw 'pcscd' <<<"$recommends" || fail "Recommends lacks pcscd: $recommends"
    if grep -qw pcscd <<<"$depends"; then fail "pcscd must be recommended, not required"; fi
    mapfile -t names < <(printf '%s\n%s\n' "$depends" "$recommends" | package_names | sort -u)
    # One apt call for all: a name is known when apt has a version of it or something provides it
    # (virtual packages such as qt6-websockets-abi).
    known=$(apt-cache showpkg "${names[@]}" 2>/dev/null | known_names)
    grep -qx libc6 <<<"$known" || fail "apt knows no packages here: run apt-get update first"
    for name in "${names[@]}"; do
        grep -qxF -- "$name" <<<"$known" || fail "'$name' is not a Debian package known to apt"
    done
    count=${#names[@]}
    echo "$count dependencies, all known to apt"
    ;;
install-purge)
    deb=$(the_deb)
    # A private dpkg database: the package's own files in and out again, with no maintainer scripts
    # to run and the dependencies deliberately ignored (installing those needs a whole Debian root).
    root=$(mktemp -d)
    trap 'rm -rf "$root"' EXIT
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/var/lib/dpkg/triggers"
    touch "$root/var/lib/dpkg/status"
    in_root() {
        PATH=/usr/sbin:/usr/bin:/sbin:/bin dpkg --root="$root" --log=/dev/null --force-not-root \
            --force-depends --force-script-chrootless "$@" >"$root/dpkg.log" 2>&1 ||
            { cat "$root/dpkg.log" >&2; fail "dpkg $* failed"; }
    }
    in_root --install "$deb"
    [ -x "$root/usr/bin/openausweis-cli" ] || fail "openausweis-cli not installed into the root"
    in_root --purge openausweis
    left=$(cd "$root" && find . -mindepth 1 ! -path './var' ! -path './var/lib' ! -path './var/lib/dpkg*' \
        ! -name dpkg.log)
    [ -z "$left" ] || fail "purging left behind: $left"
    echo "installed and purged in a private dpkg root, nothing left behind"
    ;;
desktop-files)
    desktop-file-validate "$platform/openausweis.desktop"
    desktop-file-validate "$platform/autostart/openausweis.desktop"
    # Window matching: the desktop file's name, StartupWMClass and the app's desktopFileName agree.
    app_name=$(grep -o 'setDesktopFileName(QStringLiteral("[^"]*")' "$source_dir/src/app/main.cpp" |
        sed 's/.*("\(.*\)")/\1/')
    [ "$app_name" = openausweis ] || fail "src/app/main.cpp sets desktopFileName '$app_name'"
    grep -qx "StartupWMClass=$app_name" "$platform/openausweis.desktop" || fail "StartupWMClass is not $app_name"
    grep -qx "Icon=openausweis" "$platform/openausweis.desktop" || fail "Icon is not openausweis"
    [ -f "$source_dir/resources/openausweis.svg" ] || fail "resources/openausweis.svg is missing"
    grep -qx 'Exec=openausweis --background' "$platform/autostart/openausweis.desktop" ||
        fail "the autostart entry does not start the background service"
    echo "desktop files valid and consistent with the app"
    ;;
metainfo)
    metainfo=$platform/de.openausweis.OpenAusweis.metainfo.xml
    appstreamcli validate --no-net "$metainfo"
    grep -q '<launchable type="desktop-id">openausweis.desktop</launchable>' "$metainfo" ||
        fail "metainfo does not launch openausweis.desktop"
    grep -q '<project_license>EUPL-1.2</project_license>' "$metainfo" || fail "metainfo licence is not EUPL-1.2"
    grep -q '<content_rating type="oars-1.1"' "$metainfo" || fail "metainfo has no content rating"
    version=$(sed -n 's/^project(openausweis VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
    grep -q "<release version=\"$version\"" "$metainfo" || fail "metainfo has no release $version"
    echo "metainfo valid, release $version listed"
    ;;
man-page)
    page=$source_dir/docs/man/openausweis-cli.1
    warnings=$(LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns: $warnings"
    # Every command of 'openausweis-cli --help' has its entry.
    cli=$build_dir/src/cli/openausweis-cli
    commands=$("$cli" --help | sed -n 's/^  \([a-z][a-z-]*\)\( .*\)\?$/\1/p')
    [ -n "$commands" ] || fail "no commands found in openausweis-cli --help"
    for command in $commands; do
        grep -Eq "^\.BI? \"?$command( |\"|\$)" "$page" || fail "man page has no entry for '$command'"
    done
    echo "man page renders cleanly and covers: $(echo $commands)"
    ;;
*)
    fail "unknown check $check"
    ;;
esac
