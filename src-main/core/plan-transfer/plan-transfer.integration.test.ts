/**
 * The round trip with real /usr/bin/borg: plans exported from one core and imported into a fresh
 * one (another config folder, as on a new computer) come back the same; the borg repository that
 * the new core already knows is mapped, not added twice, and the imported plan backs up into it
 * under its old archive prefix. A repository the new core does not know is added without borg.
 */
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { Plan } from '../../model/plan.js';
import type { Core } from '../services.js';
import { startTestCore } from '../test-support/test-core.js';

const PASSPHRASE = 'transfer passphrase 7d1e';
let root: string;
let source: string;
let repoPath: string;
let oldCore: Core;
let newCore: Core | undefined;
let exported: Plan[];
let exportText: string;
const savedBase = process.env['BORG_BASE_DIR'];

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-transfer-it-'));
  source = path.join(root, 'source');
  repoPath = path.join(root, 'repo');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(source, 'docs'), { recursive: true });
  await fs.writeFile(path.join(source, 'docs', 'a.txt'), 'moving plans');
  oldCore = await startTestCore({
    configDir: path.join(root, 'old-config'),
    homeDir: path.join(root, 'home'),
  });
  const repo = await oldCore.handlers['repos:create']({
    name: 'Main repo',
    location: repoPath,
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  // Created here, gone before the import (an unplugged drive): the import must not need borg for it.
  const offsite = await oldCore.handlers['repos:create']({
    name: 'Offsite',
    location: path.join(root, 'unplugged-drive', 'borg'),
    encryption: 'repokey-blake2',
    passphrase: PASSPHRASE,
  });
  const save = (draft: unknown) =>
    oldCore.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
  await save({
    name: 'Documents',
    targets: [
      { repoId: repo.id, schedule: { kind: 'daily', at: '02:30' } },
      { repoId: offsite.id, schedule: { kind: 'weekly', days: [0], at: '11:00' } },
    ],
    sourcePaths: [source],
    excludes: ['*.tmp'],
    patterns: ['- **/cache'],
    presets: ['node-modules'],
    oneFileSystem: true,
    compression: 'zstd,3',
    archiveNameTemplate: '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}',
    beforeCommand: { command: 'true', timeoutSeconds: 30 },
    retention: { keepDaily: 7, keepWeekly: 4 },
  });
  await save({ name: 'Music', targets: [{ repoId: repo.id }], sourcePaths: [source] });
  exported = await oldCore.handlers['plans:list']({});
  exportText = (await oldCore.handlers['plans:export']({})).text;
  await fs.rm(path.join(root, 'unplugged-drive'), { recursive: true });
}, 60_000);

