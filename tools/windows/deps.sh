#!/usr/bin/env bash
# The Windows (MinGW-w64) dependency cache for `tools/dev windows`, built once.
#
#   tools/windows/deps.sh          build what is missing (about an hour on two shared cores), print progress
#   tools/windows/deps.sh --path   only print the cache folder of this recipe (it may not exist yet)
#
# Everything lands in ~/.cache/fenzhang-windows/<recipe-hash>/ (FENZHANG_WINDOWS_CACHE overrides the
# parent folder), outside the repository. The hash covers this file and the toolchain file, so a
# changed recipe builds a new cache and an unchanged one is reused. Each stage leaves a stamp (with its
# duration in seconds); an interrupted run carries on where it stopped.
#
#   src/                  the sources (seen as /src inside the root)
#   root/                 a Debian 13 (trixie) root made with mmdebstrap: MinGW-w64 g++ (posix threads),
#                         Wine (64-bit: the kernel here runs no 32-bit code, so no wine32), NSIS, Xvfb, xdotool,
#                         ImageMagick, CJK fonts, ccache and Qt 6.8's host tools (moc, rcc, uic, lrelease)
#   root/opt/fenzhang-win the Windows prefix: Qt 6.8 (Core Gui Widgets Network Sql+sqlite Test Concurrent
#                         Xml, WebSockets, HttpServer; shared; OpenSSL and Schannel TLS backends; Qt's
#                         zh_CN translations), OpenSSL 3 (shared,
#                         with lib/ossl-modules/legacy.dll), QtKeychain (static)
#   stamps/ logs/ versions.txt   progress, each stage's full log, what went in
# Build folders live in root/build and are deleted after each install; src/ after the last stage.
# The commands run inside the root are single-quoted on purpose (expanded there, not here).
# shellcheck disable=SC2016
set -euo pipefail

# --- Versions: the one place ----------------------------------------------------------------------
SUITE=trixie                                  # Debian 13: Qt 6.8.2, GCC 14, Wine 10, NSIS 3.11
MIRROR=http://deb.debian.org/debian           # the mirror host this machine's apt uses
# Debian 13 source packages (apt-get source, a deb-src line for trixie in the cache's own apt config)
DEBIAN_SOURCES=(qt6-base=6.8.2+dfsg-9+deb13u2 openssl=3.5.7-1~deb13u2 sqlite3=3.46.1-7+deb13u2)
# Only the upstream tarball of these is on the mirror (its .dsc is not); Debian adds Linux packaging only.
DEBIAN_ORIG_ONLY=(qtkeychain=0.15.0-1)
# Debian 13's qt6-websockets and qt6-httpserver come from the mirror when it has them (deb.debian.org
# does). Where it does not (this machine's registry mirror answers 404 for their files), the Qt 6.8.0
# release tags instead: `git archive` tarballs of github.com/qt/<module> placed in
# FENZHANG_WINDOWS_SOURCES (default ~/.cache/fenzhang-windows/sources/), checked by SHA-256.
#   git -C qtwebsockets archive --prefix=qtwebsockets-6.8.0/ -o qtwebsockets-6.8.0.tar.gz v6.8.0
DEBIAN_OR_TARBALL=(
    "qt6-websockets=6.8.2-3 qtwebsockets-6.8.0.tar.gz 1beecfc0cb268aba0ffcf262b787d5a1fb6165b4784b3fb4675d636ae5b2deb0"
    "qt6-httpserver=6.8.2-2 qthttpserver-6.8.0.tar.gz d650b4c6c06ff662a8faec7e929ac17bc403b075414f5925663bd54dc51eebe7"
)
# Tools inside the root (trixie's current versions; recorded in versions.txt)
ROOT_PACKAGES=(
    ca-certificates build-essential cmake ninja-build perl tcl pkgconf xz-utils file procps ccache
    g++-mingw-w64-x86-64-posix gcc-mingw-w64-x86-64-posix binutils-mingw-w64-x86-64
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    wine wine64 libwine-dev nsis libz-mingw-w64-dev
    xvfb xauth xdotool imagemagick fonts-noto-cjk python3 python3-openpyxl
)
JOBS=2          # the machine is shared: two jobs, nice 10
NICE=(nice -n 10)
# ---------------------------------------------------------------------------------------------------

