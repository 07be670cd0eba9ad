#!/usr/bin/env bash
# Renders the desktop app's main states into docs/screenshots/, in Chinese and English, under Xvfb:
# the demo window as it opens, order and return results (final and PROCESSING), a 404, an answer
# whose signature failed, a dark palette, a finished demo batch (also at 1024×700), the history it left,
# and each profit-sharing product's order (with its remaining amount) and return forms. Each
# picture is the app's own QWidget::grab() of its main window (hidden --screenshot option), taken
# once the look-up (or the batch) has finished.
# Usage: tools/screenshots.sh [build dir, default build/dev]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/dev}
app=$build/app/desk/fenzhang-desk
out=docs/screenshots
[ -x "$app" ] || { echo "build $app first (cmake --build --preset dev --target fenzhang-desk)" >&2; exit 2; }
mkdir -p "$out"

# A private settings folder: remembered geometry or language must not leak into the pictures.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_RUNTIME_DIR=$home/run TZ=Asia/Shanghai
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export QT_QPA_PLATFORM=xcb

shoot() { # name language page [extra options...]
    local name=$1 lang=$2 page=$3
    shift 3
    xvfb-run -a -s "-screen 0 1440x900x24" \
        "$app" --demo --language "$lang" --page "$page" --window-size 1440x860 \
        --screenshot "$out/$name-$lang.png" "$@"
    echo "$out/$name-$lang.png"
}

# The export choice: a modal file dialog, so a picture of the whole (virtual) screen, taken with
# xdotool and ImageMagick's import: Ctrl+E on a result, then the file-type list opened.
shoot_export_choice() { # language
    local lang=$1 file="$out/export-choice-$1.png"
    mkdir -p "$HOME/Documents"
    # shellcheck disable=SC2016 # the inner shell expands its own arguments
    xvfb-run -a -s "-screen 0 1440x900x24" bash -c '
        "$1" --demo --language "$2" --page order --window-size 1440x860 --run & pid=$!
        sleep 12
        xdotool mousemove 700 700 click 1; sleep 1; xdotool key ctrl+e; sleep 4
        xdotool mousemove 708 573 click 1; sleep 2
        import -window root "$3"
        kill $pid' _ "$app" "$lang" "$file"
    echo "$file"
}

for lang in zh_CN en; do
    shoot_export_choice "$lang"
    shoot demo "$lang" order
    shoot order-result "$lang" order --run
    shoot return-result "$lang" return --run
    shoot error-not-found "$lang" order --set out_order_no=P20150806999999 --run
    shoot order-processing "$lang" order --set out_order_no=SCN-PROCESSING-3-shot --run
    shoot return-processing "$lang" return --set out_return_no=SCN-PROCESSING-3-shot --run
    shoot error-not-trusted "$lang" order --set out_order_no=SCN-TAMPER --run
    shoot order-result-dark "$lang" order --run --dark-palette
    shoot batch "$lang" batch --run
    # A small screen: amounts whole, the reason column giving way (issue 16).
    shoot batch-1024x700 "$lang" batch --run --window-size 1024x660
    # The orders with each payment's remaining amount (剩余待分金额) beside them (issue 18).
    shoot batch-remaining "$lang" batch --run --remaining-amount
    shoot batch-remaining-1024x700 "$lang" batch --run --remaining-amount --window-size 1024x660
    shoot history "$lang" history
    # Each product's forms (issue 18), with its sample looked up: the order with its remaining amount
    # (剩余待分金额) beside it, and the return.
    for product in service-provider direct brand; do
        shoot "order-$product" "$lang" order --product "$product" --run --remaining-amount
        shoot "return-$product" "$lang" return --product "$product" --run
    done
done
