import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planSchema, type Plan } from '../../model/plan.js';
import type { StoredRepository } from '../repositories/repository-registry.js';
import { buildPlanExport, planExportText } from './export.js';
import { planImport, type ImportContext } from './import-preview.js';

const home = '/home/dora';
const nas: StoredRepository = {
  id: 'r-nas',
  name: 'NAS',
  location: 'ssh://dora@nas/./borg',
  encryption: 'repokey-blake2',
  needsPassphrase: true,
  passcommand: 'pass show borg/nas',
};
const usb: StoredRepository = {
  id: 'r-usb',
  name: 'USB',
  location: '/media/usb/borg',
  encryption: 'none',
  needsPassphrase: false,
  sshKey: '/home/dora/.ssh/id_borg',
};
const documents: Plan = planSchema.parse({
  id: 'p-docs',
  archivePrefix: 'documents',
  name: 'Documents',
  targets: [
    { repoId: 'r-nas', schedule: { kind: 'daily', at: '02:30' } },
    { repoId: 'r-usb', schedule: { kind: 'weekly', days: [1, 4], at: '20:00' } },
  ],
  sourcePaths: ['~/Documents'],
  excludes: ['*.tmp'],
  presets: ['caches-trash'],
  retention: { keepDaily: 7, keepMonthly: 6 },
  beforeCommand: { command: 'make-dump', timeoutSeconds: 120 },
  // A ping URL is a token: it stays on this computer.
  monitoring: { ping: { url: 'https://hc-ping.com/5e1a-secret-uuid' } },
});
const exportText = planExportText(buildPlanExport([documents], [nas, usb], new Date('2026-12-01T10:00:00Z')));

const fresh: ImportContext = { repositories: [], plans: [], homeDir: home, fileExists: () => false };

describe('the Borgdesk export', () => {
  it('writes plans with repository keys and locations, and never an id or a secret field', () => {
    const doc = JSON.parse(exportText) as Record<string, unknown>;
    expect(doc).toMatchObject({
      format: 'borgdesk-plans',
      version: 1,
      exportedAt: '2026-12-01T10:00:00.000Z',
    });
    expect(doc['repositories']).toEqual([
      {
        key: 'repo-1',
        name: 'NAS',
        location: 'ssh://dora@nas/./borg',
        encryption: 'repokey-blake2',
        passcommand: 'pass show borg/nas',
      },
      {
        key: 'repo-2',
        name: 'USB',
        location: '/media/usb/borg',
        encryption: 'none',
        sshKey: '/home/dora/.ssh/id_borg',
      },
    ]);
    expect(exportText).not.toContain('p-docs');
    expect(exportText).not.toMatch(/passphrase/i);
    expect(exportText).not.toContain('5e1a-secret-uuid');
  });
});

