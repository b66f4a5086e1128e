#!/usr/bin/env bash
# Provides the system-package step of `make test` and .ci/run, from scripts/system-packages.txt.
#
#   bash scripts/system-packages.sh [MISSING_FILE]
#
# Every command on the list present: exit 0, silent. Some missing and this process may
# install (root with apt-get): installs their packages, then checks again. Still missing:
# prints ONE line naming what is missing and how to get it, writes the selectors of the
# tests that need them to MISSING_FILE (tests/conftest.py skips those), and exits 1 so that
# `make test` runs everything else and still ends non-zero.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
list="$here/system-packages.txt"
out="${1:-}"

missing() {  # "command package selector" for each command not on PATH
  grep -v '^\s*#' "$list" | awk 'NF >= 3 {print $1, $2, $3}' | while read -r cmd pkg sel; do
    command -v "$cmd" >/dev/null 2>&1 || echo "$cmd $pkg $sel"
  done
}

[ -n "$out" ] && : > "$out"
todo="$(missing)"
[ -z "$todo" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  packages="$(echo "$todo" | awk '{print $2}' | sort -u | tr '\n' ' ')"
  echo "system-packages: installing $packages(about 2 min on a fresh machine)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null 2>&1
  # shellcheck disable=SC2086
  apt-get install -y -q --no-install-recommends $packages >/dev/null 2>&1
  todo="$(missing)"
  [ -z "$todo" ] && exit 0
fi

commands="$(echo "$todo" | awk '{print $1}' | tr '\n' ' ' | sed 's/ $//; s/ /, /g')"
packages="$(echo "$todo" | awk '{print $2}' | sort -u | tr '\n' ' ' | sed 's/ $//')"
if [ "$(id -u)" != 0 ]; then
  how="as root run: apt-get install -y --no-install-recommends $packages (or rerun make test as root)"
elif command -v apt-get >/dev/null 2>&1; then
  how="apt-get did not provide them; run apt-get install -y --no-install-recommends $packages to see why"
else
  how="this machine has no apt-get; install the Debian packages $packages or their equivalents"
fi
echo "make test: missing $commands, so the tests that drive them are skipped and make test fails; $how" >&2
[ -n "$out" ] && echo "$todo" | awk '{print $1, $3}' > "$out"
exit 1
