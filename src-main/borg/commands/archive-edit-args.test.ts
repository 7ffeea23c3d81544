/** Argument building and parsing of the archive edit commands: rename, comment (metadata only), info. */
import { describe, expect, it } from 'vitest';
import { buildArchiveCommentArgs } from './archive-comment.js';
import { buildArchiveInfoArgs, parseArchiveInfo } from './archive-info.js';
import { buildRenameArgs } from './rename.js';

describe('archive edit commands', () => {
  it('renames with the archive after "--" and refuses braces, which rename would keep literally', () => {
    expect(buildRenameArgs({ location: '/r', archiveName: '-odd', newName: 'new' })).toEqual([
      'rename',
      '--',
      '/r::-odd',
      'new',
    ]);
    expect(() => buildRenameArgs({ location: '/r', archiveName: 'a', newName: 'x-{now}' })).toThrow(/"\{"/);
  });

  it('sets a comment with --comment only: no option that would re-read or re-chunk data', () => {
    const args = buildArchiveCommentArgs({ location: '/r', archiveName: 'a', comment: '--not an option' });
    expect(args).toEqual(['recreate', '--comment=--not an option', '--', '/r::a']);
    expect(args.filter((a) => a.startsWith('--') && a !== '--')).toHaveLength(1);
    expect(() =>
      buildArchiveCommentArgs({ location: '/r', archiveName: 'a', comment: 'x'.repeat(1001) }),
    ).toThrow(/at most 1000/);
  });

  it('reads borg 2.0 beta info, whose command line is one string', () => {
    expect(buildArchiveInfoArgs({ location: '/r', archiveName: 'a' })).toEqual([
      'info',
      '--json',
      '--',
      '/r::a',
    ]);
    const info = parseArchiveInfo(
      JSON.stringify({
        archives: [
          {
            id: 'e5',
            name: 'first',
            start: '2026-12-01T20:50:08.924269+00:00',
            command_line: '/usr/bin/borg create first src',
            chunker_params: ['buzhash', 19, 23, 21, 4095],
            comment: '',
            stats: { nfiles: 5, original_size: 300047 },
          },
        ],
        repository: { id: 'r' },
      }),
    );
    expect(info).toEqual({
      id: 'e5',
      name: 'first',
      start: '2026-12-01T20:50:08.924269+00:00',
      comment: '',
      commandLine: ['/usr/bin/borg', 'create', 'first', 'src'],
      chunkerParams: ['buzhash', 19, 23, 21, 4095],
      fileCount: 5,
      originalSize: 300047,
    });
  });
});
