// Integration: a borg 1.2.4 repository (two archives) copied into a new borg 2 repository with
// repo-create --from-borg1 + transfer --from-borg1; both passphrases on pipes (fd 3 and fd 4).
// Needs a borg 2 beside /usr/bin/borg (test-borg2.ts); says why and skips without one.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BORG_1_2_CAPABILITIES } from '../capabilities.js';
import { isBorgError } from '../errors.js';
import { findTestBorg2, type FoundBorg2 } from '../test-borg2.js';
import { createSandbox, type BorgSandbox } from '../test-sandbox.js';
import type { BorgContext } from '../exec.js';
import { runCreate } from './create.js';
import { runExtract } from './extract.js';
import { runInit } from './init.js';
import { runListArchives } from './list-archives.js';
import { runRepoCreateFromBorg1 } from './repo-create-from-borg1.js';
import { runTransfer, type TransferLine } from './transfer.js';

const BORG1 = '/usr/bin/borg';
const OLD_SECRET = 'old one 1.x';
const NEW_SECRET = 'new one two';
const borg2 = await findTestBorg2();
if (!borg2.found) console.log(`[migrate.integration] skipped: ${borg2.reason}`);

describe.skipIf(!borg2.found)('migrating a borg 1.x repository to borg 2', () => {
  let box: BorgSandbox;
  const two = borg2 as Extract<FoundBorg2, { found: true }>;
  const ctx2 = (extra: Partial<BorgContext> = {}): BorgContext => ({
    borgPath: two.path,
    capabilities: two.capabilities,
    ...extra,
  });
  const old = () => box.path('old');
  const fresh = () => box.path('new');

  beforeAll(async () => {
    box = await createSandbox();
    const ctx1: BorgContext = {
      borgPath: BORG1,
      capabilities: BORG_1_2_CAPABILITIES,
      passphrase: OLD_SECRET,
    };
    await runInit({ location: old(), encryption: 'repokey' }, ctx1);
    await box.writeText(box.path('src', 'a.txt'), 'first version\n');
    await box.writeRandomFile(box.path('src', 'big.bin'), 2);
    const backup = {
      location: old(),
      sourcePaths: [box.path('src')],
      compression: 'lz4',
      excludeCaches: false,
      excludePatterns: [],
    } as const;
    await runCreate({ ...backup, archiveName: 'docs-1' }, ctx1);
    await box.writeText(box.path('src', 'a.txt'), 'second version\n');
    await runCreate({ ...backup, archiveName: 'docs-2' }, ctx1);
  }, 120_000);
  afterAll(async () => box?.cleanup());

  it('refuses a wrong passphrase for the old repository (PassphraseWrong)', async () => {
    const error = await runRepoCreateFromBorg1(
      { location: box.path('wrong'), otherLocation: old(), encryption: 'repokey-aes-ocb' },
      ctx2({ passphrase: NEW_SECRET, otherPassphrase: 'not it' }),
    ).catch((e: unknown) => e);
    expect(isBorgError(error) && error.code).toBe('PassphraseWrong');
  }, 60_000);

  it('creates the new repository, plans, transfers both archives, and skips them on a second run', async () => {
    const secrets = ctx2({ passphrase: NEW_SECRET, otherPassphrase: OLD_SECRET });
    await runRepoCreateFromBorg1(
      { location: fresh(), otherLocation: old(), encryption: 'repokey-aes-ocb' },
      secrets,
    );

    const planned: TransferLine[] = [];
    await runTransfer({ location: fresh(), otherLocation: old(), dryRun: true }, secrets, (l) =>
      planned.push(l),
    );
    expect(planned.map((l) => l.archive)).toEqual(['docs-1', 'docs-2']);
    expect(planned.every((l) => l.kind === 'planned' && !l.present)).toBe(true);

    const lines: TransferLine[] = [];
    await runTransfer({ location: fresh(), otherLocation: old() }, secrets, (l) => lines.push(l));
    expect(lines.map((l) => `${l.kind} ${l.archive}`)).toEqual([
      'copying docs-1',
      'finished docs-1',
      'copying docs-2',
      'finished docs-2',
    ]);

    const again: TransferLine[] = [];
    await runTransfer({ location: fresh(), otherLocation: old() }, secrets, (l) => again.push(l));
    expect(again.map((l) => `${l.kind} ${l.archive}`)).toEqual(['skipped docs-1', 'skipped docs-2']);
  }, 180_000);

  it('the new repository lists both archives and gives back the files byte for byte', async () => {
    const secret = ctx2({ passphrase: NEW_SECRET });
    const listing = await runListArchives({ location: fresh() }, secret);
    expect(listing.archives.map((a) => a.name).sort()).toEqual(['docs-1', 'docs-2']);
    const target = box.path('restored');
    await box.writeText(box.path('restored', '.keep'), '');
    await runExtract(
      { location: fresh(), archiveName: 'docs-1', paths: [], cwd: target, stripComponents: 0 },
      secret,
    );
    const rel = box.path('src').slice(1);
    expect(await readFile(`${target}/${rel}/a.txt`, 'utf8')).toBe('first version\n');
    expect(
      (await readFile(`${target}/${rel}/big.bin`)).equals(await readFile(box.path('src', 'big.bin'))),
    ).toBe(true);
  }, 120_000);

  it('leaves the old repository readable by borg 1.x with the old passphrase', async () => {
    const listing = await runListArchives(
      { location: old() },
      { borgPath: BORG1, capabilities: BORG_1_2_CAPABILITIES, passphrase: OLD_SECRET },
    );
    expect(listing.archives.map((a) => a.name)).toEqual(['docs-1', 'docs-2']);
  }, 60_000);
});
