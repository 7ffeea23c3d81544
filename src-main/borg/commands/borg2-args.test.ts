/** The argv each command builder makes for borg 2.0.0b19 (`--repo=`, repo-* names, `id:` names, `sh:` globs). */
import { describe, expect, it } from 'vitest';
import { capabilitiesFor } from '../capabilities.js';
import { parseBorgVersion } from '../version.js';
import { buildArchiveCommentArgs } from './archive-comment.js';
import { buildArchiveInfoArgs } from './archive-info.js';
import { buildBreakLockArgs } from './break-lock.js';
import { buildCheckArgs } from './check.js';
import { buildCompactArgs } from './compact.js';
import { buildCreateArgs } from './create.js';
import { buildDeleteArchiveArgs } from './delete.js';
import { buildDetectEncryptionArgs } from './detect-encryption.js';
import { buildDiffArgs } from './diff.js';
import { buildExtractArgs } from './extract.js';
import { buildArchivesInfoArgs, buildInfoArgs } from './info.js';
import { buildInitArgs } from './init.js';
import { buildChangePassphraseArgs } from './key-change-passphrase.js';
import { buildKeyExportArgs } from './key-export.js';
import { buildKeyImportArgs } from './key-import.js';
import { buildListArchivesArgs } from './list-archives.js';
import { buildListContentsArgs } from './list-contents.js';
import { buildMountArgs } from './mount.js';
import { buildPruneArgs } from './prune.js';
import { buildRenameArgs } from './rename.js';

const caps = capabilitiesFor(parseBorgVersion('borg 2.0.0b19') ?? expect.unreachable());
const location = '/r';
const repo = '--repo=/r';

describe('command builders for borg 2.0.0b19', () => {
  it('builds the repository commands with --repo and the repo-* names', () => {
    expect(buildInitArgs({ location, encryption: 'repokey-blake2' }, caps)).toEqual([
      'repo-create',
      '--encryption=repokey-blake2-aes-ocb',
      repo,
    ]);
    expect(buildInitArgs({ location, encryption: 'none' }, caps)).toEqual([
      'repo-create',
      '--encryption=none',
      repo,
    ]);
    expect(buildListArchivesArgs({ location }, caps)).toEqual(['repo-list', '--json', repo]);
    expect(buildInfoArgs({ location, includeArchives: true }, caps)).toEqual(['repo-info', '--json', repo]);
    expect(buildArchivesInfoArgs({ location }, caps)).toEqual([
      'info',
      '--json',
      '--match-archives=sh:*',
      repo,
    ]);
    expect(buildDetectEncryptionArgs({ location }, caps)).toEqual(['repo-list', '--json', '--last=1', repo]);
    expect(buildCompactArgs({ location }, caps)).toEqual(['compact', '--info', '--progress', repo]);
    expect(buildCheckArgs({ location, mode: 'verify-data' }, caps)).toEqual([
      'check',
      '--progress',
      '--verify-data',
      repo,
    ]);
    expect(buildBreakLockArgs({ location }, caps)).toEqual(['break-lock', repo]);
    expect(buildKeyExportArgs({ location, format: 'paper' }, caps)).toEqual([
      'key',
      'export',
      '--paper',
      repo,
    ]);
    expect(buildKeyImportArgs({ location, source: { kind: 'file', text: 'k' } }, caps)).toEqual([
      'key',
      'import',
      repo,
      '--',
      '-',
    ]);
    expect(buildChangePassphraseArgs({ location }, caps)).toEqual(['key', 'change-passphrase', repo]);
  });

  it('names an existing archive exactly (id:NAME) and a new one as it is', () => {
    const create = { location, archiveName: 'docs-{now}', sourcePaths: ['/a'], compression: 'lz4' as const };
    expect(buildCreateArgs({ ...create, excludeCaches: false, excludePatterns: [] }, caps)).toEqual([
      'create',
      '--progress',
      '--json',
      '--compression=lz4',
      repo,
      '--',
      'docs-{now}',
      '/a',
    ]);
    const archive = { location, archiveName: 'sh:x' };
    expect(buildListContentsArgs(archive, caps)).toEqual([
      'list',
      '--json-lines',
      '--format={isomtime}{size}',
      repo,
      '--',
      'id:sh:x',
    ]);
    expect(buildArchiveInfoArgs(archive, caps)).toEqual(['info', '--json', repo, '--', 'id:sh:x']);
    expect(buildDeleteArchiveArgs(archive, caps)).toEqual([
      'delete',
      '--list',
      '--progress',
      repo,
      '--',
      'id:sh:x',
    ]);
    expect(buildRenameArgs({ ...archive, newName: 'y' }, caps)).toEqual([
      'rename',
      repo,
      '--',
      'id:sh:x',
      'y',
    ]);
    expect(buildArchiveCommentArgs({ ...archive, comment: 'c' }, caps)).toEqual([
      'recreate',
      '--comment=c',
      repo,
      '--',
      'id:sh:x',
    ]);
    expect(buildDiffArgs({ location, archiveA: 'a', archiveB: 'b' }, caps)).toEqual([
      'diff',
      '--json-lines',
      repo,
      '--',
      'id:a',
      'id:b',
    ]);
    const extract = { location, archiveName: 'a', paths: ['home/x'], cwd: '/d', stripComponents: 1 };
    expect(buildExtractArgs(extract, caps)).toEqual([
      'extract',
      '--progress',
      '--strip-components=1',
      repo,
      '--',
      'id:a',
      'pp:home/x',
    ]);
    expect(buildMountArgs({ location, archiveName: 'a', mountPoint: '/m' }, caps)).toEqual([
      'mount',
      '--match-archives=id:a',
      repo,
      '--',
      '/m',
    ]);
    expect(buildMountArgs({ location, mountPoint: '/m' }, caps)).toEqual(['mount', repo, '--', '/m']);
  });

  it('prunes one plan with --match-archives=sh:GLOB', () => {
    expect(
      buildPruneArgs({ location, glob: 'docs-*', keep: ['--keep-daily', '7'], dryRun: true }, caps),
    ).toEqual(['prune', '--list', '--dry-run', '--match-archives=sh:docs-*', '--keep-daily=7', repo]);
  });
});
