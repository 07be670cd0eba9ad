# shellcheck shell=bash
# Shared by tools/windows/deps.sh and tools/windows/check.sh (sourced, not run).
# in_root ROOT [NAME=VALUE...] COMMAND...: runs COMMAND inside the Debian 13 root of the Windows cache,
# with /dev, /proc, /sys and this repository bound (the repository at its own path, wherever the clone
# lives; the cache's src/ at /src while it exists), in a clean environment plus the NAME=VALUE given.
# The mounts live in a private mount namespace and vanish with it.
fenzhang_repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
in_root() {
    local root=$1
    shift
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    # shellcheck disable=SC2016 # expanded by the inner shell
    unshare --mount --propagation private -- /bin/sh -c '
        r=$1; repo=$2; shift 2
        mount --rbind /dev "$r/dev"; mount -t proc proc "$r/proc"; mount --rbind /sys "$r/sys"
        mkdir -p "$r$repo"; mount --rbind "$repo" "$r$repo"
        if [ -d "$r/../src" ]; then mkdir -p "$r/src"; mount --bind "$r/../src" "$r/src"; fi
        exec chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"' sh "$root" "$fenzhang_repo" "$@"
}