here=$(cd "$(dirname "$0")" && pwd)
recipe_hash=$(cat "$here/deps.sh" "$here/mingw-w64.cmake" | sha256sum | cut -c1-16)
cache_parent=${FENZHANG_WINDOWS_CACHE:-$HOME/.cache/fenzhang-windows}
CACHE=$cache_parent/$recipe_hash
ROOT=$CACHE/root
SRC=$CACHE/src
PREFIX=/opt/fenzhang-win          # as seen inside the root
tarball_dir=${FENZHANG_WINDOWS_SOURCES:-$cache_parent/sources}

if [ "${1:-}" = --path ]; then echo "$CACHE"; exit 0; fi
[ "$(id -u)" -eq 0 ] || { echo "deps.sh: run as root (mmdebstrap, chroot)" >&2; exit 1; }
# shellcheck source=tools/windows/common.sh source-path=SCRIPTDIR/../..
. "$here/common.sh"

mkdir -p "$CACHE/stamps" "$CACHE/logs"
started=$(date +%s)
say() { printf '[windows deps %s, +%dm] %s\n' "$(date -u +%H:%M)" $((($(date +%s) - started) / 60)) "$*"; }

# stage NAME MINUTES DESCRIPTION -- COMMAND...: runs once (stamp), logs to logs/NAME.log
stage() {
    local name=$1 minutes=$2 what=$3
    shift 4
    if [ -e "$CACHE/stamps/$name" ]; then say "$name: done earlier"; return; fi
    say "$name: $what (about $minutes min; log $CACHE/logs/$name.log)"
    local t0 rc
    t0=$(date +%s)
    # In a subshell of its own, so that `set -e` holds inside the stage's functions too.
    set +e
    (set -e; "$@") >"$CACHE/logs/$name.log" 2>&1
    rc=$?
    set -e
    if [ "$rc" -ne 0 ]; then
        say "$name: FAILED; last lines of its log:"
        tail -n 30 "$CACHE/logs/$name.log"
        exit 1
    fi
    echo "$(($(date +%s) - t0))" >"$CACHE/stamps/$name"
    say "$name: done in $((($(date +%s) - t0) / 60)) min $((($(date +%s) - t0) % 60)) s"
}

# The sources, with this machine's apt client but a private configuration (trixie deb-src only), so
# the machine's own apt sources stay as they are.
fetch_sources() (
    apt=$CACHE/apt
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/sources.list.d" "$SRC"
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$MIRROR" "$SUITE" >"$apt/sources.list.d/$SUITE-src.sources"
    opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt/sources.list.d"
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Sandbox::User=root)
    command -v dpkg-source >/dev/null || apt-get install -y -qq --no-install-recommends dpkg-dev
    apt-get "${opts[@]}" update
    cd "$SRC"
    apt-get "${opts[@]}" source -q --only-source "${DEBIAN_SOURCES[@]}"
    for p in "${DEBIAN_ORIG_ONLY[@]}"; do
        apt-get "${opts[@]}" source -q --only-source --tar-only "$p"
        tar xf "${p%%=*}"_*.orig.tar.*
    done
    for entry in "${DEBIAN_OR_TARBALL[@]}"; do
        read -r package file sum <<<"$entry"
        if apt-get "${opts[@]}" source -q --only-source "$package"; then continue; fi
        echo "$package: not on the mirror; the tarball $file instead"
        [ -f "$tarball_dir/$file" ] || { echo "missing $tarball_dir/$file (see the versions at the top of deps.sh)"; exit 1; }
        echo "$sum  $tarball_dir/$file" | sha256sum -c -
        tar xf "$tarball_dir/$file"
    done
    rm -f ./*.tar.* ./*.dsc ./*.asc
    ls -d ./*/
)

make_root() {
    rm -rf "$ROOT"
    command -v mmdebstrap >/dev/null || apt-get install -y -qq --no-install-recommends mmdebstrap
    local list
    list=$(IFS=,; echo "${ROOT_PACKAGES[*]}")
    "${NICE[@]}" mmdebstrap --variant=apt --include="$list" "$SUITE" "$ROOT" \
        "deb $MIRROR $SUITE main"
    mkdir -p "$ROOT/src" "$ROOT$PREFIX"
    cp "$here/mingw-w64.cmake" "$ROOT$PREFIX.toolchain.cmake"
}

src_dir() { # NAME...: the unpacked source folder NAME-VERSION of the first NAME found
    local name d
    for name in "$@"; do
        for d in "$SRC/$name"-[0-9]*/; do [ -d "$d" ] && basename "$d" && return; done
    done
    echo "no source folder $SRC/{$*}-*" >&2
    return 1
}

