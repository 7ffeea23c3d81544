#!/usr/bin/env bash
# Re-records the borg output fixtures in this folder by running the real borg (1.2.4 when recorded).
# Usage: bash src-main/borg/__fixtures__/record-fixtures.sh [path-to-borg]
# Every run uses a throw-away BORG_BASE_DIR, so the real ~/.cache and ~/.config are never touched.
set -u
BORG="${1:-borg}"
OUT="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d /tmp/borgdesk-fixtures.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export BORG_BASE_DIR="$WORK/base" LANG=C.UTF-8 LC_ALL=C.UTF-8 BORG_DISPLAY_PASSPHRASE=no
unset BORG_PASSPHRASE BORG_NEW_PASSPHRASE BORG_PASSCOMMAND BORG_PASSPHRASE_FD
cd "$WORK" || exit 1

MANIFEST="$OUT/manifest.json"
printf '{\n  "borgVersion": "%s",\n  "recordings": [\n' "$("$BORG" --version)" >"$MANIFEST"
first=1
# note NAME RC: remember each recording's exit code for the tests.
note() {
  if [ $first -eq 0 ]; then printf ',\n' >>"$MANIFEST"; fi
  first=0
  printf '    { "name": "%s", "exitCode": %s }' "$1" "$2" >>"$MANIFEST"
}
# with_pass PASS CMD...: runs CMD with the passphrase on fd 3, as Borgdesk delivers it.
with_pass() {
  local pass="$1"
  shift
  BORG_PASSPHRASE_FD=3 "$@" 3< <(printf '%s' "$pass") </dev/null
}

mkdir -p src/sub -- -dash
printf 'hello\n' >src/a.txt
head -c 300000 /dev/urandom >src/sub/random.bin
printf 'x\n' >src/$'caf\xc3\xa9-\xf0\x9f\x98\x80.txt'
printf 'y\n' >src/$'latin1-\xff.txt'
printf 'z\n' >./-dash/f

with_pass 'correct horse' "$BORG" --log-json init --encryption=repokey-blake2 -- repo-enc 2>"$OUT/init-repokey.stderr.jsonl"
note init-repokey $?
"$BORG" --log-json init --encryption=none -- repo-plain 2>/dev/null </dev/null

with_pass 'correct horse' "$BORG" --log-json create --progress --list --json --compression=lz4 -- repo-enc::first src -dash \
  >"$OUT/create.stdout.json" 2>"$OUT/create-progress-list.stderr.jsonl"
note create $?
with_pass 'correct horse' "$BORG" --log-json create --progress --json --compression=lz4 -- repo-enc::second src /nonexistent-source \
  >/dev/null 2>"$OUT/create-warning.stderr.jsonl"
note create-warning $?
with_pass 'correct horse' "$BORG" --log-json info --json -- repo-enc >"$OUT/info-repository.stdout.json" 2>/dev/null
note info-repository $?
with_pass 'correct horse' "$BORG" --log-json info --json '--glob-archives=*' -- repo-enc >"$OUT/info-archives.stdout.json" 2>/dev/null
note info-archives $?
with_pass 'correct horse' "$BORG" --log-json list --json -- repo-enc >"$OUT/list-archives.stdout.json" 2>/dev/null
note list-archives $?
with_pass 'correct horse' "$BORG" --log-json list --json-lines -- repo-enc::first >"$OUT/list-contents.stdout.jsonl" 2>/dev/null
note list-contents $?

# Errors, each with the msgid borg reports.
with_pass 'wrong' "$BORG" --log-json list --json -- repo-enc 2>"$OUT/error-passphrase-wrong.stderr.jsonl" >/dev/null
note error-passphrase-wrong $?
"$BORG" --log-json list --json -- repo-enc 2>"$OUT/error-passphrase-required.stderr.txt" >/dev/null </dev/null
note error-passphrase-required $?
"$BORG" --log-json list --json -- "$WORK/missing" 2>"$OUT/error-repository-missing.stderr.jsonl" >/dev/null </dev/null
note error-repository-missing $?
mkdir not-a-repo
"$BORG" --log-json list --json -- not-a-repo 2>"$OUT/error-invalid-repository.stderr.jsonl" >/dev/null </dev/null
note error-invalid-repository $?
"$BORG" --log-json init --encryption=none -- repo-plain 2>"$OUT/error-repository-exists.stderr.jsonl" </dev/null
note error-repository-exists $?
with_pass 'correct horse' "$BORG" --log-json create --json -- repo-enc::first src 2>"$OUT/error-archive-exists.stderr.jsonl" >/dev/null
note error-archive-exists $?
with_pass 'correct horse' "$BORG" --log-json info --json -- repo-enc::nope 2>"$OUT/error-archive-missing.stderr.jsonl" >/dev/null
note error-archive-missing $?
"$BORG" --log-json create --bogus-option -- repo-plain::x src 2>"$OUT/error-arguments.stderr.txt" </dev/null
note error-arguments $?

"$BORG" with-lock repo-plain sleep 6 </dev/null &
lock_pid=$!
sleep 1.5
"$BORG" --log-json --lock-wait 1 list --json -- repo-plain 2>"$OUT/error-lock-timeout.stderr.jsonl" >/dev/null </dev/null
note error-lock-timeout $?
wait "$lock_pid"

# Prompts: an unknown unencrypted repository (fresh base dir), refused by stdin EOF and by the env var.
BORG_BASE_DIR="$WORK/base2" "$BORG" --log-json list --json -- repo-plain 2>"$OUT/prompt-unencrypted-eof.stderr.jsonl" >/dev/null </dev/null
note prompt-unencrypted-eof $?
BORG_BASE_DIR="$WORK/base2" BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK=no "$BORG" --log-json list --json -- repo-plain \
  2>"$OUT/prompt-unencrypted-refused.stderr.jsonl" >/dev/null </dev/null
note prompt-unencrypted-refused $?
mv repo-plain repo-moved
BORG_RELOCATED_REPO_ACCESS_IS_OK=no "$BORG" --log-json list --json -- repo-moved 2>"$OUT/prompt-relocated-refused.stderr.jsonl" >/dev/null </dev/null
note prompt-relocated-refused $?
mv repo-moved repo-plain

# Cancellation: SIGINT during a create of fresh random data.
mkdir big
head -c 150000000 /dev/urandom >big/random.bin
"$BORG" --log-json create --progress --json --compression=none -- repo-plain::big big 2>"$OUT/create-sigint.stderr.jsonl" >/dev/null </dev/null &
create_pid=$!
sleep 0.8
kill -INT "$create_pid"
wait "$create_pid"
note create-sigint $?

printf '\n  ]\n}\n' >>"$MANIFEST"
bash "$OUT/record-diff-fixture.sh" "$BORG"
echo "recorded into $OUT"
