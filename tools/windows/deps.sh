#!/usr/bin/env bash
# The Windows (MinGW-w64) dependency cache for `tools/dev windows`, built once from Debian's registry.
#
#   tools/windows/deps.sh          build what is missing (about an hour on two shared cores), print the cache path
#   tools/windows/deps.sh --path   only print the cache folder of this recipe (it may not exist yet)
#
# Everything lands in ~/.cache/fenzhang-windows/<recipe-hash>/ (FENZHANG_WINDOWS_CACHE overrides the
# parent folder), outside the repository. The hash covers this file and the toolchain file, so a changed recipe builds a new cache and an unchanged one is reused. Each stage leaves a
# stamp; an interrupted run carries on where it stopped.
#
#   root/                 a Debian 13 (trixie) root made with mmdebstrap: MinGW-w64 g++ (posix threads),
#                         Wine (64 and 32 bit, NSIS installers are 32-bit), NSIS, Xvfb, xdotool,
#                         ImageMagick, CJK fonts and Qt 6.8's host tools (moc, rcc, uic, lrelease ...)
#   root/opt/fenzhang-win the Windows prefix: Qt 6.8 (Core Gui Widgets Network Sql+sqlite Test Concurrent Xml,
#                         WebSockets, HttpServer; shared), OpenSSL 3 (shared, with ossl-modules/legacy.dll),
#                         QtKeychain (static)
#   stamps/, logs/        progress; each stage's full log
#
# All sources are Debian 13's source packages (`apt-get source`, deb-src line in its own sources file
# inside the root); build folders live in root/build and are deleted after each install.
set -euo pipefail

# --- Versions: the one place ----------------------------------------------------------------------
SUITE=trixie
MIRROR=http://deb.debian.org/debian           # the mirror host this machine's apt uses
QTBASE_SRC=qt6-base=6.8.2+dfsg-9
QTWEBSOCKETS_SRC=qt6-websockets=6.8.2-2
QTHTTPSERVER_SRC=qt6-httpserver=6.8.2-2
OPENSSL_SRC=openssl=3.5.4-1~deb13u1
QTKEYCHAIN_SRC=qtkeychain=0.15.0-1
SQLITE_SRC=sqlite3=3.46.1-7
# Tools inside the root (trixie's current versions; recorded in versions.txt of the cache)
ROOT_PACKAGES=(
    ca-certificates dpkg-dev build-essential cmake ninja-build perl tcl pkgconf xz-utils file procps
    g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    wine wine64 wine32:i386 libwine-dev nsis
    xvfb xauth xdotool imagemagick fonts-noto-cjk python3
)
JOBS=2          # the machine is shared: two jobs, nice 10
NICE=(nice -n 10)
# ---------------------------------------------------------------------------------------------------

here=$(cd "$(dirname "$0")" && pwd)
recipe_hash=$(cat "$here/deps.sh" "$here/mingw-w64.cmake" | sha256sum | cut -c1-16)
cache_parent=${FENZHANG_WINDOWS_CACHE:-$HOME/.cache/fenzhang-windows}
CACHE=$cache_parent/$recipe_hash
ROOT=$CACHE/root
PREFIX=/opt/fenzhang-win          # as seen inside the root

if [ "${1:-}" = --path ]; then echo "$CACHE"; exit 0; fi
[ "$(id -u)" -eq 0 ] || { echo "deps.sh: run as root (mmdebstrap, chroot)" >&2; exit 1; }

mkdir -p "$CACHE/stamps" "$CACHE/logs"
started=$(date +%s)
say() { printf '[windows deps %s, +%dm] %s\n' "$(date -u +%H:%M)" $((($(date +%s) - started) / 60)) "$*"; }

# shellcheck source=tools/windows/common.sh
. "$here/common.sh"

# stage NAME MINUTES DESCRIPTION -- COMMAND...: runs once (stamp), logs to logs/NAME.log
stage() {
    local name=$1 minutes=$2 what=$3; shift 4
    if [ -e "$CACHE/stamps/$name" ]; then say "$name: done earlier"; return; fi
    say "$name: $what (about $minutes min; log $CACHE/logs/$name.log)"
    local t0; t0=$(date +%s)
    if ! "$@" >"$CACHE/logs/$name.log" 2>&1; then
        say "$name: FAILED; last lines of its log:"; tail -n 30 "$CACHE/logs/$name.log"; exit 1
    fi
    echo "$(( $(date +%s) - t0 ))" >"$CACHE/stamps/$name"
    say "$name: done in $(( ($(date +%s) - t0) / 60 )) min $(( ($(date +%s) - t0) % 60 )) s"
}

