#!/usr/bin/env bash
# Puts Prometheus's promtool (the exposition-format checker the metrics tests use) into a cache folder:
# Debian's `prometheus` package is downloaded and only its promtool unpacked — installing the package
# would add a 330 MB server and a service CI never runs. A second run with the same cache does nothing.
# Prints the path: <cache>/promtool.
set -euo pipefail

cache="${BORGDESK_PROMTOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/borgdesk-ci/promtool}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"
if [ -x "$cache/promtool" ] && "$cache/promtool" --version >/dev/null 2>&1; then
  echo "$cache/promtool"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# apt-get download needs the package lists; a machine that installed nothing today may have none.
if ! apt-get download prometheus >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update -qq
  apt-get download prometheus >/dev/null
fi
dpkg-deb -x prometheus_*.deb unpacked
install -m 0755 unpacked/usr/bin/promtool "$cache/promtool"
"$cache/promtool" --version >&2
echo "$cache/promtool"