afterAll(async () => {
  await oldCore?.dispose();
  await newCore?.dispose();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('export, then import into a fresh Borgdesk', () => {
  it('maps the repository it knows, adds the other locked, and brings the same plans back', async () => {
    expect(exportText).not.toContain(PASSPHRASE);
    newCore = await startTestCore({
      configDir: path.join(root, 'new-config'),
      homeDir: path.join(root, 'home'),
    });
    const known = await newCore.handlers['repos:add-existing']({
      name: 'Same repo here',
      location: `${repoPath}/`,
      passphrase: PASSPHRASE,
    });
    const preview = await newCore.handlers['plans:preview-import']({ text: exportText });
    expect(preview.repositories.map((r) => [r.action, r.existingName, r.locked])).toEqual([
      ['existing', 'Same repo here', false],
      ['add', undefined, true],
    ]);
    expect(preview.plans.map((p) => p.name)).toEqual(['Documents', 'Music']);
    // The preview changed nothing.
    expect(await newCore.handlers['plans:list']({})).toEqual([]);

    const result = await newCore.handlers['plans:import']({
      text: exportText,
      planKeys: preview.plans.map((p) => p.key),
    });
    expect(result.repositoriesAdded).toBe(1);
    const repos = await newCore.handlers['repos:list']({});
    expect(repos.map((r) => [r.name, r.unlocked, r.passcommand])).toEqual([
      ['Same repo here', true, undefined],
      ['Offsite', false, undefined],
    ]);
    const offsiteId = repos[1]?.id;
    const imported = await newCore.handlers['plans:list']({});
    const idOf = new Map(exported.flatMap((p) => p.targets.map((t) => t.repoId)).map((id, i) => [id, i]));
    const comparable = (plans: Plan[], ids: (id: string) => string) =>
      plans.map(({ id: _id, ...p }) => ({
        ...p,
        targets: p.targets.map((t) => ({ ...t, repoId: ids(t.repoId) })),
      }));
    const oldIds = [...idOf.keys()];
    expect(
      comparable(imported, (id) => (id === known.id ? 'main' : id === offsiteId ? 'offsite' : id)),
    ).toEqual(comparable(exported, (id) => (id === oldIds[0] ? 'main' : 'offsite')));

    // A second import of the same file renames instead of clashing, and adds no repository again.
    const again = await newCore.handlers['plans:import']({ text: exportText, planKeys: ['plan-2'] });
    expect(again).toMatchObject({ repositoriesAdded: 0, plans: [{ name: 'Music (imported)' }] });
    expect(await newCore.handlers['repos:list']({})).toHaveLength(2);
    const second = (await newCore.handlers['plans:list']({})).find((p) => p.name === 'Music (imported)');
    expect(second?.archivePrefix).not.toBe('music');
  }, 60_000);

  it('backs up with the imported plan into the mapped repository under its old prefix', async () => {
    const core = newCore!;
    const plan = (await core.handlers['plans:list']({})).find((p) => p.name === 'Documents')!;
    const repoId = plan.targets[0]!.repoId;
    const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id, repoId });
    for (let i = 0; i < 600; i++) {
      const jobs = await core.handlers['jobs:list']({});
      if (
        jobs
          .filter((j) => jobIds.includes(j.id))
          .every((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status))
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => a.name)).toEqual([expect.stringMatching(/^documents-/)]);
  }, 60_000);

  it('turns a Vorta profile export and a borgmatic config into plans that back up', async () => {
    const core = newCore!;
    // Vorta's export as Vorta writes it, pointed at this machine's repository and folder.
    const vorta = JSON.parse(
      readFileSync(new URL('./__fixtures__/vorta-profile.json', import.meta.url), 'utf8'),
    ) as { repo: { url: string }; SourceFileModel: { dir: string }[]; pre_backup_cmd: string };
    vorta.repo.url = repoPath;
    vorta.SourceFileModel = vorta.SourceFileModel.slice(0, 1).map((f) => ({ ...f, dir: source }));
    vorta.pre_backup_cmd = 'true';
    const borgmatic = [
      'source_directories:',
      `    - ${source}`,
      'repositories:',
      `    - path: ${repoPath}`,
      '      label: main',
      'exclude_patterns:',
      "    - '*.tmp'",
      'keep_daily: 7',
      'before_backup:',
      '    - echo starting',
      'on_error:',
      '    - echo failed',
      '',
    ].join('\n');
    const before = (
      await core.handlers['repos:details']({ repoId: (await core.handlers['repos:list']({}))[0]!.id })
    ).archives.length;
    for (const text of [JSON.stringify(vorta), borgmatic]) {
      const preview = await core.handlers['plans:preview-import']({ text });
      expect(preview.repositories.map((r) => r.action)).toEqual(['existing']);
      const result = await core.handlers['plans:import']({ text, planKeys: preview.plans.map((p) => p.key) });
      expect(result.repositoriesAdded).toBe(0);
      const plan = result.plans[0]!;
      const stored = (await core.handlers['plans:list']({})).find((p) => p.name === plan.name)!;
      const { jobIds } = await core.handlers['plans:run-now']({ planId: stored.id });
      let done = false;
      for (let i = 0; i < 600 && !done; i++) {
        const jobs = (await core.handlers['jobs:list']({})).filter((j) => jobIds.includes(j.id));
        done = jobs.every((j) => ['succeeded', 'warning', 'failed', 'cancelled'].includes(j.status));
        if (done) expect(jobs.map((j) => j.status)).toEqual(['succeeded']);
        else await new Promise((r) => setTimeout(r, 100));
      }
      expect(done).toBe(true);
    }
    const repoId = (await core.handlers['repos:list']({}))[0]!.id;
    expect((await core.handlers['repos:details']({ repoId })).archives).toHaveLength(before + 2);
  }, 120_000);
});
