import { describe, expect, it } from 'vitest';
import { BORG1_ARCHIVE_NAME_RULES } from '../model/archive-name-syntax.js';
import { encryptionModeSchema } from '../model/encryption.js';
import { capabilitiesFor } from './capabilities.js';
import { parseBorgVersion } from './version.js';

const caps = (text: string) => capabilitiesFor(parseBorgVersion(`borg ${text}`) ?? expect.unreachable());

describe('the capability table', () => {
  it('drives borg 1.2.4 with the 1.x command line', () => {
    expect(caps('1.2.4')).toEqual({
      version: '1.2.4',
      hasCompact: true,
      usesRepoCreate: false,
      archiveMatchFlag: '--glob-archives',
      hasModernExitCodes: false,
      repositoryArgument: 'positional',
      archiveReference: 'repository-colons-name',
      archiveById: false,
      repositoryCommands: { create: 'init', list: 'list', info: 'info', delete: 'delete' },
      archiveMatch: 'glob-archives',
      encryptionModes: encryptionModeSchema.options,
      encryptionRequired: false,
      pruneList: { actionColumn: 40, timeHasZone: false },
      stats: { archiveCompressedSize: true, archiveDeduplicatedSize: true, repositoryTotals: true },
      softDelete: false,
      uniqueArchiveNames: true,
      archiveNameRules: BORG1_ARCHIVE_NAME_RULES,
      mountShowsArchiveFolders: false,
      compactReportsFreedSpace: true,
      itemLinkTargetKey: 'linktarget',
      extractListStatus: false,
      diffModeChangeType: 'mode',
      jsonTimesHaveZone: false,
      repositoryCheckProgress: true,
      hasTags: false,
      hasRepoSpace: false,
      hasRepoCompress: false,
      hasFindLostArchives: false,
      hasTransferFromBorg1: false,
      extraLocationSchemes: [],
      serveNoDeleteOptions: ['--append-only'],
      keyAlgorithm: 'sha256',
      sshLocationPath: 'absolute',
    });
  });

  it.each(['1.4.0', '1.4.5'])('keeps the 1.x command line for %s, with 1.4 prune columns', (version) => {
    const c = caps(version);
    expect(c).toMatchObject({
      repositoryArgument: 'positional',
      archiveReference: 'repository-colons-name',
      repositoryCommands: { create: 'init', list: 'list', info: 'info', delete: 'delete' },
      archiveMatch: 'glob-archives',
      hasModernExitCodes: true,
      pruneList: { actionColumn: 44, timeHasZone: false },
      softDelete: false,
    });
    expect(c.encryptionModes).toEqual(caps('1.2.4').encryptionModes);
    expect(c.commandLineMismatch).toBeUndefined();
  });

  it('drives borg 2.0.0b19 with -r REPO, repo-* commands and sh: matching', () => {
    const c = caps('2.0.0b19');
    expect(c).toMatchObject({
      repositoryArgument: 'option',
      archiveReference: 'name-positional',
      archiveById: true,
      repositoryCommands: {
        create: 'repo-create',
        list: 'repo-list',
        info: 'repo-info',
        delete: 'repo-delete',
      },
      archiveMatch: 'match-archives-sh',
      encryptionRequired: true,
      pruneList: { actionColumn: 44, timeHasZone: true },
      stats: { archiveCompressedSize: false, archiveDeduplicatedSize: false, repositoryTotals: false },
      softDelete: true,
      uniqueArchiveNames: false,
      archiveNameRules: { maxLength: 200, refusedCharacters: '"<|>?*', checkpoints: false },
      mountShowsArchiveFolders: true,
      compactReportsFreedSpace: false,
      itemLinkTargetKey: 'target',
      extractListStatus: true,
      diffModeChangeType: 'changed mode',
      jsonTimesHaveZone: true,
      repositoryCheckProgress: false,
      serveNoDeleteOptions: ['--permissions=no-delete'],
      keyAlgorithm: 'argon2 chacha20-poly1305',
      sshLocationPath: 'home-relative',
    });
    expect(c.encryptionModes).toContain('repokey-aes-ocb');
    expect(c.encryptionModes).not.toContain('repokey');
    expect(c.commandLineMismatch).toBeUndefined();
  });

  it("names 2.0.0b5's rcreate/rlist line and reports it as not driven", () => {
    const c = caps('2.0.0b5');
    expect(c.repositoryCommands).toEqual({
      create: 'rcreate',
      list: 'rlist',
      info: 'rinfo',
      delete: 'rdelete',
    });
    expect(c.uniqueArchiveNames).toBe(true);
    expect(c.commandLineMismatch).toMatch(/2\.0\.0b5 is an early borg 2 beta/);
  });
});
