# shellcheck shell=bash
# What tools/dev installs on the host (Debian 12 / Ubuntu names) and tools/qt68.sh installs in its
# Debian 13 root (renamed there where trixie differs). Sourced by both.
# npm (for tools/lint) is not listed: tools/dev installs Debian's only when no npm is on PATH, as a
# NodeSource or runner-provided Node conflicts with it.
# shellcheck disable=SC2034 # used by the scripts that source this file
PACKAGES=(
    cmake ninja-build g++ ccache openssl python3
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite qt6-qpa-plugins
    qtkeychain-qt6-dev libssl-dev libgl1-mesa-dev libxkbcommon-dev
    xvfb xauth fonts-noto-cjk dbus gnome-keyring libsecret-1-0
    clang libclang-rt-dev
    dpkg-dev nsis desktop-file-utils appstream qt6-translations-l10n
    mmdebstrap debian-archive-keyring shellcheck file
    zlib1g-dev python3-openpyxl
    # LibreOffice Calc for the workbook round-trip test (~80 MB download, ~3 min to install here);
    # the test skips with a message when soffice is absent.
    libreoffice-calc-nogui
)
