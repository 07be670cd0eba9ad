#!/usr/bin/env bash
# The Qt 6.8 leg: builds and runs the whole suite on Debian 13 (trixie), whose Qt is 6.8, inside a
# root made by mmdebstrap from Debian's own mirror (issue 13). `tools/dev test` runs it after the
# Qt 6.4 pass; `tools/dev qt68` runs only this.
#
#   The root lives outside the repo, in ${FENZHANG_QT68_CACHE:-~/.cache/fenzhang-qt68}/root, and is
#   kept between runs. It is made again when it is missing or when its recipe (suite, mirror and
#   package list below) changes: the recipe's hash is written into the root when it is complete.
#   The build goes to build/qt68 (preset qt68 = preset ci in its own folder), so it never mixes
#   with the host's build/ci.
#
#   tools/qt68.sh [ctest args]      build everything, run the suite (what `tools/dev test` runs)
#   tools/qt68.sh exec CMD [ARG...]  run one command in the root, in the repo (e.g. build one target:
#                                    tools/qt68.sh exec cmake --build build/qt68 --target test_foo)
#
# Needs root (mmdebstrap's root mode, chroot, bind mounts): uses sudo when not run as root.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd -P)

# The same mirror host as this machine's apt sources; deb.debian.org when none is found.
mirror_host() {
    local uri
    uri=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+(\[[^]]*\][[:space:]]+)?)https?://[^[:space:]]+/debian/?([[:space:]]|$)' \
              /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null |
          grep -oE 'https?://[^[:space:]]+' | head -n 1) || true
    echo "${uri:-http://deb.debian.org/debian}"
}

SUITE=trixie
MIRROR=${FENZHANG_QT68_MIRROR:-$(mirror_host)}
# tools/dev's PACKAGES under their trixie names, without clang (the sanitize and fuzz passes are not
# run on this leg) and the host-only tools (this script's own and the repository linters, which
# check files, not Qt: the host pass runs them), plus tzdata (the tests run with TZ=Asia/Shanghai)
# and ca-certificates, which a minimal root lacks.
# shellcheck source=tools/packages.bash
source tools/packages.bash
trixie_name() {
    case "$1" in
        clang | libclang-rt-dev) ;;                            # sanitize/fuzz passes only
        mmdebstrap | debian-archive-keyring | shellcheck) ;;   # host only
        libreoffice-calc-nogui) ;; # the workbook round trip through LibreOffice is checked on the host
        libgl1-mesa-dev) echo libgl-dev ;; # the transitional name is gone in trixie
        *) echo "$1" ;;
    esac
}
QT68_PACKAGES=(tzdata ca-certificates)
for p in "${PACKAGES[@]}"; do
    name=$(trixie_name "$p")
    [ -n "$name" ] && QT68_PACKAGES+=("$name")
done

cache=${FENZHANG_QT68_CACHE:-${HOME}/.cache/fenzhang-qt68}
root=$cache/root
stamp=.fenzhang-qt68-recipe
recipe_hash=$(printf '%s\n' "recipe 1" "$SUITE" "$MIRROR" "${QT68_PACKAGES[@]}" | sha256sum | cut -c1-16)

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

make_root() {
    if [ -f "$root/$stamp" ] && [ "$(cat "$root/$stamp")" = "$recipe_hash" ]; then
        return
    fi
    if [ -f "$root/$stamp" ]; then
        # A whole root of an older recipe: add what the new list has (minutes) rather than make it
        # again (half an hour on a busy machine). A failed update falls through to a new root.
        echo "qt68: updating the Debian $SUITE root in $root to recipe $recipe_hash"
        if run_inside bash -euc 'apt-get update -qq &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null' \
                qt68-update "${QT68_PACKAGES[@]}"; then
            echo "$recipe_hash" | as_root tee "$root/$stamp" >/dev/null
            return
        fi
        echo "qt68: the update failed; making the root again"
    fi
    echo "qt68: making a Debian $SUITE root in $root (recipe $recipe_hash, mirror $MIRROR)"
    as_root rm -rf --one-file-system "$root"
    mkdir -p "$cache"
    local keyring=()
    [ -f /usr/share/keyrings/debian-archive-keyring.gpg ] &&
        keyring=(--keyring=/usr/share/keyrings/debian-archive-keyring.gpg)
    as_root mmdebstrap --mode=root --variant=apt "${keyring[@]}" \
        --include="$(
            IFS=,
            echo "${QT68_PACKAGES[*]}"
        )" \
        --aptopt='APT::Install-Recommends "false"' \
        --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
        "$SUITE" "$root" "deb $MIRROR $SUITE main" "deb $MIRROR $SUITE-updates main"
    # Written last: a root that stopped half-way is made again on the next run.
    echo "$recipe_hash" | as_root tee "$root/$stamp" >/dev/null
}

# Runs a command (default `tools/dev suite qt68`) inside the root: a private mount namespace, so the bind mounts go away
# with the process whatever happens; the repo and ccache's folder appear at their own paths.
run_inside() {
    local ccache_dir ccache_base
    ccache_dir=$(ccache -k cache_dir 2>/dev/null || echo "$HOME/.cache/ccache")
    ccache_base=$(ccache -k base_dir 2>/dev/null || true)
    mkdir -p "$ccache_dir"
    # shellcheck disable=SC2016 # expanded by the inner shell
    as_root unshare --mount --propagation private -- bash -euc '
        root=$1 repo=$2 ccache_dir=$3
        mount -t proc proc "$root/proc"
        mount --rbind /dev "$root/dev"
        mount --bind /tmp "$root/tmp"
        mkdir -p "$root$repo" "$root$ccache_dir"
        mount --bind "$repo" "$root$repo"
        mount --bind "$ccache_dir" "$root$ccache_dir"
        # Name resolution for apt when the root is updated (mmdebstrap leaves none behind).
        touch "$root/etc/resolv.conf" && mount --bind /etc/resolv.conf "$root/etc/resolv.conf"
        shift 3
        exec chroot "$root" "$@"
    ' qt68 "$root" "$repo" "$ccache_dir" \
        env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
        CI="${CI:-}" CCACHE_DIR="$ccache_dir" CCACHE_BASEDIR="$ccache_base" \
        bash -c 'cd "$1" && shift && exec "$@"' qt68 "$repo" "$@"
}

start=$SECONDS
make_root
made=$((SECONDS - start))
if [ "${1:-}" = exec ]; then
    shift
    run_inside "$@"
    exit
fi
run_inside tools/dev suite qt68 "$@"
echo "qt68: root ready in ${made} s, build and tests in $((SECONDS - start - made)) s"
