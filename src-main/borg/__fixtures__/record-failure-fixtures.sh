#!/usr/bin/env bash
# Records how borg 1.2.4 fails when the cause is outside borg: a full repository disk and a full
# cache disk (small tmpfs), a read-only drive, a repository folder it may not write, a borg 2
# repository (config "version = 2", and borg 2's store layout with a config/ folder), a 300-character
# archive name, and the stale-lock notices of the run after a borg was killed with SIGKILL.
# Needs root (mount, runuser). Usage: sudo bash src-main/borg/__fixtures__/record-failure-fixtures.sh [borg]
set -u
WORK_PREFIX=borgdesk-failures
# shellcheck source=recording.sh
source "$(dirname "$0")/recording.sh" "$@"
trap 'umount "$WORK"/small "$WORK"/cache "$WORK"/ro 2>/dev/null; rm -rf "$WORK"' EXIT
start_manifest "$OUT/failure.manifest.json"
export BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=yes
mkdir -p src && printf 'hello\n' >src/a.txt && head -c 20000000 /dev/urandom >src/big.bin

# rec NAME CMD...: runs CMD with stdin at EOF, stderr into NAME.stderr.jsonl, and notes its exit code.
rec() {
  local name="$1"
  shift
  "$@" 2>"$OUT/$name.stderr.jsonl" >/dev/null </dev/null
  note "$name" $?
}

# The repository on an 8 MiB disk, 20 MB to back up.
mkdir small && mount -t tmpfs -o size=8m tmpfs small
"$BORG" init --encryption=none small/repo 2>/dev/null </dev/null
rec error-disk-full "$BORG" --log-json create --json -- small/repo::full src

# Borg's cache (BORG_BASE_DIR) on a 300 KiB disk, the repository elsewhere.
mkdir cache && mount -t tmpfs -o size=300k tmpfs cache
BORG_BASE_DIR="$WORK/cache" "$BORG" init --encryption=none repo-cache 2>/dev/null </dev/null
mkdir many && for i in $(seq 1 3000); do printf 'file %s\n' "$i" >"many/f$i"; done
BORG_BASE_DIR="$WORK/cache" rec error-cache-disk-full "$BORG" --log-json create --json -- repo-cache::full many

# A repository on a drive mounted read-only.
mkdir ro && mount -t tmpfs -o size=8m tmpfs ro
"$BORG" init --encryption=none ro/repo 2>/dev/null </dev/null
mount -o remount,ro ro
rec error-read-only "$BORG" --log-json list --json -- ro/repo

# A repository folder the user may not write (root owns it, nobody runs borg).
"$BORG" init --encryption=none repo-root 2>/dev/null </dev/null
chmod 755 "$WORK" && chmod 700 repo-root && mkdir nobody-home && chmod 777 nobody-home
NAME=error-permission-denied
runuser -u nobody -- env BORG_BASE_DIR="$WORK/nobody-home" HOME="$WORK/nobody-home" \
  "$BORG" --log-json list --json -- "$WORK/repo-root" 2>"$OUT/$NAME.stderr.jsonl" >/dev/null </dev/null
note "$NAME" $?

# A borg 2 repository: made by borg2 when it is installed, else a borg 1 repository whose config says
# version = 2 (all borg 1.2 reads of it); and borg 2's store layout (borgstore: config/ is a folder).
if command -v borg2 >/dev/null; then
  borg2 -r "$WORK/repo-borg2" rcreate --encryption=none 2>/dev/null </dev/null ||
    borg2 -r "$WORK/repo-borg2" repo-create --encryption=none 2>/dev/null </dev/null
else
  "$BORG" init --encryption=none repo-borg2 2>/dev/null </dev/null
  sed -i 's/^version = 1$/version = 2/' repo-borg2/config
fi
rec error-borg2-repository "$BORG" --log-json list --json -- repo-borg2
mkdir -p repo-store/config repo-store/data repo-store/keys repo-store/archives repo-store/locks
printf 'This is a Borg Backup repository.\n' >repo-store/config/readme
printf '3\n' >repo-store/config/version
# Python prints an "Exception ignored" traceback of its own on stderr here, so this one is .txt.
"$BORG" --log-json list --json -- repo-store 2>"$OUT/error-borg2-store.stderr.txt" >/dev/null </dev/null
note error-borg2-store $?

# borg 1.2 takes a 300-character name and fails only when it writes the manifest.
"$BORG" init --encryption=none repo-plain 2>/dev/null </dev/null
rec error-archive-name-too-long "$BORG" --log-json create --json -- "repo-plain::$(printf 'a%.0s' $(seq 1 300))" src/a.txt

# kill -9 of a create mid-way leaves its lock behind; the next create removes it, with WARNINGs.
mkdir big && head -c 200000000 /dev/urandom >big/random.bin
"$BORG" --log-json create --progress -- repo-plain::killed big 2>/dev/null </dev/null &
victim=$!
for _ in $(seq 1 200); do [ -d repo-plain/lock.exclusive ] && break; sleep 0.05; done
kill -9 "$victim"
wait "$victim" 2>/dev/null
note create-killed $?
rec create-after-kill "$BORG" --log-json create --json -- repo-plain::after src/a.txt
end_manifest
