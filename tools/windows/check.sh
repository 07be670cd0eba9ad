#!/usr/bin/env bash
# `tools/dev windows`: the Windows leg, on Linux. Cross-builds the three programs and the tests with
# MinGW-w64 against the cached Windows dependencies (tools/windows/deps.sh), makes the per-user NSIS
# installer with CPack, and runs five checks under Wine in a fresh WINEPREFIX, under Xvfb:
#   1 tests      the core, network and CLI QTest executables pass under Wine
#   2 install    the installer /S installs per-user into %LOCALAPPDATA%\Programs, Start-menu entry, HKCU key
#   3 cli        installed fenzhang-cli.exe --version; an order look-up over HTTPS against the Linux
#                fenzhang-sandbox --tls (its CA via --ca-file); CSV line ends \r\n only
#   4 desk       installed fenzhang-desk.exe --demo opens, a look-up is made (xdotool), screenshots in
#                Chinese and English, clean exit; an old RC2-40 .p12 loads (legacy provider of the
#                installed tree)
#   5 uninstall  the uninstaller removes the programs and keeps settings and history
# Output (logs, screenshots, the installer) goes to build/windows-run/<UTC time>/. Exit status 0 when
# all five pass. Needs root (chroot into the cache's Debian 13 root).
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
here=$repo/tools/windows
# shellcheck source=tools/windows/common.sh source-path=SCRIPTDIR/../..
. "$here/common.sh"

CACHE=$("$here/deps.sh" --path)
ROOT=$CACHE/root
if [ ! -e "$CACHE/ready" ]; then
    echo "tools/dev windows: no Windows dependency cache at $CACHE." >&2
    echo "Build it once with tools/windows/deps.sh (about an hour on two cores)." >&2
    exit 3
fi
[ "$(id -u)" -eq 0 ] || { echo "tools/dev windows: run as root (chroot into $ROOT)" >&2; exit 1; }

t_start=$(date +%s)
stamp() { printf '[windows %s, +%ds] %s\n' "$(date -u +%H:%M:%S)" $(($(date +%s) - t_start)) "$*"; }
out=$repo/build/windows-run/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out/tmp"
stamp "output: ${out#"$repo"/}"

# The Linux sandbox the installed CLI talks to (HTTPS on loopback): the ci build's, keys from the test
# vectors (the legacy .p12 holds the same merchant key); its extracted TLS files go to $out/tmp, which
# the root sees at the same path.
stamp "Linux fenzhang-sandbox (build/ci)"
[ -f build/ci/CMakeCache.txt ] || cmake --preset ci >/dev/null
nice -n 10 cmake --build build/ci --target fenzhang-sandbox >"$out/linux-build.log" 2>&1 \
    || { tail -n 30 "$out/linux-build.log"; exit 1; }

pids=()
# shellcheck disable=SC2317 # called by the trap
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT

TMPDIR=$out/tmp build/ci/app/sandbox/fenzhang-sandbox --tls --keys tests/data/vectors \
    >"$out/sandbox.json" 2>"$out/sandbox.log" &
pids+=($!)
for _ in $(seq 100); do [ -s "$out/sandbox.json" ] && break; sleep 0.1; done
[ -s "$out/sandbox.json" ] || { echo "fenzhang-sandbox did not start:"; cat "$out/sandbox.log"; exit 1; }

# One X server for the whole run; it picks a free display itself (other engineers run Xvfb too).
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp 3>"$out/display" >"$out/xvfb.log" 2>&1 &
pids+=($!)
for _ in $(seq 200); do [ -s "$out/display" ] && break; sleep 0.1; done
display=$(tr -dc 0-9 <"$out/display")
[ -n "$display" ] || { echo "Xvfb did not start:"; cat "$out/xvfb.log"; exit 1; }
stamp "Xvfb on :$display"

rc=0
in_root "$ROOT" DISPLAY=":$display" OUT="$out" REPO="$repo" \
    CCACHE_DIR=/var/cache/fenzhang-ccache CCACHE_BASEDIR="$repo" \
    bash "$here/wine-check.sh" || rc=$?
stamp "done in $(( ($(date +%s) - t_start) / 60 )) min $(( ($(date +%s) - t_start) % 60 )) s; output in ${out#"$repo"/}"
exit $rc
