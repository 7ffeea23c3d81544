import { describe, expect, it } from 'vitest';
import {
  parseArchiveItemLine,
  parseCreateOutput,
  parseInfoOutput,
  parseListOutput,
  toRepositoryStats,
} from './json-output.js';
import { isBorgError } from './errors.js';
import { fixtureLines, readFixture } from './test-fixtures.js';

const hex64 = /^[0-9a-f]{64}$/;

describe('parseCreateOutput', () => {
  it('maps the recorded create --json to an ArchiveSummary', () => {
    const raw = JSON.parse(readFixture('create.stdout.json'));
    const { archive, repositoryId } = parseCreateOutput(readFixture('create.stdout.json'));
    expect(repositoryId).toMatch(hex64);
    expect(archive).toEqual({
      id: raw.archive.id,
      name: 'first',
      start: raw.archive.start,
      end: raw.archive.end,
      durationSeconds: raw.archive.duration,
      originalSize: raw.archive.stats.original_size,
      compressedSize: raw.archive.stats.compressed_size,
      deduplicatedSize: raw.archive.stats.deduplicated_size,
      fileCount: raw.archive.stats.nfiles,
      // The whole repository's stored size after this backup (cache stats), for the growth chart.
      repositoryStoredSize: raw.cache.stats.unique_csize,
    });
    expect(archive.fileCount).toBe(5);
    expect(archive.originalSize).toBeGreaterThan(300_000);
  });
});

describe('parseInfoOutput', () => {
  it('maps repository stats without archives', () => {
    const info = parseInfoOutput(readFixture('info-repository.stdout.json'));
    const stats = JSON.parse(readFixture('info-repository.stdout.json')).cache.stats;
    expect(info.repositoryId).toMatch(hex64);
    expect(info.location).toMatch(/repo-enc$/);
    expect(info.encryption).toBe('repokey-blake2');
    expect(info.archives).toEqual([]);
    expect(info.stats).toEqual({
      totalSize: stats.total_size,
      totalCompressedSize: stats.total_csize,
      uniqueSize: stats.unique_size,
      uniqueCompressedSize: stats.unique_csize,
      dedupRatio: stats.total_size / stats.unique_csize,
    });
  });

  it('maps every archive with its stats, hostname and username', () => {
    const info = parseInfoOutput(readFixture('info-archives.stdout.json'));
    expect(info.archives.map((a) => a.name)).toEqual(['first', 'second']);
    for (const archive of info.archives) {
      expect(archive.id).toMatch(hex64);
      expect(archive.originalSize).toBeGreaterThan(0);
      expect(archive.deduplicatedSize).toBeTypeOf('number');
      expect(archive.fileCount).toBeGreaterThan(0);
      expect(archive.hostname).toBeTruthy();
      expect(archive.username).toBeTruthy();
      expect(archive.durationSeconds).toBeTypeOf('number');
    }
  });

  it('accepts the docs example (borg 1.0 era) as well', () => {
    const docs = {
      cache: {
        stats: {
          total_chunks: 1,
          total_csize: 10,
          total_size: 20,
          total_unique_chunks: 1,
          unique_csize: 5,
          unique_size: 8,
        },
      },
      encryption: { mode: 'repokey' },
      repository: { id: 'abc', last_modified: '2017-08-07T12:27:20.789123', location: '/home/user/testrepo' },
      security_dir: '/x',
      archives: [],
    };
    expect(parseInfoOutput(JSON.stringify(docs))).toMatchObject({
      repositoryId: 'abc',
      stats: { dedupRatio: 4 },
    });
  });
});

describe('parseListOutput', () => {
  it('maps the recorded list --json, dropping the legacy archive/barchive/time keys', () => {
    const listing = parseListOutput(readFixture('list-archives.stdout.json'));
    expect(listing.encryption).toBe('repokey-blake2');
    expect(listing.repositoryId).toMatch(hex64);
    expect(listing.archives).toHaveLength(2);
    expect(Object.keys(listing.archives[0] ?? {}).sort()).toEqual(['id', 'name', 'start']);
  });
});

describe('parseArchiveItemLine', () => {
  it('parses every recorded --json-lines item', () => {
    const items = fixtureLines('list-contents.stdout.jsonl').map(parseArchiveItemLine);
    expect(items.every((item) => item !== undefined)).toBe(true);
    expect(items.map((i) => i?.path)).toContain('src/café-😀.txt');
    expect(items.find((i) => i?.path === 'src/sub/random.bin')).toMatchObject({ type: '-', size: 300000 });
  });

  it('keeps items whose owner has no name (borg prints the numeric id) as text', () => {
    // Recorded from borg 1.2.4: a file owned by uid 12345 / gid 23456 with no passwd entry.
    const line =
      '{"type": "-", "mode": "-rw-r--r--", "user": 12345, "group": 23456, "uid": 12345, "gid": 23456, "path": "s3/u", "healthy": true, "source": "", "linktarget": "", "flags": 0, "mtime": "2026-11-21T23:57:25.892637", "size": 2}';
    expect(parseArchiveItemLine(line)).toMatchObject({ path: 's3/u', user: '12345', group: '23456' });
  });

  it('reads the mtime from isomtime (the cheaper key list-contents asks for)', () => {
    const line = '{"type": "-", "path": "a", "isomtime": "2026-11-21T23:58:42.178707", "size": 3}';
    const item = parseArchiveItemLine(line);
    // isomtime stays on the object: deleting a key per line would slow every later read of it.
    expect(item).toMatchObject({ type: '-', path: 'a', mtime: '2026-11-21T23:58:42.178707', size: 3 });
  });

  it('returns undefined for lines that are not items', () => {
    expect(parseArchiveItemLine('not json')).toBeUndefined();
    expect(parseArchiveItemLine('{"path": 1}')).toBeUndefined();
  });
});

describe('bad output', () => {
  it.each([
    ['not JSON', 'Traceback...'],
    ['truncated JSON', '{"archive": {"id": "a"'],
    ['the wrong shape', '{"archive": {"name": 5}}'],
  ])('reports %s as UnexpectedOutput', (_what, stdout) => {
    try {
      parseCreateOutput(stdout);
      expect.unreachable();
    } catch (e) {
      expect(isBorgError(e) && e.code).toBe('UnexpectedOutput');
    }
  });

  it('gives a zero dedup ratio for an empty repository', () => {
    expect(
      toRepositoryStats({ total_size: 0, total_csize: 0, unique_size: 0, unique_csize: 0 }).dedupRatio,
    ).toBe(0);
  });
});
