import { describe, expect, it } from 'vitest';
import { buildExactExcludeFile, exactPathPattern, selectedPathPattern } from '../exact-patterns.js';
import { fixtureLines } from '../test-fixtures.js';
import { buildDiffArgs, parseDiffLine } from './diff.js';
import { buildExtractArgs, type ExtractOptions } from './extract.js';
import { buildListContentsArgs } from './list-contents.js';
import { buildMountArgs, buildUmountArgs } from './mount.js';

const extract: ExtractOptions = {
  location: '/backups/repo',
  archiveName: 'host-2024',
  paths: ['home/me/Fotos 2024', '-rf', '--help'],
  cwd: '/restore/here',
  stripComponents: 0,
};

// Everything after "--" is positional for borg's argparse.
const positionals = (args: readonly string[]): readonly string[] => args.slice(args.indexOf('--') + 1);

describe('restore command arguments', () => {
  it('lists contents as JSON lines with the cheaper mtime key', () => {
    expect(buildListContentsArgs({ location: '-repo', archiveName: 'a b' })).toEqual([
      'list',
      '--json-lines',
      '--format={isomtime}{size}',
      '--',
      '-repo::a b',
    ]);
  });

  it('extracts with progress and keeps paths such as -rf and --help positional, as path prefixes', () => {
    const args = buildExtractArgs(extract);
    expect(args).toEqual([
      'extract',
      '--progress',
      '--',
      '/backups/repo::host-2024',
      'pp:home/me/Fotos 2024',
      'pp:-rf',
      'pp:--help',
    ]);
  });

  it('adds --strip-components and the exclude file as --opt=value before "--"', () => {
    const args = buildExtractArgs({ ...extract, stripComponents: 2, excludeFromFile: '/tmp/x/exclude.txt' });
    expect(args.slice(0, args.indexOf('--'))).toEqual([
      'extract',
      '--progress',
      '--strip-components=2',
      '--exclude-from=/tmp/x/exclude.txt',
    ]);
    expect(positionals(args)).toEqual(['/backups/repo::host-2024', ...extract.paths.map((p) => `pp:${p}`)]);
  });

  it('makes a dry run list instead of showing progress', () => {
    const args = buildExtractArgs({ ...extract, dryRun: true });
    expect(args.slice(0, 3)).toEqual(['extract', '--dry-run', '--list']);
    expect(args).not.toContain('--progress');
  });

  it('extracts the whole archive when no paths are given', () => {
    expect(positionals(buildExtractArgs({ ...extract, paths: [] }))).toEqual(['/backups/repo::host-2024']);
  });

  it('compares two archives with the second name positional too', () => {
    expect(buildDiffArgs({ location: 'r', archiveA: 'a', archiveB: '-b' })).toEqual([
      'diff',
      '--json-lines',
      '--',
      'r::a',
      '-b',
    ]);
  });

  it('mounts an archive or a whole repository, and unmounts', () => {
    expect(buildMountArgs({ location: 'r', archiveName: 'a', mountPoint: '-m' })).toEqual([
      'mount',
      '--',
      'r::a',
      '-m',
    ]);
    expect(buildMountArgs({ location: 'r', mountPoint: '/m' })).toEqual(['mount', '--', 'r', '/m']);
    expect(buildUmountArgs({ mountPoint: '-m' })).toEqual(['umount', '--', '-m']);
  });
});

describe('exactPathPattern', () => {
  it('uses pf: (full-path match) for ordinary names, whatever glob characters they hold', () => {
    expect(exactPathPattern('src/Fotos 2024/Ämter ÷ 東京.txt')).toBe('pf:src/Fotos 2024/Ämter ÷ 東京.txt');
    expect(exactPathPattern('src/a*b')).toBe('pf:src/a*b');
    expect(exactPathPattern('src/[x]')).toBe('pf:src/[x]');
    expect(exactPathPattern('-rf')).toBe('pf:-rf');
    expect(exactPathPattern('#not a comment')).toBe('pf:#not a comment');
  });

  it('switches to an escaped, anchored re: where borg would strip, split or normalise the line', () => {
    expect(exactPathPattern('src/trail ')).toBe('re:^src/trail\\x20\\Z');
    expect(exactPathPattern('src/nl\nname')).toBe('re:^src/nl\\x0aname\\Z');
    expect(exactPathPattern('a/./b')).toBe('re:^a/\\./b\\Z');
    expect(exactPathPattern('a\u3000')).toBe('re:^a\\u3000\\Z');
  });

  it('lets "?" stand for itself or for one undecodable byte (borg lists those as "?")', () => {
    expect(exactPathPattern('s2/l?.t (1)')).toBe('re:^s2/l(?:\\?|[\\udc80-\\udcff])\\.t\\x20\\(1\\)\\Z');
  });

  it('writes one pattern per line', () => {
    expect(buildExactExcludeFile(['a', 'b c '])).toBe('pf:a\nre:^b\\x20c\\x20\\Z\n');
  });
});

