import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVortaProfile } from './vorta.js';

const fixture = JSON.parse(
  readFileSync(new URL('./__fixtures__/vorta-profile.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('readVortaProfile', () => {
  const set = readVortaProfile(fixture);
  const plan = set?.plans[0];

  it('takes the repository, sources and excludes from the export', () => {
    expect(set?.repositories).toEqual([
      expect.objectContaining({
        key: 'vorta-repo',
        name: 'Storage box',
        location: 'ssh://u123456@u123456.your-storagebox.de:23/./borg/laptop',
        encryption: 'repokey-blake2',
      }),
    ]);
    expect(plan?.name).toBe('Laptop home');
    expect(plan?.fields).toMatchObject({
      sourcePaths: ['/home/anna/Documents', '/home/anna/Pictures'],
      // The switched-off custom exclusion and the comment line are left out.
      excludes: ['*.pyc', '/home/anna/Downloads', '*.iso'],
      excludeIfPresent: ['.nobackup'],
      excludeCaches: false,
      compression: 'zstd,3',
      archiveNameTemplate: '{hostname}-{now:%Y-%m-%d-%H%M%S}',
      retention: {
        keepWithin: '10H',
        keepHourly: 2,
        keepDaily: 7,
        keepWeekly: 4,
        keepMonthly: 6,
        keepYearly: 2,
      },
      beforeCommand: { command: 'pg_dump -U anna notes > /home/anna/dumps/notes.sql', timeoutSeconds: 600 },
    });
    expect(plan?.fields).not.toHaveProperty('afterCommand');
  });

  it('maps the interval schedule with the metered-network rule', () => {
    expect(plan?.targets).toEqual([
      {
        repositoryKey: 'vorta-repo',
        schedule: { kind: 'every-hours', hours: 6, conditions: { notOnMetered: true } },
      },
    ]);
    const fixed = readVortaProfile({
      ...fixture,
      schedule_mode: 'fixed',
      schedule_fixed_hour: 4,
      schedule_fixed_minute: 5,
      dont_run_on_metered_networks: false,
    });
    expect(fixed?.plans[0]?.targets[0]?.schedule).toEqual({ kind: 'daily', at: '04:05' });
    const weekly = readVortaProfile({
      ...fixture,
      schedule_interval_unit: 'weeks',
      schedule_interval_count: 2,
    });
    expect(weekly?.plans[0]?.targets[0]?.schedule).toEqual({ kind: 'off' });
    expect(weekly?.plans[0]?.notMapped.join(' ')).toContain('every 2 weeks');
  });

  it('never carries the passphrase and names what it leaves out', () => {
    expect(JSON.stringify(set)).not.toContain('correct horse');
    expect(set?.notMapped.join(' ')).toContain('passphrase: it was not imported');
    expect(set?.notMapped.join(' ')).toContain('Wi-Fi');
    const notes = [...(plan?.notMapped ?? []), ...(set?.repositories[0]?.notes ?? [])].join('\n');
    expect(notes).toContain('SSH key "id_ed25519"');
    expect(notes).toContain('--remote-ratelimit 5000');
    expect(notes).toContain('Python cache and virtualenv');
    expect(notes).toContain('checked the repository every 3 weeks');
  });

  it('keeps no retention when pruning was off, and refuses what is not a profile', () => {
    expect(readVortaProfile({ ...fixture, prune_on: false })?.plans[0]?.fields).not.toHaveProperty(
      'retention',
    );
    expect(readVortaProfile({ name: 'x' })).toBeUndefined();
  });
});
