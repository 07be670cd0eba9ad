#!/usr/bin/env bash
# Prints the project's version, project(... VERSION X.Y.Z ...) in CMakeLists.txt (or the file
# given), for the release workflow's tag check. Reads through CRLF line ends (a Windows checkout
# without .gitattributes) and fails, saying so, when no version is found instead of printing "".
set -euo pipefail
file=${1:-"$(dirname "$0")/../CMakeLists.txt"}
version=$(tr -d '\r' <"$file" |
    sed -n 's/^[[:space:]]*VERSION[[:space:]]\{1,\}\([0-9][0-9]*\(\.[0-9][0-9]*\)\{1,3\}\)[[:space:]]*$/\1/p' |
    head -n 1)
if [ -z "$version" ]; then
    echo "project-version: no 'VERSION X.Y.Z' line in $file" >&2
    exit 1
fi
echo "$version"