make_root() {
    rm -rf "$ROOT"
    command -v mmdebstrap >/dev/null || apt-get install -y -qq --no-install-recommends mmdebstrap
    local list; list=$(IFS=,; echo "${ROOT_PACKAGES[*]}")
    "${NICE[@]}" mmdebstrap --variant=apt --architectures=amd64,i386 --include="$list" \
        --customize-hook='printf "Types: deb-src\nURIs: '"$MIRROR"'\nSuites: '"$SUITE"'\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n" >"$1/etc/apt/sources.list.d/trixie-src.sources"' \
        "$SUITE" "$ROOT" "deb $MIRROR $SUITE main"
    cp "$here/mingw-w64.cmake" "$ROOT$PREFIX.toolchain.cmake"
    in_root "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' >"$CACHE/versions.txt"
}

# Inside the root: fetch one source package into /src/<dir>.
fetch_sources() {
    in_root "$ROOT" sh -euc '
        apt-get update -qq
        mkdir -p /src && cd /src
        for p in "$@"; do apt-get source -qq --only-source "$p"; done
        ls -d */' sh "$QTBASE_SRC" "$QTWEBSOCKETS_SRC" "$QTHTTPSERVER_SRC" "$OPENSSL_SRC" "$QTKEYCHAIN_SRC" "$SQLITE_SRC"
    in_root "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' >"$CACHE/versions.txt"
    printf '%s\n' "$QTBASE_SRC" "$QTWEBSOCKETS_SRC" "$QTHTTPSERVER_SRC" "$OPENSSL_SRC" "$QTKEYCHAIN_SRC" "$SQLITE_SRC" \
        >>"$CACHE/versions.txt"
}

src_dir() { (cd "$ROOT/src" && ls -d "$1"-*/ | head -n1 | sed 's,/$,,'); }

# Debian's +dfsg qtbase has neither sqlite nor wintab in src/3rdparty: the sqlite amalgamation comes
# from Debian's sqlite3 source, wintab.h/pktdef.h from Wine's headers (with the macros they expect).
sqlite_and_wintab() {
    local qt sq; qt=$(src_dir qt6-base); sq=$(src_dir sqlite3)
    in_root "$ROOT" sh -euc '
        cd /src/'"$sq"' && ./configure >/dev/null && make sqlite3.c
        mkdir -p /src/'"$qt"'/src/3rdparty/sqlite /src/'"$qt"'/src/3rdparty/wintab
        cp sqlite3.c sqlite3.h /src/'"$qt"'/src/3rdparty/sqlite/
        for h in wintab.h pktdef.h; do
            { printf "#pragma once\n#ifndef WINELIB_NAME_AW\n# ifdef UNICODE\n#  define WINELIB_NAME_AW(f) f##W\n# else\n#  define WINELIB_NAME_AW(f) f##A\n# endif\n#endif\n"
              printf "#ifndef DECL_WINELIB_TYPE_AW\n# define DECL_WINELIB_TYPE_AW(t) typedef WINELIB_NAME_AW(t) t;\n#endif\n#ifndef API\n# define API WINAPI\n#endif\n"
              cat /usr/include/wine/windows/$h; } >/src/'"$qt"'/src/3rdparty/wintab/$h
        done'
}

qt_cmake_common=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=$PREFIX
    -DCMAKE_TOOLCHAIN_FILE=$PREFIX.toolchain.cmake -DFENZHANG_WIN_PREFIX=$PREFIX -DQT_HOST_PATH=/usr
    -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_GENERATE_SBOM=OFF)

