#!/usr/bin/env bash
# Renders resources/icons/fenzhang-desk.svg's geometry to the PNG sizes the packages and the app
# use, and the Windows .ico. ImageMagick (/usr/bin/convert) draws the same paths as the SVG,
# because Debian's ImageMagick has no SVG reader without extra delegates.
set -euo pipefail
cd "$(dirname "$0")/.."
convert=/usr/bin/convert
out=resources/icons
master=$(mktemp --suffix=.png)
trap 'rm -f "$master"' EXIT
# Drawn at 1024 (4x the SVG's 256 grid) for clean downscaling.
"$convert" -size 1024x1024 xc:none \
    -fill '#0F7B6C' -draw 'roundrectangle 64,64 960,960 192,192' \
    -fill '#FFFFFF' -draw "path 'M536,560 L536,256 A304,304 0 1,1 232,560 Z'" \
    -fill '#FFC53D' -draw "path 'M472,496 L168,496 A304,304 0 0,1 472,192 Z'" \
    "$master"
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$out/hicolor/${size}x${size}"
    "$convert" "$master" -filter Lanczos -resize "${size}x${size}" -strip \
        "PNG32:$out/hicolor/${size}x${size}/fenzhang-desk.png"
done
"$convert" "$out/hicolor/16x16/fenzhang-desk.png" "$out/hicolor/24x24/fenzhang-desk.png" \
    "$out/hicolor/32x32/fenzhang-desk.png" "$out/hicolor/48x48/fenzhang-desk.png" \
    "$out/hicolor/64x64/fenzhang-desk.png" "$out/hicolor/256x256/fenzhang-desk.png" \
    "$out/fenzhang-desk.ico"