describe('planImport', () => {
  it('into a fresh Borgdesk: adds both repositories (the encrypted one locked) and keeps the prefix', () => {
    const work = planImport({ text: exportText }, fresh);
    expect(work.preview.source).toBe('borgdesk');
    expect(work.preview.repositories.map((r) => [r.name, r.action, r.locked])).toEqual([
      ['NAS', 'add', false],
      ['USB', 'add', false],
    ]);
    expect(work.preview.repositories[0]?.notes.join(' ')).toContain('pass show borg/nas');
    expect(work.preview.repositories[1]?.notes.join(' ')).toContain('not on this computer');
    expect(work.repositories.get('repo-2')).toEqual({
      kind: 'add',
      repository: { name: 'USB', location: '/media/usb/borg', needsPassphrase: false, encryption: 'none' },
    });
    expect(work.plans).toHaveLength(1);
    expect(work.plans[0]?.archivePrefix).toBe('documents');
    expect(work.plans[0]?.draft).toMatchObject({
      name: 'Documents',
      sourcePaths: ['~/Documents'],
      presets: ['caches-trash'],
      retention: { keepDaily: 7, keepMonthly: 6 },
      targets: [
        { repoId: 'repo-1', schedule: { kind: 'daily', at: '02:30' } },
        { repoId: 'repo-2', schedule: { kind: 'weekly', days: [1, 4], at: '20:00' } },
      ],
    });
    expect(work.preview.plans[0]?.carried).toContain('Runs before: make-dump');
  });

  it('maps a repository at the same location (after normalising it) and renames a clashing plan', () => {
    const here: StoredRepository = { ...usb, id: 'mine', name: 'My stick', location: '/media/usb/borg' };
    const text = exportText.replace('"/media/usb/borg"', '"/media/usb/borg/"');
    const work = planImport(
      { text },
      {
        ...fresh,
        repositories: [here],
        plans: [{ ...documents, targets: [{ repoId: 'mine', schedule: { kind: 'off' } }] }],
      },
    );
    expect(work.preview.repositories[1]).toMatchObject({ action: 'existing', existingName: 'My stick' });
    expect(work.repositories.get('repo-2')).toEqual({ kind: 'existing', repoId: 'mine' });
    expect(work.preview.plans[0]).toMatchObject({ name: 'Documents (imported)', originalName: 'Documents' });
    // The plan here already prunes "documents-*" in that repository: the import must not share it.
    expect(work.plans[0]?.archivePrefix).toBeUndefined();
    expect(work.preview.plans[0]?.notMapped.join(' ')).toContain('new name prefix');
  });

  it('refuses a newer format, a damaged file and an unknown one, in plain words', () => {
    const newer = exportText.replace('"version": 1', '"version": 2');
    expect(() => planImport({ text: newer }, fresh)).toThrow(/newer Borgdesk \(format version 2\)/);
    const damaged = exportText.replace('"plans": [', '"plans": 3, "x": [');
    expect(() => planImport({ text: damaged }, fresh)).toThrow(/damaged/);
    expect(() => planImport({ text: exportText.slice(0, 200) }, fresh)).toThrow(
      /not a Borgdesk plans export/,
    );
    expect(() => planImport({ text: '- just\n- a list\n' }, fresh)).toThrow(/not a Borgdesk plans export/);
  });

  it('previews a borgmatic file: its error command runs after a failure, bad sources block the plan', () => {
    const yaml = readFileSync(new URL('./__fixtures__/borgmatic-sectioned.yaml', import.meta.url), 'utf8');
    const work = planImport({ text: yaml, fileName: 'workstation.yaml' }, fresh);
    expect(work.preview.source).toBe('borgmatic');
    // Its passcommand gives borg the passphrase: neither needs unlocking.
    expect(work.preview.repositories.map((r) => r.locked)).toEqual([false, false]);
    const plan = work.preview.plans[0];
    expect(plan?.problem).toBeUndefined();
    expect(plan?.carried).toContain('Runs after a failure: echo "Error during prune/create/check."');
    expect(plan?.notMapped.join('\n')).not.toMatch(/not mapped yet/);
    const noSources = planImport(
      { text: 'source_directories: [relative/only]\nrepositories: [/srv/borg]\n' },
      fresh,
    );
    expect(noSources.plans).toHaveLength(0);
    expect(noSources.preview.plans[0]?.problem).toContain('Folders: Choose at least one folder to back up.');
  });

  it('previews a Vorta export with its repository locked', () => {
    const json = readFileSync(new URL('./__fixtures__/vorta-profile.json', import.meta.url), 'utf8');
    const work = planImport({ text: json }, fresh);
    expect(work.preview.source).toBe('vorta');
    expect(work.preview.repositories[0]).toMatchObject({ name: 'Storage box', action: 'add', locked: true });
    expect(work.plans[0]?.draft.targets).toEqual([
      {
        repoId: 'vorta-repo',
        schedule: { kind: 'every-hours', hours: 6, conditions: { notOnMetered: true } },
      },
    ]);
    expect(JSON.stringify(work)).not.toContain('correct horse');
  });
});