# Debian's +dfsg qtbase has neither sqlite nor wintab in src/3rdparty: the sqlite amalgamation comes
# from Debian's sqlite3 source, wintab.h/pktdef.h from Wine's headers (with the macros they expect).
sqlite_and_wintab() {
    local qt sq
    qt=$(src_dir qt6-base); sq=$(src_dir sqlite3)
    in_root "$ROOT" sh -euc '
        cd /src/'"$sq"' && { [ -f sqlite3.c ] || { ./configure >/dev/null && make sqlite3.c; }; }
        mkdir -p /src/'"$qt"'/src/3rdparty/sqlite /src/'"$qt"'/src/3rdparty/wintab
        cp sqlite3.c sqlite3.h /src/'"$qt"'/src/3rdparty/sqlite/
        for h in wintab.h pktdef.h; do
            { printf "#pragma once\n#ifndef WINELIB_NAME_AW\n# ifdef UNICODE\n#  define WINELIB_NAME_AW(f) f##W\n# else\n#  define WINELIB_NAME_AW(f) f##A\n# endif\n#endif\n"
              printf "#ifndef DECL_WINELIB_TYPE_AW\n# define DECL_WINELIB_TYPE_AW(t) typedef WINELIB_NAME_AW(t) t;\n#endif\n#ifndef API\n# define API WINAPI\n#endif\n"
              cat /usr/include/wine/wine/windows/$h; } >/src/'"$qt"'/src/3rdparty/wintab/$h
        done'
}

qt_cmake_common=(-G Ninja -DCMAKE_BUILD_TYPE=Release "-DCMAKE_INSTALL_PREFIX=$PREFIX"
    "-DCMAKE_TOOLCHAIN_FILE=$PREFIX.toolchain.cmake" "-DFENZHANG_WIN_PREFIX=$PREFIX" -DQT_HOST_PATH=/usr
    -DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake
    "-DCMAKE_PREFIX_PATH=$PREFIX" -DQT_BUILD_EXAMPLES=OFF -DQT_BUILD_TESTS=OFF -DQT_GENERATE_SBOM=OFF)

# cmake_build SOURCE-DIR BUILD-NAME [CMAKE OPTIONS...]: configure, build, install, delete the build folder.
# An interrupted stage resumes: its build folder stays until the install is done, and ninja carries on.
cmake_build() {
    local src=$1 name=$2
    shift 2
    in_root "$ROOT" sh -euc '
        src=$1 name=$2; shift 2
        mkdir -p "/build/$name" && cd "/build/$name"
        cmake -S "/src/$src" "$@"
        '"${NICE[*]}"' cmake --build . --parallel '"$JOBS"'
        cmake --install .
        cd / && rm -rf "/build/$name"' sh "$src" "$name" "${qt_cmake_common[@]}" "$@"
}

# TLS: both of Qt's Windows backends. Qt prefers OpenSSL when its DLLs load (QTlsBackend::
# defaultBackendName), and the release deploys them beside the programs, so OpenSSL is what users run;
# it is loaded at run time (not linked), as in Qt's own Windows builds. Schannel stays as the fallback.
build_qtbase() {
    cmake_build "$(src_dir qt6-base)" qtbase -DBUILD_SHARED_LIBS=ON \
        -DFEATURE_dbus=OFF -DFEATURE_icu=OFF -DFEATURE_vulkan=OFF -DFEATURE_printsupport=OFF \
        -DINPUT_opengl=no -DFEATURE_opengl=OFF -DFEATURE_dynamicgl=OFF -DFEATURE_opengl_dynamic=OFF \
        -DFEATURE_opengl_desktop=OFF -DFEATURE_jpeg=OFF -DFEATURE_gif=OFF -DFEATURE_tuiotouch=OFF \
        -DFEATURE_openssl=ON -DFEATURE_openssl_linked=OFF "-DOPENSSL_ROOT_DIR=$PREFIX" -DFEATURE_schannel=ON \
        -DFEATURE_sql_sqlite=ON -DFEATURE_system_sqlite=OFF -DFEATURE_sql_odbc=OFF -DFEATURE_sql_psql=OFF \
        -DFEATURE_sql_mysql=OFF -DFEATURE_sql_ibase=OFF -DFEATURE_sql_oci=OFF -DFEATURE_sql_db2=OFF \
        -DFEATURE_sql_mimer=OFF \
        -DFEATURE_system_zlib=OFF -DFEATURE_system_pcre2=OFF -DFEATURE_system_harfbuzz=OFF \
        -DFEATURE_system_freetype=OFF -DFEATURE_system_libpng=OFF -DFEATURE_system_doubleconversion=OFF \
        -DFEATURE_system_md4c=OFF
    # Qt's own translations are data, not code: Debian's qt6-translations-l10n has them.
    mkdir -p "$ROOT$PREFIX/translations"
    cp "$ROOT"/usr/share/qt6/translations/qtbase_zh_CN.qm "$ROOT"/usr/share/qt6/translations/qt_zh_CN.qm \
        "$ROOT$PREFIX/translations/"
}

