// Integration (borg 2 only): soft delete and undelete, series of archives with one name addressed by
// id, and tags — against the real BORGDESK_TEST_BORG on a temporary repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBorgError } from '../errors.js';
import { runBorg, type BorgContext } from '../exec.js';
import { createSandbox, testBorgCapabilities, TEST_BORG, type BorgSandbox } from '../test-sandbox.js';
import { capabilitiesOf, newArchiveTail } from '../command-shape.js';
import { runArchiveInfo } from './archive-info.js';
import { runDeleteArchive } from './delete.js';
import { runInfo } from './info.js';
import { runInit } from './init.js';
import { runListArchives } from './list-archives.js';
import { runRenameArchive } from './rename.js';
import { runTagArchive } from './tag.js';
import { runUndeleteArchive } from './undelete.js';

const caps = await testBorgCapabilities();
const skip = caps.softDelete
  ? undefined
  : `${TEST_BORG} is borg ${caps.version}: its delete is final, no series or tags`;
if (skip !== undefined) console.log(`[soft-delete.integration] skipped: ${skip}`);

const PASSPHRASE = 'soft delete';
let box: BorgSandbox;
let repo = '';
let ctx: BorgContext;

async function backUp(name: string): Promise<void> {
  const tail = newArchiveTail(capabilitiesOf(ctx), repo, name, ['src']);
  await runBorg(['create', ...tail], ctx, { cwd: box.dir });
}

const live = async () => (await runListArchives({ location: repo }, ctx)).archives;
const deleted = async () => (await runListArchives({ location: repo, deleted: true }, ctx)).archives;

describe.skipIf(skip !== undefined)('borg 2 soft delete, series and tags', () => {
  beforeAll(async () => {
    box = await createSandbox();
    repo = box.path('repo');
    ctx = box.ctx({ passphrase: PASSPHRASE });
    await runInit({ location: repo, encryption: 'repokey', newPassphrase: PASSPHRASE }, box.ctx());
    await box.writeText(box.path('src', 'a.txt'), 'one\n');
    await backUp('daily');
    await box.writeText(box.path('src', 'a.txt'), 'two\n');
    await backUp('daily');
  }, 120_000);
  afterAll(async () => box?.cleanup());

  it('keeps a series: two archives named daily, each reachable by its id', async () => {
    const archives = await live();
    expect(archives.map((a) => a.name)).toEqual(['daily', 'daily']);
    const [first, second] = archives as [(typeof archives)[0], (typeof archives)[0]];
    expect(first.id).not.toBe(second.id);
    const info = await runArchiveInfo({ location: repo, archiveName: 'daily', archiveId: second.id }, ctx);
    expect(info.id).toBe(second.id);
    // By name alone borg 2 cannot tell them apart.
    const byName = await runArchiveInfo({ location: repo, archiveName: 'daily' }, ctx).catch(
      (e: unknown) => e,
    );
    expect(isBorgError(byName)).toBe(true);
  });

  it('deletes one archive of the series softly, lists it as deleted and undeletes it', async () => {
    const [first, second] = await live();
    const outcome = await runDeleteArchive(
      { location: repo, archiveName: 'daily', archiveId: first?.id },
      ctx,
    );
    // Borg 2's closing 'Done. Run "borg compact"…' is logged as a WARNING; it is no warning to the user.
    expect(outcome.warnings).toEqual([]);
    expect((await live()).map((a) => a.id)).toEqual([second?.id]);
    expect((await deleted()).map((a) => a.id)).toEqual([first?.id]);
    await runUndeleteArchive({ location: repo, archiveName: 'daily', archiveId: first?.id }, ctx);
    expect((await live()).map((a) => a.id).sort()).toEqual([first?.id, second?.id].sort());
    expect(await deleted()).toEqual([]);
    const again = await runUndeleteArchive(
      { location: repo, archiveName: 'daily', archiveId: first?.id },
      ctx,
    ).catch((e: unknown) => e);
    expect(isBorgError(again) && again.code).toBe('ArchiveDoesNotExist');
  });

  it('adds and removes tags; the info listing carries them', async () => {
    const [first] = await live();
    await runTagArchive(
      { location: repo, archiveName: 'daily', archiveId: first?.id, add: ['keep', 'blue'], remove: [] },
      ctx,
    );
    const tagged = (await runInfo({ location: repo, includeArchives: true }, ctx)).archives.find(
      (a) => a.tags,
    );
    expect(tagged?.tags).toEqual(['blue', 'keep']);
    // Tagging writes the archive anew: a new id, and the old version waits among the deleted.
    expect(tagged?.id).not.toBe(first?.id);
    expect((await deleted()).map((a) => a.id)).toContain(first?.id);
    await runTagArchive(
      { location: repo, archiveName: 'daily', archiveId: tagged?.id, add: [], remove: ['keep'] },
      ctx,
    );
    const after = (await runInfo({ location: repo, includeArchives: true }, ctx)).archives.find(
      (a) => a.tags,
    );
    expect(after?.tags).toEqual(['blue']);
  });

  it('renames one archive of the series by id', async () => {
    const [first] = await live();
    await runRenameArchive(
      { location: repo, archiveName: 'daily', archiveId: first?.id, newName: 'weekly' },
      ctx,
    );
    expect((await live()).map((a) => a.name).sort()).toEqual(['daily', 'weekly']);
  });

  it('refuses a tag with a comma before borg runs', async () => {
    const [first] = await live();
    const refused = await runTagArchive(
      { location: repo, archiveName: 'daily', archiveId: first?.id, add: ['a,b'], remove: [] },
      ctx,
    ).catch((e: unknown) => e);
    expect(isBorgError(refused) && refused.code).toBe('InvalidArguments');
  });
});
