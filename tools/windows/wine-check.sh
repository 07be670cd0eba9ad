#!/usr/bin/env bash
# Runs inside the Debian 13 root of the Windows cache (tools/windows/check.sh starts it with DISPLAY,
# OUT and REPO set): MinGW build, NSIS installer, then the five checks under Wine, each PASS or FAIL.
set -uo pipefail
cd "$REPO" || exit 1
prefix=/opt/fenzhang-win
build=$REPO/build/windows
t_start=$(date +%s)
stamp() { printf '[windows %s, +%ds] %s\n' "$(date -u +%H:%M:%S)" $(($(date +%s) - t_start)) "$*"; }

# A fresh 64-bit Wine prefix for this run; no Mono/Gecko prompts. Wine's 64-bit loader itself:
# Debian's `wine` prefers the 32-bit one, which cannot start where the kernel runs no 32-bit code (this
# machine); everything here is 64-bit, the installer included. The tests in the build tree find Qt's,
# OpenSSL's and MinGW's DLLs through WINEPATH; the installed programs must not (they carry their own),
# so WINEPATH is only set for step 1.
export WINEPREFIX=/tmp/fenzhang-wine WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export WINELOADER=/usr/lib/wine/wine64 XDG_RUNTIME_DIR=/tmp/fenzhang-wine-run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
wine() { "$WINELOADER" "$@"; }
winepath() { wine winepath.exe "$@" 2>/dev/null | tr -d '\r'; }
wineboot() { wine wineboot.exe "$@"; }
# The Linux legs run in Asia/Shanghai. Windows programs read a TZ variable themselves, in the C
# runtime's "name[+|-]hours" form (where "Asia/Shanghai" means UTC, and "CST-8" makes Wine pick US
# Central time for the system), so the zone is set the Windows way: Wine takes the system's zone from
# /etc/localtime of this root (China Standard Time), and there is no TZ.
ln -sfn /usr/share/zoneinfo/Asia/Shanghai /etc/localtime
unset TZ
export CCACHE_DIR CCACHE_BASEDIR
mingw_runtime_dir=$(dirname "$(x86_64-w64-mingw32-g++-posix -print-file-name=libstdc++-6.dll)")
winpath_list() { local p out=""; for p in "$@"; do out+="$(winepath -w "$p");"; done; printf '%s' "${out%;}"; }

results=()
failed=0
result() { # step status detail
    results+=("$(printf '%-10s %s  %s' "$1" "$2" "$3")")
    [ "$2" = PASS ] || failed=1
    stamp "step $1: $2 $3"
}
fail() { echo "  FAIL: $*"; return 1; }

# --- Build ------------------------------------------------------------------------------------------
stamp "MinGW-w64 build (build/windows)"
# Step 1 runs the core, network and CLI tests: every label but the widget, keychain (no Credential
# Manager to speak of under Wine), packaging, fuzz, benchmark, lint and i18n ones (the last two check
# the sources with host tools; the Linux legs run them).
test_filter='gui|keychain|packaging|fuzz|bench|lint|i18n'
if ! cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_TOOLCHAIN_FILE="$REPO/tools/windows/mingw-w64.cmake" -DFENZHANG_WIN_PREFIX=$prefix \
        -DCMAKE_PREFIX_PATH=$prefix -DOPENSSL_ROOT_DIR=$prefix -DQT_HOST_PATH=/usr \
        -DCMAKE_STRIP=/usr/bin/x86_64-w64-mingw32-strip -DCMAKE_CROSSCOMPILING_EMULATOR="$WINELOADER" \
        -DFENZHANG_NSIS_TARGET=amd64-unicode \
        -DFENZHANG_WERROR=ON -DFENZHANG_LINT_TESTS=OFF >"$OUT/configure.log" 2>&1; then
    tail -n 40 "$OUT/configure.log"; result build FAIL "configure (configure.log)"; exit 1
