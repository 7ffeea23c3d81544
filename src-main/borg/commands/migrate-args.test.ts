// The argv of borg 2's migration commands, and transfer's per-archive stdout lines (recorded by
// borg 2.0.0b19: __fixtures__/2.0.0b19/transfer-from-borg1.stdout.txt; the others as transfer_cmd.py prints them).
import { describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES, capabilitiesFor } from '../capabilities.js';
import { isBorgError } from '../errors.js';
import { fixtureLines } from '../test-fixtures.js';
import { buildRepoCreateFromBorg1Args } from './repo-create-from-borg1.js';
import { buildTransferArgs, parseTransferLine } from './transfer.js';

const B19 = capabilitiesFor({ major: 2, minor: 0, patch: 0, pre: 'b19', text: '2.0.0b19' });
const ID = '31d459fa81f88da62e2c03ef2b061d53f58d09ed2525a4896b2d24b4cb7ac3c3';

describe('migration argv', () => {
  it('repo-create reuses the old key material with --other-repo --from-borg1', () => {
    expect(
      buildRepoCreateFromBorg1Args(
        { location: '/n', otherLocation: '/o', encryption: 'repokey-aes-ocb' },
        B19,
      ),
    ).toEqual([
      'repo-create',
      '--encryption=repokey-aes-ocb',
      '--other-repo=/o',
      '--from-borg1',
      '--repo=/n',
    ]);
  });

  it('transfer, and its dry run', () => {
    expect(buildTransferArgs({ location: '/n', otherLocation: '/o' }, B19)).toEqual([
      'transfer',
      '--other-repo=/o',
      '--from-borg1',
      '--repo=/n',
    ]);
    expect(buildTransferArgs({ location: '/n', otherLocation: '/o', dryRun: true }, B19)[1]).toBe(
      '--dry-run',
    );
  });

  it('borg 1.x has no migration: a clear refusal, not a broken command line', () => {
    const error = (() => {
      try {
        return buildTransferArgs({ location: '/n', otherLocation: '/o' }, BORG_1_2_CAPABILITIES);
      } catch (e) {
        return e;
      }
    })();
    expect(isBorgError(error) && error.message).toMatch(/needs borg 2/);
  });
});

describe('transfer lines', () => {
  it('reads the recorded copy of one archive', () => {
    expect(fixtureLines('2.0.0b19/transfer-from-borg1.stdout.txt').map(parseTransferLine)).toEqual([
      { kind: 'copying', archive: 'old-1' },
      { kind: 'finished', archive: 'old-1', transferSize: '300.01 kB' },
    ]);
  });

  it('reads skipped and dry-run lines, and ignores anything else', () => {
    const ts = '2026-12-01T20:51:26.031341+00:00';
    expect(parseTransferLine(`a-1 ${ts}: archive is already present in destination repo, skipping.`)).toEqual(
      {
        kind: 'skipped',
        archive: 'a-1',
      },
    );
    expect(parseTransferLine(`a-1 ${ts} ${ID}: completed`)).toEqual({
      kind: 'planned',
      archive: 'a-1',
      present: true,
    });
    expect(parseTransferLine(`a-2 ${ts} ${ID}: incomplete, transfer_size: 1 kB present_size: 0 B`)).toEqual({
      kind: 'planned',
      archive: 'a-2',
      present: false,
    });
    expect(parseTransferLine('Saving chunks cache')).toBeUndefined();
  });
});
