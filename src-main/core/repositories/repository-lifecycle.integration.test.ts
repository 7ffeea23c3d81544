/**
 * A repository's life with the real core and /usr/bin/borg: archives renamed, commented and
 * described; a repository folder moved and repointed (borg's "previously located at" answered once,
 * then never again); a location holding another repository refused; and removal, which keeps the
 * data and takes the repository out of its plans (a plan left without targets stays, with none).
 */
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBorg } from '../../borg/exec.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import { requests } from '../../ipc/contract.js';
import type { PlanDraft } from '../../model/plan.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

const PASSPHRASE = 'lifecycle passphrase 7d2e';
let sandbox: BorgSandbox;
let core: Core;

/** Runs borg outside Borgdesk's core, answering "no" to every question (BORG_RELOCATED_… included). */
function borg(args: string[]) {
  return runBorg(args, { borgPath: TEST_BORG, passphrase: PASSPHRASE, consentedPrompts: [] });
}

async function createRepo(name: string): Promise<string> {
  const created = await core.handlers['repos:create']({
    name,
    location: sandbox.path('repos', name),
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  await borg(['create', `${created.location}::first`, sandbox.path('source')]);
  return created.id;
}

async function savePlan(d: PlanDraft) {
  return core.handlers['plans:save'](requests['plans:save'].params.parse({ draft: d }));
}

async function startCore(): Promise<Core> {
  return startTestCore({ configDir: sandbox.path('config'), homeDir: sandbox.path('home') });
}

beforeAll(async () => {
  sandbox = await createSandbox();
  await sandbox.writeText(sandbox.path('source', 'a.txt'), 'some data to back up\n');
  await fs.mkdir(sandbox.path('home'), { recursive: true });
  core = await startCore();
}, 30_000);

afterAll(async () => {
  await core.dispose();
  await sandbox.cleanup();
});

describe('archives', () => {
  it('renames an archive, sets its comment and describes it; the listing shows both', async () => {
    const repoId = await createRepo('archives');
    await core.handlers['archives:rename']({ repoId, archiveName: 'first', newName: 'renamed-one' });
    await core.handlers['archives:set-comment']({
      repoId,
      archiveName: 'renamed-one',
      comment: 'before the move',
    });
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => [a.name, a.comment])).toEqual([['renamed-one', 'before the move']]);
    const info = await core.handlers['archives:info']({ repoId, archiveName: 'renamed-one' });
    expect(info).toMatchObject({ name: 'renamed-one', comment: 'before the move', fileCount: 1 });
    expect(info.commandLine).toEqual(expect.arrayContaining(['create', sandbox.path('source')]));
    expect(info.chunkerParams?.[0]).toBe('buzhash');
    expect(info.maxArchiveSizeUsed).toBeGreaterThan(0);
    expect(info.hostname).toBeTruthy();
    expect(info.originalSize).toBeGreaterThan(0);
    // recreate --comment touched only metadata: the file still restores with its content.
    const { stdout } = await borg(['extract', '--stdout', `${details.repository.location}::renamed-one`]);
    expect(stdout).toBe('some data to back up\n');
  });

  it('refuses names borg would refuse before borg runs, and reports a taken name', async () => {
    const repoId = await createRepo('names');
    const rename = (newName: string) =>
      core.handlers['archives:rename']({ repoId, archiveName: 'first', newName });
    await expect(rename('a/b')).rejects.toMatchObject({
      code: 'InvalidArchiveName',
      message: expect.stringContaining('"/"'),
    });
    await expect(rename('a::b')).rejects.toMatchObject({ message: expect.stringContaining('"::"') });
    await expect(rename('x'.repeat(241))).rejects.toMatchObject({
      message: expect.stringMatching(/at most 240/),
    });
    await expect(rename('a.checkpoint')).rejects.toMatchObject({ code: 'InvalidArchiveName' });
    const location = (await core.handlers['repos:details']({ repoId })).repository.location;
    await borg(['create', `${location}::second`, sandbox.path('source')]);
    await expect(rename('second')).rejects.toMatchObject({ code: 'ArchiveAlreadyExists' });
    await expect(
      core.handlers['archives:set-comment']({ repoId, archiveName: 'first', comment: 'two\nlines' }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/line breaks/) });
  });
});