fi
mapfile -t tests < <(ctest --test-dir "$build" -N -LE "$test_filter" | sed -n 's/^ *Test *#[0-9]*: //p')
# Each of those tests is an executable target of the same name (fenzhang_add_test).
mapfile -t targets < <(ninja -C "$build" -t targets all | sed -n 's/^\([^:/]*\): phony$/\1/p')
for t in "${tests[@]}"; do
    printf '%s\n' "${targets[@]}" | grep -qx "$t" || { echo "test $t is not a target of its own"; exit 1; }
done
if ! nice -n 10 cmake --build "$build" --parallel 2 --target fenzhang-desk fenzhang-cli fenzhang-sandbox \
        "${tests[@]}" >"$OUT/build.log" 2>&1; then
    grep -m 20 -B2 -A8 'error' "$OUT/build.log" | head -n 80; result build FAIL "(build.log)"; exit 1
fi
stamp "built the programs and ${#tests[@]} tests"

stamp "NSIS installer (cpack)"
if ! (cd "$build" && cpack -G NSIS -B "$OUT/package") >"$OUT/cpack.log" 2>&1; then
    tail -n 40 "$OUT/cpack.log"; result build FAIL "cpack (cpack.log)"; exit 1
fi
installer=$(ls "$OUT"/package/fenzhang-desk-*.exe)
stamp "installer: ${installer#"$OUT"/} ($(du -h "$installer" | cut -f1))"

stamp "Wine prefix (wineboot)"
rm -rf "$WINEPREFIX"
wineboot -i >"$OUT/wineboot.log" 2>&1
wineserver -w
windows_env() { wine cmd /c echo "%$1%" 2>/dev/null | tr -d '\r'; }
localappdata=$(winepath -u "$(windows_env LOCALAPPDATA)")
appdata=$(winepath -u "$(windows_env APPDATA)")
inst="$localappdata/Programs/Fenzhang Desk"

# --- 1: tests ---------------------------------------------------------------------------------------
step_tests() {
    local dll_path rc t failed_tests spec again_failed=0
    dll_path=$(winpath_list "$prefix/bin" "$mingw_runtime_dir" /usr/x86_64-w64-mingw32/lib)
    WINEPATH=$dll_path ctest --test-dir "$build" -LE "$test_filter" --output-on-failure --parallel 2 \
        >"$OUT/tests.log" 2>&1
    rc=$?
    grep -E 'tests passed|tests failed|\*\*\*Failed|Not Run|Timeout' "$OUT/tests.log" | head -n 30
    # Under Wine a QTest executable's stdout does not reach ctest: each failed (or timed-out) one runs
    # again alone with its log written to a file, and its failures are shown here.
    mkdir -p "$OUT/tests"
    mapfile -t failed_tests < <(sed -n 's/^[[:space:]]*[0-9]* - \([A-Za-z0-9_]*\) (.*/\1/p' "$OUT/tests.log")
    ctest --test-dir "$build" --show-only=json-v1 >"$OUT/tests.json"
    for t in "${failed_tests[@]}"; do
        # As ctest ran it: its working directory, its ENVIRONMENT (FENZHANG_CLI, TZ, ...), its command.
        mapfile -t spec < <(python3 - "$OUT/tests.json" "$t" <<'EOF'
import json, sys
test = next(t for t in json.load(open(sys.argv[1]))['tests'] if t['name'] == sys.argv[2])
props = {p['name']: p['value'] for p in test.get('properties', [])}
print(props.get('WORKING_DIRECTORY', '.'))
print('\n'.join(['env'] + props.get('ENVIRONMENT', []) + test['command']))
EOF
        )
        [ "${#spec[@]}" -gt 2 ] || { again_failed=1; continue; }
        if (cd "${spec[0]}" && WINEPATH=$dll_path timeout 600 "${spec[@]:1}" \
            -o "$(winepath -w "$OUT/tests/$t.txt"),txt" >/dev/null 2>&1); then
            # Wine under load (two tests at once, each with a sandbox) has made a network test fail
            # once and pass when run again: reported, not hidden, and the step still passes.
            echo "  $t: failed under ctest, passed when run again alone (log: tests/$t.txt)"
            flaky+=("$t")
        else
            again_failed=1
            echo "  $t:"
            grep -E -A3 '^FAIL!' "$OUT/tests/$t.txt" | head -n 24 | sed 's/^/    /'
        fi
    done
    [ "$rc" -eq 0 ] || [ "${#failed_tests[@]}" -gt 0 ] || again_failed=1 # failed without a name: a crash or timeout
    [ "$again_failed" -eq 0 ]
}
stamp "step 1: ${#tests[@]} QTest executables under Wine (labels other than $test_filter)"
flaky=()
if step_tests; then
    result tests PASS "${#tests[@]} tests${flaky[*]:+ (passed when run again: ${flaky[*]})}"
