/**
 * Background indexing with real borg through createCore: a plan run's new archive is indexed at low
 * priority without anyone opening it, opening it then runs no borg at all, and a user's open of
 * another archive in the same repository stops the background listing, which resumes afterwards.
 * A recording wrapper on the settings' borg path logs every borg start with its nice level.
 */
import { promises as fs } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShellProgram } from '../../borg/test-programs.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import { requests } from '../../ipc/contract.js';
import type { ArchiveIndexState } from '../../model/archive.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startTestCore } from '../test-support/test-core.js';

let box: BorgSandbox;
let core: Core;
let events: EventRecorder;
let repoId: string;
let planId: string;
let log: string;
const byName = { key: 'name', direction: 'asc' } as const;

/** Borg runs so far as "nice=<n> <args>", without Borgdesk's version probes. */
async function borgRuns(): Promise<string[]> {
  const text = await fs.readFile(log, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line !== '' && !line.endsWith(' --version'));
}

const contentListings = (runs: readonly string[]): string[] => runs.filter((r) => r.includes('--json-lines'));

async function runPlan(): Promise<{ name: string; id: string }> {
  const { jobIds } = await core.handlers['plans:run-now']({ planId });
  for (let i = 0; i < 600; i++) {
    const job = (await core.handlers['jobs:list']({})).find((j) => j.id === jobIds[0]);
    if (job?.status === 'succeeded') return job.result?.archive ?? { name: '', id: '' };
    if (job?.status === 'failed' || job?.status === 'cancelled') throw new Error(`backup ${job.status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the backup did not finish');
}

const readyState = (id: string) => (s: ArchiveIndexState) => s.archiveId === id && s.status === 'ready';

beforeAll(async () => {
  box = await createSandbox();
  const configDir = box.path('config');
  await fs.mkdir(box.path('home'), { recursive: true });
  core = await startTestCore({ configDir, homeDir: box.path('home') });
  events = new EventRecorder(core);
  log = box.path('borg-runs.log');
  // The nice value is field 19 of /proc/self/stat (Linux); elsewhere the wrapper writes "?".
  const wrapper = await writeShellProgram(
    box.path('borg'),
    `n=$(cut -d' ' -f19 /proc/$$/stat 2>/dev/null || echo '?')\n` +
      `printf 'nice=%s %s\\n' "$n" "$*" >> '${log}'\nexec ${TEST_BORG} "$@"`,
  );
  await core.handlers['settings:update']({ borgPath: wrapper });
  for (let i = 0; i < 3; i++) await box.writeText(box.path('src', 'docs', `note-${i}.txt`), `note ${i}`);
  const repo = await core.handlers['repos:create']({
    name: 'Indexed repo',
    location: box.path('repo'),
    encryption: 'none',
  });
  repoId = repo.id;
  const draft = { name: 'Nightly', targets: [{ repoId }], sourcePaths: [box.path('src')] };
  const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
  planId = plan.id;
}, 60_000);

afterAll(async () => {
  events?.stop();
  await core?.dispose();
  await box?.cleanup();
});

describe('background indexing after a plan run', () => {
  it('indexes the new archive at low priority, and opening it runs no borg', async () => {
    const archive = await runPlan();
    // At nice 10 on a busy machine (CI runs tests side by side) the listing takes its time.
    const built = await events.waitFor('archive-index:updated', readyState(archive.id), 150_000);
    expect(built).toMatchObject({ repoId, fromCache: false, entryCount: expect.any(Number) });
    expect(built.entryCount).toBeGreaterThan(3);
    const listings = contentListings(await borgRuns());
    expect(listings).toHaveLength(1);
    if (process.platform === 'linux') expect(listings[0]).toMatch(/^nice=10 /);
    const usage = await core.handlers['archives:index-usage']({});
    expect(usage.archives).toBe(1);
    expect(usage.bytes).toBeGreaterThan(0);

    const before = (await borgRuns()).length;
    const ref = { repoId, archiveName: archive.name, archiveId: archive.id };
    const opened = await core.handlers['archives:open'](ref);
    expect(opened).toMatchObject({ status: 'ready', fromCache: true });
    const root = await core.handlers['archives:folder']({
      ...ref,
      path: '',
      sort: byName,
      offset: 0,
      limit: 50,
    });
    expect(root.complete).toBe(true);
    expect(root.total).toBeGreaterThan(0);
    expect(await borgRuns()).toHaveLength(before);
  }, 200_000);

  it('stops for a user opening another archive in the repository and resumes afterwards', async () => {
    const older = (await core.handlers['repos:details']({ repoId })).archives[0];
    if (older === undefined) throw new Error('no archive');
    await core.handlers['archives:index-clear']({});
    expect(await core.handlers['archives:index-usage']({})).toMatchObject({ archives: 0, bytes: 0 });
    // Enough entries that the background listing is still running when the user opens the older archive.
    for (let d = 0; d < 20; d++)
      await Promise.all(
        Array.from({ length: 500 }, (_, f) => box.writeText(box.path('src', `d${d}`, `f${f}`), '')),
      );
    const listedBefore = contentListings(await borgRuns()).length;
    const archive = await runPlan();
    // borg 1 is given the archive's name, borg 2 its id (aid:<id>).
    const isBackground = (r: string) =>
      (r.includes(`::${archive.name}`) || r.includes(`aid:${archive.id}`)) && r.includes('--json-lines');
    for (let i = 0; i < 6000 && !(await borgRuns()).some(isBackground); i++)
      await new Promise((r) => setTimeout(r, 20));
    const userRef = { repoId, archiveName: older.name, archiveId: older.id };
    await core.handlers['archives:open'](userRef);
    const userReady = await events.waitFor('archive-index:updated', readyState(older.id), 60_000);
    const background = await events.waitFor('archive-index:updated', readyState(archive.id), 200_000);
    expect(userReady.fromCache).toBe(false);
    expect(background.entryCount).toBeGreaterThan(10_000);
    const states = events.of('archive-index:updated');
    expect(states.indexOf(userReady)).toBeLessThan(states.indexOf(background));
    const runs = await borgRuns();
    // Started, stopped for the user's open, and started again once the lane was free.
    expect(runs.filter(isBackground).length).toBeGreaterThanOrEqual(2);
    expect(contentListings(runs).length - listedBefore).toBeGreaterThanOrEqual(3);
    // Both indexes are saved after their ready event.
    let saved = 0;
    for (let i = 0; i < 100 && saved < 2; i++) {
      saved = (await core.handlers['archives:index-usage']({})).archives;
      if (saved < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(saved).toBe(2);
  }, 400_000);
});