describe('a moved repository', () => {
  it.each([
    ['after Borgdesk listed it (its id is stored)', true],
    ['never listed (borg’s security folder knows the id)', false],
  ])('is repointed %s; the next runs need no consent', async (_label, listedFirst) => {
    const name = listedFirst ? 'moved-listed' : 'moved-unlisted';
    const repoId = await createRepo(name);
    if (listedFirst) await core.handlers['repos:details']({ repoId });
    const before = core.handlers['repos:list']({}).then((l) => l.find((r) => r.id === repoId));
    const oldLocation = (await before)?.location ?? '';
    const newLocation = sandbox.path('moved', name);
    await fs.mkdir(sandbox.path('moved'), { recursive: true });
    await fs.rename(oldLocation, newLocation);
    if (listedFirst) {
      const registry = await fs.readFile(sandbox.path('config', 'repositories.json'), 'utf8');
      expect(registry).toMatch(/"borgRepositoryId": "[0-9a-f]{64}"/);
    }
    // Without the edit borg finds nothing at the old place (the move is real).
    await expect(core.handlers['repos:details']({ repoId })).rejects.toMatchObject({
      code: 'RepositoryDoesNotExist',
    });

    const edited = await core.handlers['repos:edit']({
      repoId,
      name: `${name} (USB)`,
      location: newLocation,
    });
    expect(edited).toMatchObject({ name: `${name} (USB)`, location: newLocation });
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => a.name)).toEqual(['first']);
    // Borg updated its own record: a plain run that refuses the relocation question works.
    const { stdout } = await borg(['list', '--short', newLocation]);
    expect(stdout.trim()).toBe('first');
    // The consent was for that one run: nothing about it is stored with the repository.
    const stored = await fs.readFile(sandbox.path('config', 'repositories.json'), 'utf8');
    expect(stored).not.toContain('BORG_RELOCATED_REPO_ACCESS_IS_OK');
  });

  it('refuses a location that holds another repository and changes nothing', async () => {
    const repoId = await createRepo('original');
    const otherId = await createRepo('other');
    const list = await core.handlers['repos:list']({});
    const other = list.find((r) => r.id === otherId);
    const original = list.find((r) => r.id === repoId);
    // A copy of the other repository at a free location, so it is not refused as a duplicate.
    const copy = sandbox.path('copies', 'other');
    await fs.cp(other?.location ?? '', copy, { recursive: true });
    await expect(core.handlers['repos:edit']({ repoId, location: copy })).rejects.toMatchObject({
      code: 'DifferentRepository',
      message: expect.stringContaining('another repository'),
    });
    await expect(
      core.handlers['repos:edit']({ repoId, location: other?.location ?? '' }),
    ).rejects.toMatchObject({
      code: 'DuplicateRepository',
    });
    const after = (await core.handlers['repos:list']({})).find((r) => r.id === repoId);
    expect(after?.location).toBe(original?.location);
    expect(after?.location).not.toBe(copy);
  });

  it('refuses a folder that is no repository with borg’s own words', async () => {
    const repoId = await createRepo('nowhere');
    const empty = sandbox.path('empty-folder');
    await fs.mkdir(empty, { recursive: true });
    await expect(core.handlers['repos:edit']({ repoId, location: empty })).rejects.toMatchObject({
      code: expect.stringMatching(/InvalidRepository|RepositoryDoesNotExist/),
    });
  });
});

describe('removing a repository', () => {
  it('keeps its data, takes it out of plans and keeps a plan left without targets', async () => {
    const goneId = await createRepo('gone');
    const keptId = await createRepo('kept');
    const both = await savePlan({
      name: 'Both',
      targets: [{ repoId: goneId }, { repoId: keptId }],
      sourcePaths: [sandbox.path('source')],
    });
    const only = await savePlan({
      name: 'Only gone',
      targets: [{ repoId: goneId }],
      sourcePaths: [sandbox.path('source')],
    });
    const location = (await core.handlers['repos:list']({})).find((r) => r.id === goneId)?.location ?? '';

    expect(await core.handlers['repos:remove']({ repoId: goneId })).toEqual({ removed: true });
    const plans = await core.handlers['plans:list']({});
    expect(plans.find((p) => p.id === both.id)?.targets.map((t) => t.repoId)).toEqual([keptId]);
    expect(plans.find((p) => p.id === only.id)?.targets).toEqual([]);
    await expect(core.handlers['plans:run-now']({ planId: only.id })).rejects.toMatchObject({
      message: expect.stringContaining('no destination'),
    });
    const { stdout } = await borg(['list', '--short', location]);
    expect(stdout.trim()).toBe('first');

    // After a restart the plan without targets is still there (not set aside as broken).
    await core.dispose();
    core = await startCore();
    const reloaded = await core.handlers['plans:list']({});
    expect(reloaded.map((p) => p.name)).toEqual(expect.arrayContaining(['Both', 'Only gone']));
    expect((await core.handlers['app:status']({})).configNotices ?? []).toEqual([]);
  });
});