else
    result tests FAIL "(tests.log)"
fi

# --- 2: install -------------------------------------------------------------------------------------
uninstall_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\FenzhangDesk'
start_menu="$appdata/Microsoft/Windows/Start Menu/Programs"
step_install() {
    wine "$installer" /S >"$OUT/install.log" 2>&1 || fail "installer exit status $?" || return 1
    local f
    for f in bin/fenzhang-desk.exe bin/fenzhang-cli.exe bin/fenzhang-sandbox.exe bin/Qt6Core.dll \
        bin/platforms/qwindows.dll bin/styles/qmodernwindowsstyle.dll bin/sqldrivers/qsqlite.dll \
        bin/tls/qschannelbackend.dll bin/tls/qopensslbackend.dll bin/ossl-modules/legacy.dll \
        bin/libstdc++-6.dll bin/libwinpthread-1.dll bin/libcrypto-3-x64.dll bin/libssl-3-x64.dll bin/zlib1.dll translations/qtbase_zh_CN.qm \
        translations/fenzhang_zh_CN.qm "Uninstall Fenzhang Desk.exe"; do
        [ -e "$inst/$f" ] || fail "not installed: %LOCALAPPDATA%\\Programs\\Fenzhang Desk\\$f" || return 1
    done
    [ -e "$start_menu/分账查询台.lnk" ] || [ -e "$start_menu/Fenzhang Desk.lnk" ] \
        || fail "no Start-menu shortcut in $start_menu" || return 1
    wine reg query "$uninstall_key" >"$OUT/uninstall-key.txt" 2>&1 || fail "no $uninstall_key" || return 1
    local want
    for want in DisplayName DisplayVersion UninstallString QuietUninstallString InstallLocation; do
        grep -q "$want" "$OUT/uninstall-key.txt" || fail "$uninstall_key has no $want" || return 1
    done
    grep -q 'InstallLocation.*AppData\\Local\\Programs\\Fenzhang Desk' "$OUT/uninstall-key.txt" \
        || fail "InstallLocation is not %LOCALAPPDATA%\\Programs\\Fenzhang Desk" || return 1
    echo "  installed into $(windows_env LOCALAPPDATA)\\Programs\\Fenzhang Desk ($(du -sh "$inst" | cut -f1))"
}
stamp "step 2: silent per-user install"
if step_install; then result install PASS "per-user, Start menu, HKCU uninstall key"; else result install FAIL "(install.log)"; fi

