#!/bin/bash
# Screenshots of the main screens in English and German, taken under Xvfb with the real window
# (the app's QML and controllers over the in-process demo card), into docs/screenshots/:
# {en,de}-{start,my-data,my-data-read,pin-management,pin-management-status,readers,settings,
#   settings-all,developer-mode,logs,help}.png, {en,de}-auth-*.png, {en,de}-replacement-pin*.png
#   and the pinpad prompts of a comfort reader
#   scripts/screenshots.sh [BUILD_DIR]     (default: build; needs the gui_workflow_tests target)
# Needs xvfb (xvfb-run). The size follows SCREEN (default 960x640).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=$(realpath "${1:-$here/build}")
out=$here/docs/screenshots
runner=$build/tests/gui/gui_workflow_tests
[ -x "$runner" ] || { echo "build $runner first (ninja -C $build gui_workflow_tests)" >&2; exit 1; }
mkdir -p "$out"
# A private runtime directory and settings, so no running openausweis or its settings interfere.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_RUNTIME_DIR=$scratch XDG_CONFIG_HOME=$scratch/config HOME=$scratch
export OA_GUI_SCREENSHOT_DIR=$out QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 ${SCREEN:-960x640}x24" \
    "$runner" -platform xcb screenshotsOfTheMainScreens
# The authentication behind a browser activation against the simulation world:
# {en,de}-auth-{consent,pin,result}.png (needs the gui_auth_tests target).
auth_runner=$build/tests/gui/gui_auth_tests
if [ -x "$auth_runner" ]; then
    xvfb-run -a -s "-screen 0 ${SCREEN:-960x640}x24" \
        "$auth_runner" -platform xcb screenshotsOfTheAuthenticationScreens
else
    echo "skipping the authentication screens: build $auth_runner first" >&2
fi
# The replacement PIN against the world's PIN letter service: {en,de}-replacement-pin{,-waiting,
# -ordered,-activated}.png (needs the gui_pin_letter_tests target).
letter_runner=$build/tests/gui/gui_pin_letter_tests
if [ -x "$letter_runner" ]; then
    xvfb-run -a -s "-screen 0 ${SCREEN:-960x640}x24" \
        "$letter_runner" -platform xcb replacementPinClickedThroughTheWindow
else
    echo "skipping the replacement PIN screens: build $letter_runner first" >&2
fi
# A comfort reader with a pinpad: {en,de}-auth-pinpad.png and en-pin-management-pinpad.png, the
# prompts shown while the reader asks (needs the gui_comfort_tests target).
comfort_runner=$build/tests/gui/gui_comfort_tests
if [ -x "$comfort_runner" ]; then
    xvfb-run -a -s "-screen 0 ${SCREEN:-960x640}x24" \
        "$comfort_runner" -platform xcb authenticationAsksForThePinOnThePinpad \
        pinIsChangedOnThePinpadWithAPromptForEachStage
else
    echo "skipping the pinpad screens: build $comfort_runner first" >&2
fi
ls -1 "$out"/*.png
