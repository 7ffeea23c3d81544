#!/usr/bin/env bash
# Records the stderr (--log-json) of prune, compact, check and delete into prune-*.stderr.jsonl,
# compact.stderr.jsonl, check-*.stderr.jsonl and delete-*.stderr.jsonl, with the exit codes in
# maintenance.manifest.json. Archive names include spaces, a name longer than borg's 36-column field
# and a leading "-", so the `--list` parser sees the awkward cases. TZ=UTC keeps daily buckets stable.
# Usage: bash src-main/borg/__fixtures__/record-maintenance-fixtures.sh [path-to-borg]
set -u
BORG="${1:-borg}"
OUT="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d /tmp/borgdesk-maint-fixtures.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export BORG_BASE_DIR="$WORK/base" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC BORG_DISPLAY_PASSPHRASE=no
unset BORG_PASSPHRASE BORG_NEW_PASSPHRASE BORG_PASSCOMMAND BORG_PASSPHRASE_FD
cd "$WORK" || exit 1

MANIFEST="$OUT/maintenance.manifest.json"
printf '{\n  "borgVersion": "%s",\n  "recordings": [\n' "$("$BORG" --version)" >"$MANIFEST"
first=1
note() {
  if [ $first -eq 0 ]; then printf ',\n' >>"$MANIFEST"; fi
  first=0
  printf '    { "name": "%s", "exitCode": %s }' "$1" "$2" >>"$MANIFEST"
}

mkdir src
printf 'hello\n' >src/a.txt
"$BORG" init --encryption=none -- repo </dev/null
# create NAME TIMESTAMP
create() { "$BORG" create --timestamp="$2" -- "repo::$1" src </dev/null; }
create 'docs-2024-03-01' 2024-03-01T12:00:00
create 'docs-with  two spaces' 2024-03-02T12:00:00
create 'docs-a-name-longer-than-the-thirty-six-column-field' 2024-03-03T12:00:00
create 'docs-2024-03-04' 2024-03-04T12:00:00
create 'docs-2024-03-05' 2024-03-05T12:00:00
create 'photos-2024-03-05' 2024-03-05T13:00:00
create '-dash' 2024-03-05T14:00:00

"$BORG" --log-json prune --list --dry-run --glob-archives='docs-*' --keep-daily=2 --keep-weekly=1 -- repo \
  2>"$OUT/prune-dry-run.stderr.jsonl" </dev/null
note prune-dry-run $?
"$BORG" --log-json prune --list --progress --glob-archives='docs-*' --keep-daily=2 --keep-weekly=1 -- repo \
  2>"$OUT/prune.stderr.jsonl" </dev/null
note prune $?
"$BORG" --log-json compact --info --progress -- repo 2>"$OUT/compact.stderr.jsonl" </dev/null
note compact $?
"$BORG" --log-json delete --list --progress -- 'repo::-dash' 2>"$OUT/delete.stderr.jsonl" </dev/null
note delete $?
"$BORG" --log-json delete --list --progress -- 'repo::no-such-archive' 2>"$OUT/delete-missing.stderr.jsonl" </dev/null
note delete-missing $?
"$BORG" --log-json check --repository-only --progress -- repo 2>"$OUT/check-repository.stderr.jsonl" </dev/null
note check-repository $?

# Damage: flip 20 bytes inside the first entry of every segment file large enough, then check.
python3 - repo/data/0/* <<'EOF'
import sys
for path in sys.argv[1:]:
    data = bytearray(open(path, 'rb').read())
    if len(data) < 100:
        continue
    for i in range(60, 80):
        data[i] ^= 0xFF
    open(path, 'wb').write(data)
EOF
"$BORG" --log-json check --repository-only --progress -- repo 2>"$OUT/check-damaged.stderr.jsonl" </dev/null
note check-damaged $?
"$BORG" --log-json check --archives-only -- repo 2>"$OUT/check-damaged-archives-only.stderr.jsonl" </dev/null
note check-damaged-archives-only $?

printf '\n  ]\n}\n' >>"$MANIFEST"
echo "recorded into $OUT"