# --- 3: CLI over HTTPS ------------------------------------------------------------------------------
info() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d"+sys.argv[2]))' "$OUT/sandbox.json" "$1"; }
cli_connection() { # [p12]: the sandbox's connection options, paths as Windows sees them
    if [ $# -gt 0 ]; then # a .p12 carries the certificate, so its serial number too
        printf '%s\n' --private-key "$(winepath -w "$1")"
    else
        printf '%s\n' --serial-no "$(info '["serial_no"]')" \
            --private-key "$(winepath -w "$(info '["merchant_private_key"]')")"
    fi
    printf '%s\n' --mchid "$(info '["mchid"]')" \
        --wechatpay-public-key-id "$(info '["wechatpay_public_key_id"]')" \
        --wechatpay-public-key "$(winepath -w "$(info '["wechatpay_public_key"]')")" \
        --ca-file "$(winepath -w "$(info '["ca_file"]')")" \
        --base-url "$(info '["url"]')" --backup-url "" --timeout 20
}
sample_order() {
    printf '%s\n' order --sub-mchid "$(info '["samples"]["order"]["sub_mchid"]')" \
        --transaction-id "$(info '["samples"]["order"]["transaction_id"]')" \
        --out-order-no "$(info '["samples"]["order"]["out_order_no"]')"
}
step_cli() {
    local cli="$inst/bin/fenzhang-cli.exe" version
    version=$(wine "$cli" --version 2>&1 | tr -d '\r') || fail "--version exit status $?: $version" || return 1
    echo "  fenzhang-cli.exe --version: $version"
    grep -q "$(sed -n 's/^ *VERSION \([0-9.]*\)$/\1/p' CMakeLists.txt)" <<<"$version" \
        || fail "--version does not say the project's version" || return 1
    local args
    mapfile -t args < <(cli_connection; sample_order)
    case "$(info '["url"]')" in https://127.0.0.1:*) ;; *) fail "the sandbox does not serve HTTPS on loopback"; return 1 ;; esac
    wine "$cli" "${args[@]}" --format csv >"$OUT/order.csv" 2>"$OUT/order.err" \
        || fail "order look-up exit status $?: $(cat "$OUT/order.err")" || return 1
    python3 - "$OUT/order.csv" "$(info '["samples"]["order"]["out_order_no"]')" <<'EOF' || return 1
import sys
data = open(sys.argv[1], 'rb').read()
problems = []
if sys.argv[2].encode() not in data: problems.append('the order number is missing')
if b'\r\r\n' in data: problems.append('\\r\\r\\n line ends (stdout in text mode)')
if data.count(b'\n') == 0 or data.count(b'\n') != data.count(b'\r\n'): problems.append('a line end other than \\r\\n')
if problems: print('  FAIL: CSV: ' + '; '.join(problems)); sys.exit(1)
print('  CSV: %d lines, \\r\\n only' % data.count(b'\r\n'))
EOF
}
stamp "step 3: installed fenzhang-cli.exe against the Linux sandbox over HTTPS"
if step_cli; then result cli PASS "--version, HTTPS order look-up, CSV \\r\\n"; else result cli FAIL "(order.err)"; fi

# --- 4: desktop app ---------------------------------------------------------------------------------
history_db="$appdata/FenzhangDesk/fenzhang-desk/history.sqlite3"
history_rows() {
    python3 -c 'import sqlite3,sys
try:
    c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
    print(sum(c.execute("select count(*) from " + t).fetchone()[0] for (t,) in
              c.execute("select name from sqlite_master where type=\"table\" and name not like \"sqlite_%\"")))
except Exception:
    print(0)' "$history_db"
}
desk_run() { # language
    local lang=$1 pid wid before shot="$OUT/windows-desk-$1.png"
    before=$(history_rows)
    wine "$inst/bin/fenzhang-desk.exe" --demo --language "$lang" --window-size 1280x800 \
        >"$OUT/desk-$lang.log" 2>&1 &
    pid=$!
    wid=$(timeout 90 xdotool search --sync --onlyvisible --class 'fenzhang-desk.exe' | head -n 1) \
        || { kill "$pid"; fail "no window within 90 s ($lang)"; return 1; }
    # No window manager under Xvfb: a click on the status bar gives Wine's window the keyboard focus,
    # then Ctrl+Return (the look-up's shortcut) through XTEST, like a clerk's keyboard.
    local geometry height
    geometry=$(xdotool getwindowgeometry --shell "$wid")
    height=$(sed -n 's/^HEIGHT=//p' <<<"$geometry")
    xdotool mousemove --window "$wid" 200 $((height - 8)) click 1
    xdotool windowfocus --sync "$wid" 2>/dev/null || true
    xdotool key ctrl+Return
    local _
    for _ in $(seq 60); do
        [ "$(history_rows)" -gt "$before" ] && break
        sleep 1
    done
    [ "$(history_rows)" -gt "$before" ] || { kill "$pid"; fail "no look-up in the history ($lang)"; return 1; }
    sleep 2 # the result view paints after the history write
    import -window "$wid" "$shot"
    echo "  $lang: look-up made (history rows $before -> $(history_rows)), screenshot ${shot#"$OUT"/}"
    xdotool key alt+F4
    local rc=0
    timeout 60 tail --pid="$pid" -f /dev/null || { kill "$pid"; fail "did not exit within 60 s of Alt+F4 ($lang)"; return 1; }
    wait "$pid" || rc=$?
    [ "$rc" -eq 0 ] || fail "exit status $rc ($lang): $(tail -n 5 "$OUT/desk-$lang.log")" || return 1
}
step_legacy_p12() {
    local args
    mapfile -t args < <(cli_connection "$REPO/tests/data/vectors/merchant_certificate_legacy.p12"; sample_order)
    wine "$inst/bin/fenzhang-cli.exe" "${args[@]}" --format json >"$OUT/legacy-p12.json" 2>"$OUT/legacy-p12.err" \
        || fail "RC2-40 .p12: exit status $?: $(cat "$OUT/legacy-p12.err")" || return 1
    echo "  RC2-40 merchant_certificate_legacy.p12 loaded by the installed tree, look-up signed with it"
}
step_desk() {
    desk_run zh_CN && desk_run en && step_legacy_p12
}
stamp "step 4: installed fenzhang-desk.exe --demo, a look-up, screenshots; the legacy .p12"
if step_desk; then result desk PASS "zh_CN + en screenshots, clean exit, RC2-40 .p12"; else result desk FAIL "(desk-*.log)"; fi

# --- 5: uninstall -----------------------------------------------------------------------------------
step_uninstall() {
    local settings_key='HKCU\Software\FenzhangDesk\fenzhang-desk'
    wine reg query "$settings_key" >/dev/null 2>&1 || fail "no settings to keep ($settings_key)" || return 1
    [ -e "$history_db" ] || fail "no history to keep ($history_db)" || return 1
    # NSIS's uninstaller copies itself to %TEMP% and returns at once: wait for the copy to finish.
    wine "$inst/Uninstall Fenzhang Desk.exe" /S >"$OUT/uninstall.log" 2>&1 || fail "uninstaller exit status $?" || return 1
    local _
    for _ in $(seq 60); do [ -e "$inst/bin/fenzhang-desk.exe" ] || break; sleep 1; done
    wineserver -w 2>/dev/null || true
    [ ! -e "$inst/bin" ] || fail "programs left behind: $(find "$inst" | head -n 5)" || return 1
    [ ! -e "$inst" ] || fail "install folder left behind" || return 1
    [ ! -e "$start_menu/分账查询台.lnk" ] && [ ! -e "$start_menu/Fenzhang Desk.lnk" ] \
        || fail "Start-menu shortcut left behind" || return 1
    ! wine reg query "$uninstall_key" >/dev/null 2>&1 || fail "$uninstall_key left behind" || return 1
    wine reg query "$settings_key" >/dev/null 2>&1 || fail "settings removed ($settings_key)" || return 1
    [ -e "$history_db" ] || fail "history removed" || return 1
    echo "  programs, shortcut and uninstall key gone; settings and history kept"
}
stamp "step 5: silent uninstall"
if step_uninstall; then result uninstall PASS "programs gone, settings and history kept"; else result uninstall FAIL "(uninstall.log)"; fi

wineserver -k 2>/dev/null || true
rm -rf "$WINEPREFIX"
echo
echo "Windows leg (MinGW-w64 + Wine), $(date -u +%F' '%H:%M) UTC:"
printf '  %s\n' "${results[@]}"
exit $failed
