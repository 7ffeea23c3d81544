#!/usr/bin/env bash
# Puts borg 1.4 and borg 2 beside the system borg (Debian 12's 1.2.4), for the version matrix tests.
#   borg 1.4: Debian's bookworm-backports binary package, unpacked (not installed).
#   borg 2:   the newest borg 2 beta whose sources Debian's mirror serves, with borghash and borgstore,
#             built in place with Debian 12's python3 (the sdists ship their generated C files).
# The extra suites live in a private apt state inside the cache folder, so the system's apt sources
# are never changed. A second run with the same cache folder downloads and builds nothing.
# Prints the two wrapper paths: <cache>/borg-1.4/borg and <cache>/borg-2/borg.
set -euo pipefail

cache="${BORGDESK_BORG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/borgdesk-ci/borgs}"
borg2_version="${BORGDESK_BORG2_VERSION:-2.0.0b19}"
borghash_version="${BORGDESK_BORGHASH_VERSION:-0.1.0}"
borgstore_version="${BORGDESK_BORGSTORE_VERSION:-0.3.0}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)

# Build tools and the libraries borg 2 links against and imports (all from Debian 12 itself).
needed=(python3-dev python3-setuptools python3-pkgconfig pkg-config gcc liblz4-dev libzstd-dev
  libxxhash-dev libacl1-dev libssl-dev python3-argon2 python3-platformdirs python3-requests
  python3-msgpack python3-packaging)
missing=()
for p in "${needed[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ] && { [ ! -x "$cache/borg-2/borg" ] || [ ! -x "$cache/borg-1.4/borg" ]; }; then
  echo "Installing build dependencies: ${missing[*]}" >&2
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

apt_private=(-o "Dir::Etc::SourceList=$cache/apt/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$cache/apt/lists" -o "Dir::Cache=$cache/apt/cache" -o "APT::Sandbox::User=root")
prepare_apt() {
  [ -f "$cache/apt/.updated" ] && return
  mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial"
  local mirror keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  cat >"$cache/apt/sources.list" <<LIST
deb [signed-by=$keyring] $mirror bookworm-backports main
deb-src [signed-by=$keyring] $mirror trixie main
deb-src [signed-by=$keyring] $mirror sid main
LIST
  apt-get "${apt_private[@]}" update -qq >&2
  touch "$cache/apt/.updated"
}

# apt-get source fetches .dsc, .orig and .debian parts; only the upstream tarball is needed here,
# so a missing .dsc on the mirror is not fatal as long as the .orig arrived.
fetch_orig() {
  local pkg=$1 version=$2 tarball=$3
  [ -f "$cache/dl/$tarball" ] && return
  prepare_apt
  mkdir -p "$cache/dl"
  local full
  full="$(apt-cache "${apt_private[@]}" showsrc "$pkg" | awk -v v="$version" '$1=="Version:" && index($2, v"-")==1 {print $2}' | head -1)"
  [ -n "$full" ] || { echo "Debian's mirror lists no source of $pkg $version" >&2; exit 1; }
  (cd "$cache/dl" && apt-get "${apt_private[@]}" source --download-only "$pkg=$full" >&2) || true
  [ -f "$cache/dl/$tarball" ] || { echo "Could not download $tarball from Debian's mirror" >&2; exit 1; }
}

install_borg14() {
  [ -x "$cache/borg-1.4/borg" ] && return
  prepare_apt
  mkdir -p "$cache/dl" "$cache/borg-1.4"
  (cd "$cache/dl" && apt-get "${apt_private[@]}" download borgbackup/bookworm-backports >&2)
  dpkg-deb -x "$(ls "$cache"/dl/borgbackup_1.4*~bpo12*_amd64.deb | tail -1)" "$cache/borg-1.4/root"
  write_wrapper "$cache/borg-1.4/borg" "$cache/borg-1.4/root/usr/lib/python3/dist-packages"
}

install_borg2() {
  [ -x "$cache/borg-2/borg" ] && return
  fetch_orig borgbackup2 "$borg2_version" "borgbackup2_$borg2_version.orig.tar.gz"
  fetch_orig borghash "$borghash_version" "borghash_$borghash_version.orig.tar.gz"
  fetch_orig borgstore "$borgstore_version" "borgstore_$borgstore_version.orig.tar.gz"
  local src="$cache/borg-2/src"
  rm -rf "$src" && mkdir -p "$src"
  for t in "borgbackup2_$borg2_version" "borghash_$borghash_version" "borgstore_$borgstore_version"; do
    tar -xzf "$cache/dl/$t.orig.tar.gz" -C "$src"
  done
  (cd "$src/borghash-$borghash_version" && /usr/bin/python3 setup.py build_ext --inplace >&2)
  # Debian 12's setuptools (66) predates the SPDX license string of PEP 639; the metadata is not
  # needed for an in-place build, so it is rewritten to the older table form.
  sed -i -e 's/^license = "\(.*\)"/license = {text = "\1"}/' -e '/^license-files/d' \
    "$src/borgbackup-$borg2_version/pyproject.toml"
  (cd "$src/borgbackup-$borg2_version" && /usr/bin/python3 setup.py build_ext --inplace >&2)
  write_wrapper "$cache/borg-2/borg" \
    "$src/borgbackup-$borg2_version/src:$src/borghash-$borghash_version/src:$src/borgstore-$borgstore_version/src"
}

write_wrapper() {
  local file=$1 python_path=$2
  cat >"$file" <<WRAPPER
#!/bin/sh
# Runs a borg kept beside the system one (written by scripts/ci/install-borgs.sh).
PYTHONPATH="$python_path\${PYTHONPATH:+:\$PYTHONPATH}" exec /usr/bin/python3 -c 'import sys; from borg.archiver import main; sys.argv[0] = "borg"; sys.exit(main())' "\$@"
WRAPPER
  chmod +x "$file"
  "$file" --version >&2
}

install_borg14
install_borg2
echo "$cache/borg-1.4/borg"
echo "$cache/borg-2/borg"