build_qtkeychain() {
    local src
    src=$(src_dir qtkeychain)
    # QtKeychain 0.15.0 hands MSVC's /utf-8 to every Windows compiler, and MinGW's g++ takes it for a
    # file name; g++ reads UTF-8 sources anyway.
    sed -i 's|add_definitions( /utf-8 -DUNICODE )|add_definitions( -DUNICODE )|' "$SRC/$src/qtkeychain/CMakeLists.txt"
    cmake_build "$src" qtkeychain \
        -DBUILD_WITH_QT6=ON -DBUILD_SHARED_LIBS=OFF -DBUILD_TRANSLATIONS=OFF -DBUILD_TEST_APPLICATION=OFF
}

build_openssl() {
    in_root "$ROOT" sh -euc '
        # Resumes an interrupted build: the folder (configured once) stays until the install is done.
        [ -f /build/openssl/Makefile ] || { rm -rf /build/openssl && cp -a /src/'"$(src_dir openssl)"' /build/openssl; }
        cd /build/openssl
        [ -f Makefile ] || ./Configure mingw64 --cross-compile-prefix=x86_64-w64-mingw32- CC=gcc-posix \
            --prefix='"$PREFIX"' --libdir=lib --openssldir='"$PREFIX"'/ssl \
            shared enable-legacy no-tests no-docs no-apps
        '"${NICE[*]}"' make -j'"$JOBS"' build_sw
        make install_sw
        test -f '"$PREFIX"'/lib/ossl-modules/legacy.dll
        cd / && rm -rf /build/openssl'
}

say "cache $CACHE (recipe $recipe_hash). A fresh cache takes about an hour on two shared cores."
stage sources       2 "Debian 13's qt6-base, openssl, sqlite3, qtkeychain, qt6-websockets, qt6-httpserver (or tarballs)" -- fetch_sources
stage root          8 "Debian 13 root with MinGW-w64, Wine, NSIS and Qt 6.8 host tools" -- make_root
stage sqlite        2 "sqlite amalgamation and wintab headers into qtbase's 3rdparty" -- sqlite_and_wintab
# OpenSSL before qtbase: Qt's OpenSSL TLS backend (the one the release uses, see build_qtbase) is
# compiled against its headers.
stage openssl      10 "OpenSSL 3 for mingw64, shared, with the legacy provider" -- build_openssl
stage qtbase       30 "Qt 6.8 qtbase for MinGW (Core Gui Widgets Network Sql Test ...)" -- build_qtbase
stage qtwebsockets  4 "Qt WebSockets" -- cmake_build "$(src_dir qt6-websockets qtwebsockets)" qtwebsockets
stage qthttpserver  4 "Qt HttpServer" -- cmake_build "$(src_dir qt6-httpserver qthttpserver)" qthttpserver
stage qtkeychain    2 "QtKeychain (static)" -- build_qtkeychain
if [ ! -e "$CACHE/ready" ]; then
    in_root "$ROOT" dpkg-query -W -f='${Package} ${Version}\n' >"$CACHE/versions.txt"
    printf 'source %s\n' "${DEBIAN_SOURCES[@]}" "${DEBIAN_ORIG_ONLY[@]}" >>"$CACHE/versions.txt"
    for d in "$SRC"/*/; do echo "unpacked $(basename "$d")"; done >>"$CACHE/versions.txt"
    rm -rf "$SRC" "$ROOT/build" "$CACHE/apt"
    : >"$CACHE/ready"
fi
say "ready: $CACHE ($(du -sh "$CACHE/" | cut -f1))"