build_qtbase() {
    local qt; qt=$(src_dir qt6-base)
    in_root "$ROOT" sh -euc '
        rm -rf /build/qtbase && mkdir -p /build/qtbase && cd /build/qtbase
        cmake -S /src/'"$qt"' "$@" -DBUILD_SHARED_LIBS=ON \
            -DFEATURE_dbus=OFF -DFEATURE_icu=OFF -DFEATURE_vulkan=OFF -DFEATURE_printsupport=OFF \
            -DINPUT_opengl=no -DFEATURE_opengl=OFF -DFEATURE_dynamicgl=OFF -DFEATURE_opengl_dynamic=OFF \
            -DFEATURE_opengl_desktop=OFF \
            -DFEATURE_openssl=OFF -DFEATURE_schannel=ON \
            -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=OFF -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF \
            -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_db2=OFF \
            -DFEATURE_sql_mimer=OFF \
            -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF -DFEATURE_system_harfbuzz=OFF \
            -DFEATURE_system_freetype=OFF -DFEATURE_system_libpng=OFF -DFEATURE_system_jpeg=OFF \
            -DFEATURE_system_doubleconversion=OFF -DFEATURE_system_md4c=OFF
        '"${NICE[*]}"' cmake --build . --parallel '"$JOBS"'
        cmake --install .
        cd / && rm -rf /build/qtbase' sh "${qt_cmake_common[@]}"
}

build_qt_module() { # source-package build-dir
    local src; src=$(src_dir "$1")
    in_root "$ROOT" sh -euc '
        rm -rf /build/'"$2"' && mkdir -p /build/'"$2"' && cd /build/'"$2"'
        cmake -S /src/'"$src"' "$@" -DCMAKE_PREFIX_PATH='"$PREFIX"'
        '"${NICE[*]}"' cmake --build . --parallel '"$JOBS"'
        cmake --install .
        cd / && rm -rf /build/'"$2"'' sh "${qt_cmake_common[@]}"
}

build_openssl() {
    local src; src=$(src_dir openssl)
    in_root "$ROOT" sh -euc '
        rm -rf /build/openssl && cp -a /src/'"$src"' /build/openssl && cd /build/openssl
        ./Configure mingw64 --cross-compile-prefix=x86_64-w64-mingw32- CC=gcc-posix \
            --prefix='"$PREFIX"' --libdir=lib --openssldir='"$PREFIX"'/ssl \
            shared enable-legacy no-tests no-docs no-apps
        '"${NICE[*]}"' make -j'"$JOBS"' build_sw
        make install_sw
        test -f '"$PREFIX"'/lib/ossl-modules/legacy.dll
        cd / && rm -rf /build/openssl'
}

build_qtkeychain() {
    local src; src=$(src_dir qtkeychain)
    in_root "$ROOT" sh -euc '
        rm -rf /build/qtkeychain && mkdir -p /build/qtkeychain && cd /build/qtkeychain
        cmake -S /src/'"$src"' "$@" -DCMAKE_PREFIX_PATH='"$PREFIX"' -DBUILD_WITH_QT6=ON \
            -DBUILD_SHARED_LIBS=OFF -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF
        '"${NICE[*]}"' cmake --build . --parallel '"$JOBS"'
        cmake --install .
        cd / && rm -rf /build/qtkeychain' sh "${qt_cmake_common[@]}"
}

say "cache $CACHE (recipe $recipe_hash). A fresh cache takes about an hour on two shared cores."
stage root         3 "Debian 13 root with MinGW-w64, Wine, NSIS and Qt 6.8 host tools" -- make_root
stage sources      2 "apt-get source: qt6-base, qt6-websockets, qt6-httpserver, openssl, qtkeychain, sqlite3" -- fetch_sources
stage sqlite       2 "sqlite amalgamation and wintab headers into qtbase's 3rdparty" -- sqlite_and_wintab
stage qtbase      35 "Qt 6.8 qtbase for MinGW (Core Gui Widgets Network Sql Test ...)" -- build_qtbase
stage openssl     12 "OpenSSL 3 for mingw64, shared, with the legacy provider" -- build_openssl
stage qtwebsockets 4 "Qt WebSockets" -- build_qt_module qt6-websockets qtwebsockets
stage qthttpserver 4 "Qt HttpServer" -- build_qt_module qt6-httpserver qthttpserver
stage qtkeychain   2 "QtKeychain (static)" -- build_qtkeychain
if [ ! -e "$CACHE/stamps/clean" ]; then rm -rf "$ROOT/src" "$ROOT/build"; : >"$CACHE/stamps/clean"; fi
: >"$CACHE/ready"
say "ready: $CACHE ($(du -sh "$CACHE" | cut -f1))"
