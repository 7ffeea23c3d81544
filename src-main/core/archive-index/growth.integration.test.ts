// Integration: "Why did it grow?" against the real borg (/usr/bin/borg, or BORGDESK_TEST_BORG) on a
// temporary repository: a big file lands in one folder between two backups of a plan.
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from '../../borg/commands/create.js';
import { runInit } from '../../borg/commands/init.js';
import { createSandbox, type BorgSandbox } from '../../borg/test-sandbox.js';
import { SerialLanes } from '../jobs/serial-lanes.js';
import { ArchiveIndexService } from './archive-index-service.js';
import { growthReport } from './growth-report.js';

const REPO_ID = 'repo-1';
const BIG = 3 * 1024 * 1024 + 17;
let box: BorgSandbox;
let service: ArchiveIndexService;
let borgRuns = 0;
/** The archive path of the backed-up folder (borg strips the leading slash). */
let src = '';

async function backup(name: string): Promise<void> {
  const o = { location: box.path('repo'), archiveName: name, sourcePaths: [box.path('src')] };
  await runCreate({ ...o, compression: 'lz4', excludeCaches: false, excludePatterns: [] }, box.ctx());
}

beforeAll(async () => {
  box = await createSandbox();
  src = box.path('src').slice(1);
  await runInit({ location: box.path('repo'), encryption: 'none' }, box.ctx());
  await box.writeText(box.path('src', 'docs', 'a.txt'), 'alpha\n');
  await box.writeText(box.path('src', 'media', 'videos', 'old.txt'), 'old\n');
  await backup('docs-first');
  // Another plan's archive between the two: not what docs-second is compared with.
  await backup('photos-between');
  await writeFile(box.path('src', 'media', 'videos', 'trip.bin'), Buffer.alloc(BIG, 7));
  await writeFile(box.path('src', 'docs', 'a.txt'), 'alpha, longer now\n');
  await backup('docs-second');
  const lanes = new SerialLanes();
  service = new ArchiveIndexService({
    cacheDir: box.path('cache'),
    resolve: async () => ({ location: box.path('repo'), ctx: box.ctx() }),
    runInLane: (repoId, task) => {
      borgRuns++;
      return lanes.run(repoId, task);
    },
    emit: () => undefined,
  });
}, 60_000);

afterAll(async () => {
  await service?.dispose();
  await box?.cleanup();
});

describe('archive growth with real borg', () => {
  it('compares with the previous archive of the plan and names the folder the big file landed in', async () => {
    const report = await growthReport(await service.indexedArchives(REPO_ID), { archiveName: 'docs-second' });
    expect(report.archive.name).toBe('docs-second');
    expect(report.against?.name).toBe('docs-first');
    expect(report.sameSeries).toBe(true);
    expect(report.folders[0]).toMatchObject({
      path: `${src}/media/videos`,
      grownBytes: BIG,
      addedFiles: 1,
      changedFiles: 0,
    });
    expect(report.files[0]).toEqual({
      path: `${src}/media/videos/trip.bin`,
      kind: 'added',
      size: BIG,
      deltaBytes: BIG,
    });
    // a.txt grew from 6 to 18 bytes.
    expect(report.files[1]).toMatchObject({ path: `${src}/docs/a.txt`, kind: 'changed', deltaBytes: 12 });
    expect(report.totals).toMatchObject({ grownBytes: BIG + 12, addedFiles: 1, changedFiles: 1 });
  });

  it('drills into a folder from the remembered listing and indexes, without running borg again', async () => {
    const before = borgRuns;
    const archives = await service.indexedArchives(REPO_ID, true);
    const report = await growthReport(archives, { archiveName: 'docs-second', folder: `${src}/docs` });
    expect(borgRuns).toBe(before);
    expect(report.totals).toMatchObject({ grownBytes: 12, changedFiles: 1, addedFiles: 0 });
    expect(report.files.map((f) => f.path)).toEqual([`${src}/docs/a.txt`]);
  });

  it('compares with a chosen archive, and treats everything as added in the first one', async () => {
    const archives = await service.indexedArchives(REPO_ID, true);
    const chosen = await growthReport(archives, {
      archiveName: 'docs-second',
      againstArchiveName: 'photos-between',
    });
    expect(chosen.against?.name).toBe('photos-between');
    expect(chosen.sameSeries).toBe(false);
    expect(chosen.folders[0]?.grownBytes).toBe(BIG);
    const first = await growthReport(archives, { archiveName: 'docs-first' });
    expect(first.against).toBeNull();
    expect(first.totals.addedFiles).toBe(2);
    await expect(growthReport(archives, { archiveName: 'docs-first', folder: 'nowhere' })).rejects.toThrow(
      /no folder "nowhere"/,
    );
  });
});