describe('selectedPathPattern', () => {
  it('makes every path an explicit path prefix, so no name is read as another pattern style', () => {
    expect(selectedPathPattern('re:odd')).toBe('pp:re:odd');
    expect(selectedPathPattern('sh:a*/x')).toBe('pp:sh:a*/x');
    expect(selectedPathPattern('zz:unknown style')).toBe('pp:zz:unknown style');
    expect(selectedPathPattern('src/odd/[x]')).toBe('pp:src/odd/[x]');
    expect(selectedPathPattern('src/trail ')).toBe('pp:src/trail ');
    expect(selectedPathPattern('/pp:abs')).toBe('pp:pp:abs');
  });

  it('matches "?" as itself or one undecodable byte, for the path and anything below it', () => {
    expect(selectedPathPattern('re:l?t/a b')).toBe('re:^re\\:l(?:\\?|[\\udc80-\\udcff])t/a\\x20b(?:/|\\Z)');
  });

  it('leaves no path to normpath, which would turn it into another one', () => {
    expect(selectedPathPattern('a/../b')).toBe('re:^a/\\.\\./b(?:/|\\Z)');
  });
});

describe('parseDiffLine', () => {
  const items = fixtureLines('diff.stdout.jsonl').map(parseDiffLine);
  const byPath = new Map(items.map((item) => [item?.path, item?.changes]));

  it('parses every line recorded from borg 1.2.4', () => {
    expect(items.length).toBeGreaterThanOrEqual(14);
    expect(items.every((item) => item !== undefined && item.changes.length > 0)).toBe(true);
  });

  it('keeps every kind of change with its details', () => {
    expect(byPath.get('d/added.txt')).toEqual([{ type: 'added', size: 6 }]);
    expect(byPath.get('d/removed.txt')).toEqual([{ type: 'removed', size: 8 }]);
    expect(byPath.get('d/keep/modified.txt')).toContainEqual({ type: 'modified', added: 20, removed: 4 });
    expect(byPath.get('d/keep/mode.sh')).toContainEqual({
      type: 'mode',
      old_mode: '-rw-r--r--',
      new_mode: '-rwxr-xr-x',
    });
    expect(byPath.get('d/owner.txt')).toContainEqual(
      expect.objectContaining({ type: 'owner', new_user: null }),
    );
    expect(byPath.get('d/new-dir')).toEqual([{ type: 'added directory' }]);
    expect(byPath.get('d/old-link')).toEqual([{ type: 'removed link' }]);
    expect(byPath.get('d/keep/link')?.[0]).toEqual({ type: 'changed link' });
    expect(byPath.has('d/Fotos 2024/Ämter ÷ 東京.txt')).toBe(true);
  });

  it('flattens the nested form of the docs example', () => {
    const line =
      '{"path": "file1", "changes": [{"path": "file1", "changes": [{"type": "modified", "added": 17, "removed": 5}, {"type": "mode", "old_mode": "-rw-r--r--", "new_mode": "-rwxr-xr-x"}]}]}';
    expect(parseDiffLine(line)?.changes.map((c) => c.type)).toEqual(['modified', 'mode']);
  });

  it('rejects lines that are not a changed path', () => {
    expect(parseDiffLine('Traceback (most recent call last):')).toBeUndefined();
    expect(parseDiffLine('{"path": "x"}')).toBeUndefined();
    expect(parseDiffLine('{"path": "x", "changes": [{"no": "type"}]}')).toBeUndefined();
    expect(parseDiffLine('[1, 2]')).toBeUndefined();
  });
});
