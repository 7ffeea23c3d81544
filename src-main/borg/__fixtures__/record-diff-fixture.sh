#!/usr/bin/env bash
# Records `borg diff --json-lines` of two archives into diff.stdout.jsonl (run by record-fixtures.sh;
# also runs alone). Between the archives: a file added, one removed, one with new content, one made
# executable, one given to a uid with no name, a link retargeted, a link and a folder added, a link and a
# folder removed, a file replaced by a folder, and a changed file with spaces and non-ASCII in its name.
# Usage: bash src-main/borg/__fixtures__/record-diff-fixture.sh [path-to-borg]   (needs root for chown)
set -eu
BORG="${1:-borg}"
OUT="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d /tmp/borgdesk-diff-fixture.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export BORG_BASE_DIR="$WORK/base" LANG=C.UTF-8 LC_ALL=C.UTF-8
unset BORG_PASSPHRASE BORG_NEW_PASSPHRASE BORG_PASSCOMMAND BORG_PASSPHRASE_FD
cd "$WORK"

mkdir -p d/keep d/gone-dir 'd/Fotos 2024'
printf 'same\n' >d/keep/same.txt
printf 'old\n' >d/keep/modified.txt
printf 'm\n' >d/keep/mode.sh
printf 'removed\n' >d/removed.txt
printf 'owner\n' >d/owner.txt
printf 'file\n' >d/type-change
printf 'x\n' >d/gone-dir/x
printf 'v1\n' >'d/Fotos 2024/Ämter ÷ 東京.txt'
ln -s same.txt d/keep/link
ln -s keep d/old-link
"$BORG" init --encryption=none -- repo </dev/null
"$BORG" create -- repo::a d </dev/null

printf 'new content, longer\n' >d/keep/modified.txt
chmod +x d/keep/mode.sh
rm d/removed.txt
printf 'added\n' >d/added.txt
ln -sfn modified.txt d/keep/link
chown 12345 d/owner.txt
rm d/type-change && mkdir d/type-change
rm -r d/gone-dir
mkdir d/new-dir
ln -s added.txt d/new-link
rm d/old-link
printf 'version 2\n' >'d/Fotos 2024/Ämter ÷ 東京.txt'
"$BORG" create -- repo::b d </dev/null

"$BORG" --log-json diff --json-lines -- repo::a b >"$OUT/diff.stdout.jsonl" </dev/null
echo "recorded $OUT/diff.stdout.jsonl"
