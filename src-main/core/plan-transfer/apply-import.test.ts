import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlanStore } from '../plan-runs/plan-store.js';
import { RepositoryRegistry } from '../repositories/repository-registry.js';
import { applyImport } from './apply-import.js';

// Two plans to two repositories nobody has here yet (applying needs no borg).
const FILE = JSON.stringify({
  format: 'borgdesk-plans',
  version: 1,
  exportedAt: '2026-12-01T10:00:00.000Z',
  repositories: [
    { key: 'a', name: 'Disk', location: '/media/disk/borg', encryption: 'repokey-blake2' },
    { key: 'b', name: 'Plain', location: '~/borg-plain', encryption: 'none' },
  ],
  plans: [
    {
      name: 'Photos',
      archivePrefix: 'photos',
      targets: [{ repository: 'a', schedule: { kind: 'daily', at: '01:00' } }],
      sourcePaths: ['~/Pictures'],
    },
    { name: 'Mail', targets: [{ repository: 'a' }, { repository: 'b' }], sourcePaths: ['~/Mail'] },
  ],
});

describe('applyImport', () => {
  let dir: string;
  let registry: RepositoryRegistry;
  let plans: PlanStore;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-apply-import-'));
    registry = await RepositoryRegistry.open(dir);
    plans = await PlanStore.open(dir);
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it('adds the repositories once, locked unless unencrypted, and creates the chosen plans', async () => {
    const result = await applyImport({ text: FILE }, undefined, { registry, plans, homeDir: '/home/eve' });
    expect(result).toMatchObject({ repositoriesAdded: 2, plans: [{ name: 'Photos' }, { name: 'Mail' }] });
    expect(registry.list().map((r) => [r.name, r.location, r.needsPassphrase])).toEqual([
      ['Disk', '/media/disk/borg', true],
      ['Plain', '/home/eve/borg-plain', false],
    ]);
    const [photos, mail] = plans.list();
    expect(photos).toMatchObject({
      archivePrefix: 'photos',
      targets: [{ repoId: registry.list()[0]?.id, schedule: { kind: 'daily', at: '01:00' } }],
    });
    expect(mail?.targets.map((t) => t.repoId)).toEqual(registry.list().map((r) => r.id));
    // Reopened from disk: what was written is what was reported.
    expect((await PlanStore.open(dir)).list()).toEqual(plans.list());
  });

  it('takes everything back when a plan cannot be written', async () => {
    let puts = 0;
    const failing = {
      list: () => plans.list(),
      remove: (id: string) => plans.remove(id),
      put: async (plan: Parameters<PlanStore['put']>[0]) => {
        if (++puts === 2) throw new Error('disk full');
        await plans.put(plan);
      },
    };
    await expect(
      applyImport({ text: FILE }, undefined, { registry, plans: failing, homeDir: '/home/eve' }),
    ).rejects.toThrow('disk full');
    expect(registry.list()).toEqual([]);
    expect(plans.list()).toEqual([]);
  });

  it('refuses plan keys the file does not have', async () => {
    await expect(
      applyImport({ text: FILE }, ['plan-9'], { registry, plans, homeDir: '/home/eve' }),
    ).rejects.toThrow('changed since the preview');
    expect(registry.list()).toEqual([]);
  });
});
