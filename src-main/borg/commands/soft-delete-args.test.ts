// The argv of undelete, tag and the deleted-archives listing, and how archives are addressed by id.
import { describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, capabilitiesFor } from '../capabilities.js';
import { archiveSelector } from '../command-shape.js';
import { isBorgError } from '../errors.js';
import { buildArchiveInfoArgs } from './archive-info.js';
import { buildDeleteArchiveArgs } from './delete.js';
import { buildDiffArgs } from './diff.js';
import { buildListArchivesArgs } from './list-archives.js';
import { buildMountArgs } from './mount.js';
import { buildTagArgs } from './tag.js';
import { buildUndeleteArgs } from './undelete.js';

const B2 = capabilitiesFor({ major: 2, minor: 0, patch: 0, pre: 'b19', text: '2.0.0b19' });
const ID = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

function refusal(build: () => unknown): string | undefined {
  try {
    build();
  } catch (e) {
    return isBorgError(e) ? e.code : 'not a BorgError';
  }
  return undefined;
}

describe('archive references by id', () => {
  it('borg 2 addresses an archive with a known id as aid:<id>, otherwise by its exact name', () => {
    expect(archiveSelector(B2, { archiveName: 'daily', archiveId: ID })).toBe(`aid:${ID}`);
    expect(archiveSelector(B2, 'daily')).toBe('id:daily');
    // Something that is no archive id is never sent as a pattern.
    expect(archiveSelector(B2, { archiveName: 'daily', archiveId: 'sh:*' })).toBe('id:daily');
  });

  it('borg 1.2 keeps REPO::NAME byte for byte, whatever id is known', () => {
    const o = { location: '/r', archiveName: 'a', archiveId: ID };
    expect(buildDeleteArchiveArgs(o)).toEqual(['delete', '--list', '--progress', '--', '/r::a']);
    expect(buildArchiveInfoArgs(o, BORG_1_2_CAPABILITIES)).toEqual(['info', '--json', '--', '/r::a']);
    expect(buildMountArgs({ ...o, mountPoint: '/m' })).toEqual(['mount', '--', '/r::a', '/m']);
  });

  it('borg 2 delete, diff and mount use the ids', () => {
    const o = { location: '/r', archiveName: 'a', archiveId: ID };
    expect(buildDeleteArchiveArgs(o, B2)).toEqual([
      'delete',
      '--list',
      '--progress',
      '--repo=/r',
      '--',
      `aid:${ID}`,
    ]);
    expect(
      buildDiffArgs({ location: '/r', archiveA: 'a', archiveB: 'a', archiveIdA: ID, archiveIdB: OTHER }, B2),
    ).toEqual(['diff', '--json-lines', '--repo=/r', '--', `aid:${ID}`, `aid:${OTHER}`]);
    expect(buildMountArgs({ ...o, mountPoint: '/m' }, B2)).toEqual([
      'mount',
      `--match-archives=aid:${ID}`,
      '--repo=/r',
      '--',
      '/m',
    ]);
  });
});

describe('undelete, tag and the deleted listing', () => {
  it('undelete --list --repo=R -- aid:ID on borg 2; refused where delete is final', () => {
    const o = { location: '/r', archiveName: 'a', archiveId: ID };
    expect(buildUndeleteArgs(o, B2)).toEqual(['undelete', '--list', '--repo=/r', '--', `aid:${ID}`]);
    expect(refusal(() => buildUndeleteArgs(o, BORG_1_2_CAPABILITIES))).toBe('InvalidArguments');
  });

  it('repo-list --json --deleted on borg 2; refused on 1.2, whose plain list stays as it was', () => {
    expect(buildListArchivesArgs({ location: '/r', deleted: true }, B2)).toEqual([
      'repo-list',
      '--json',
      '--deleted',
      '--repo=/r',
    ]);
    expect(buildListArchivesArgs({ location: '/r' })).toEqual(['list', '--json', '--', '/r']);
    expect(refusal(() => buildListArchivesArgs({ location: '/r', deleted: true }))).toBe('InvalidArguments');
  });

  it('tag --add= --remove= by id; refuses commas, spaces, empty changes and borg 1.x', () => {
    const o = { location: '/r', archiveName: 'a', archiveId: ID };
    expect(buildTagArgs({ ...o, add: ['keep'], remove: ['old'] }, B2)).toEqual([
      'tag',
      '--add=keep',
      '--remove=old',
      '--repo=/r',
      '--',
      `aid:${ID}`,
    ]);
    expect(refusal(() => buildTagArgs({ ...o, add: ['a,b'], remove: [] }, B2))).toBe('InvalidArguments');
    expect(refusal(() => buildTagArgs({ ...o, add: ['a b'], remove: [] }, B2))).toBe('InvalidArguments');
    expect(refusal(() => buildTagArgs({ ...o, add: [], remove: [] }, B2))).toBe('InvalidArguments');
    expect(refusal(() => buildTagArgs({ ...o, add: ['x'], remove: [] }, BORG_1_2_CAPABILITIES))).toBe(
      'InvalidArguments',
    );
  });
});
