/**
 * Borg 2.0.0b19's output, recorded (__fixtures__/2.0.0b19/, from /work/shared/borg-fixtures), read by
 * the same parsers borg 1.2 output goes through: what DIFFERENCES.md lists as changed must still
 * arrive in Borgdesk's shapes.
 */
import { describe, expect, it } from 'vitest';
import { parseArchiveInfo } from './commands/archive-info.js';
import { parseFreedBytes } from './commands/compact.js';
import { parseDiffLine } from './commands/diff.js';
import { parsePruneListLine } from './commands/prune.js';
import { borgErrorFromRun } from './errors.js';
import { parseArchiveItemLine, parseCreateOutput, parseInfoOutput, parseListOutput } from './json-output.js';
import { parseLogLine } from './log-json.js';
import { RunObserver } from './run-observer.js';
import { fixtureLines, readFixture } from './test-fixtures.js';

const B19 = '2.0.0b19';
const fixture = (name: string): string => readFixture(`${B19}/${name}`);

function failureOf(name: string, rc: number) {
  const observer = new RunObserver();
  for (const line of fixtureLines(`${B19}/${name}`)) observer.observe(parseLogLine(line));
  return borgErrorFromRun(observer.failure(rc, false));
}

describe('borg 2.0.0b19 output through the 1.x parsers', () => {
  it('reads create --json with its command line as one string and no compressed/deduplicated sizes', () => {
    const { archive, repositoryId } = parseCreateOutput(fixture('create.stdout.json'));
    expect(archive.name).toBe('first');
    expect(repositoryId).toMatch(/^[0-9a-f]{64}$/);
    expect(archive.originalSize).toBeGreaterThan(0);
    expect(archive.fileCount).toBeGreaterThan(0);
    expect(archive.compressedSize).toBeUndefined();
    expect(archive.deduplicatedSize).toBeUndefined();
  });

  it('reads info --json of one archive: command line split, tags and chunker parameters passed over', () => {
    const info = parseArchiveInfo(fixture('info-archive.stdout.json'));
    expect(info.commandLine?.[0]).toMatch(/borg$/);
    expect(info.commandLine).toContain('create');
    expect(info.deduplicatedSize).toBeUndefined();
  });

  it('reads repo-info --json without cache stats (no totals, no dedup ratio)', () => {
    const info = parseInfoOutput(fixture('repo-info.stdout.json'));
    expect(info.repositoryId).toMatch(/^[0-9a-f]{64}$/);
    expect(info.encryption).toBe('repokey-blake2-aes-ocb');
    expect(info.stats).toBeUndefined();
    expect(info.archives).toEqual([]);
  });

  it('reads info --json --match-archives=sh:* as every archive with its original size', () => {
    const info = parseInfoOutput(fixture('info-all.stdout.json'));
    expect(info.archives.length).toBeGreaterThan(0);
    expect(info.archives[0]?.originalSize).toBeGreaterThan(0);
  });

  it('reads repo-list --json archives (name, id, start)', () => {
    const listing = parseListOutput(fixture('repo-list.stdout.json'));
    expect(listing.archives.map((a) => a.name)).toEqual(['first', 'second']);
    expect(listing.encryption).toBe('repokey-blake2-aes-ocb');
  });

  it('reads list --json-lines items and takes `target` as the link target', () => {
    const items = fixtureLines(`${B19}/list-contents-format.stdout.jsonl`).map(parseArchiveItemLine);
    expect(items.every((item) => item !== undefined)).toBe(true);
    expect(items[0]).toMatchObject({ path: 'src', type: 'd', mtime: '2026-12-01T20:49:56.840807+00:00' });
    const link = parseArchiveItemLine(
      '{"type": "l", "path": "src/ln", "mode": "lrwxrwxrwx", "target": "a.txt"}',
    );
    expect(link?.linktarget).toBe('a.txt');
  });

  it('reads diff --json-lines: "changed mode" and item1/item2 become the 1.x mode/old_*/new_* shape', () => {
    const lines = fixtureLines(`${B19}/diff.stdout.jsonl`).map(parseDiffLine);
    const mode = lines.find((l) => l?.path === 'd/mode.sh');
    expect(mode?.changes[0]).toEqual({ type: 'mode', old_mode: '-rw-r--r--', new_mode: '-rwxr-xr-x' });
    expect(mode?.changes[1]).toMatchObject({ type: 'ctime', old_ctime: expect.any(String) });
    const added = lines.find((l) => l?.path === 'd/added.txt');
    expect(added?.changes).toEqual([{ type: 'added', size: 6 }]);
    const removed = lines.find((l) => l?.path === 'd/removed.txt');
    expect(removed?.changes).toEqual([{ type: 'removed', size: 8 }]);
  });

  it('reads the delete --list line (the deletion is soft) and compact without a "freed about" line', () => {
    const events = fixtureLines(`${B19}/delete.stderr.jsonl`).map(parseLogLine);
    expect(events[0]).toMatchObject({ type: 'log_message', name: 'borg.output.list' });
    const compact = fixtureLines(`${B19}/compact.stderr.jsonl`).map(parseLogLine);
    const freed = compact.flatMap((e) => (e.type === 'log_message' ? [parseFreedBytes(e.message)] : []));
    expect(freed.every((f) => f === undefined)).toBe(true);
  });

  it('reads prune --list lines with the 44-column action and the zone in the time', () => {
    const events = fixtureLines(`${B19}/prune.stderr.jsonl`).map(parseLogLine);
    const entries = events.flatMap((e) =>
      e.type === 'log_message' && e.name === 'borg.output.list' ? [parsePruneListLine(e.message)] : [],
    );
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e !== undefined && !e.name.startsWith(' ') && e.name === e.name.trim())).toBe(
      true,
    );
  });

  it("maps CommandError 'matched 0' to ArchiveDoesNotExist and 'matched 2' to a clear name clash", () => {
    expect(failureOf('error-archive-missing.stderr.jsonl', 2)).toMatchObject({
      code: 'ArchiveDoesNotExist',
      msgid: 'CommandError',
    });
    expect(failureOf('info-ambiguous-name.stderr.jsonl', 2)).toMatchObject({
      code: 'InvalidArchiveName',
      message: expect.stringMatching(/Several archives .* have this name/),
    });
  });

  it.each(['prompt-unencrypted-eof', 'prompt-unencrypted-refused'])(
    'reads the question borg 2 asks as plain text (%s) as PromptRefused naming its env var',
    (name) => {
      const error = failureOf(`${name}.stderr.jsonl`, 2);
      expect(error).toMatchObject({
        code: 'PromptRefused',
        prompt: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
        msgid: 'BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK',
        question:
          'Warning: Attempting to access a previously unknown unencrypted repository! Do you want to continue?',
      });
      expect(error.message).toContain('not encrypted');
    },
  );

  it('reads the argument errors borg 2 prints after "borg <command>: error:"; a refused name is InvalidArchiveName', () => {
    const refused = (line: string) =>
      borgErrorFromRun({ rc: 2, cancelled: false, errors: [], rawLines: ['usage: …', line] });
    expect(refused('borg repo-list: error: unrecognized arguments: --bogus')).toMatchObject({
      code: 'InvalidArguments',
      message: 'Borg did not accept the command: unrecognized arguments: --bogus',
    });
    expect(
      refused(
        'borg create: error: argument NAME: Invalid archive name: "a?b" [invalid chars detected matching "/\\"<|>?*"]',
      ),
    ).toMatchObject({
      code: 'InvalidArchiveName',
      message: expect.stringMatching(/^Borg did not accept the archive name: Invalid archive name: "a\?b"/),
      remedy: 'Choose another archive name.',
    });
  });
});
