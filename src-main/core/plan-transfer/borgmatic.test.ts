import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseYaml, readBorgmaticConfig } from './borgmatic.js';

function fixture(name: string): Record<string, unknown> {
  return parseYaml(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('readBorgmaticConfig, sectioned layout (borgmatic 1.7)', () => {
  const set = readBorgmaticConfig(fixture('borgmatic-sectioned.yaml'), 'workstation.yaml');
  const plan = set.plans[0];

  it('makes one plan to every repository, named after the file', () => {
    expect(plan?.name).toBe('workstation');
    expect(set.repositories.map((r) => [r.location, r.name, r.passcommand])).toEqual([
      ['ben@nas.local:/volume1/borg/workstation', 'workstation', 'secret-tool lookup borg workstation'],
      ['/mnt/usb-backup/borg', 'borg', 'secret-tool lookup borg workstation'],
    ]);
    expect(plan?.targets.map((t) => t.repositoryKey)).toEqual(set.repositories.map((r) => r.key));
    expect(plan?.targets.every((t) => t.schedule.kind === 'off')).toBe(true);
  });

  it('maps sources, excludes, flags, retention and hooks', () => {
    expect(plan?.fields).toMatchObject({
      sourcePaths: ['/home/ben/Projects', '/etc'],
      excludes: ['*.pyc', '/home/ben/Projects/*/target'],
      excludeCaches: true,
      excludeIfPresent: ['.nobackup'],
      oneFileSystem: true,
      archiveNameTemplate: '{hostname}-{now:%Y-%m-%dT%H-%M-%S}',
      retention: { keepDaily: 7, keepWeekly: 4, keepMonthly: 6 },
      beforeCommand: { command: 'echo "Starting a backup." && /usr/local/bin/pause-containers' },
      afterCommand: { command: '/usr/local/bin/resume-containers' },
      afterFailureCommand: { command: 'echo "Error during prune/create/check."' },
    });
    expect(plan?.fields).not.toHaveProperty('compression');
  });

  it('lists in plain words what it does not take over', () => {
    const notes = plan?.notMapped.join('\n') ?? '';
    for (const part of [
      '"/var/www/*" uses a wildcard',
      '"notes" is not a full path',
      'Compression "auto,zstd"',
      'healthchecks',
      'consistency checks',
      'ssh_command',
      'prefix',
      'schedule is off',
    ])
      expect(notes).toContain(part);
  });
});

describe('readBorgmaticConfig, flat layout with commands: (borgmatic 2)', () => {
  const set = readBorgmaticConfig(fixture('borgmatic-flat.yaml'), 'config.yaml');
  const plan = set.plans[0];

  it('reads labelled repositories and names the plan after the first when the file is config.yaml', () => {
    expect(set.repositories.map((r) => [r.name, r.location])).toEqual([
      ['offsite', 'ssh://cleo@backup.example.org/./main'],
      ['usb', '/media/cleo/Backup/borg'],
    ]);
    expect(plan?.name).toBe('borgmatic offsite');
  });

  it('maps the create commands and the error command, not the check one', () => {
    expect(plan?.fields).toMatchObject({
      beforeCommand: { command: 'mysqldump --all-databases > /home/cleo/db.sql' },
      afterCommand: { command: 'rm /home/cleo/db.sql' },
      afterFailureCommand: { command: 'notify-send "Backup failed"' },
      excludeIfPresent: ['.nobackup'],
      compression: 'lz4',
      retention: { keepWithin: '2d', keepDaily: 14, keepWeekly: 8 },
    });
    const notes = plan?.notMapped.join('\n') ?? '';
    expect(notes).toContain('before "check"');
    expect(notes).toContain('postgresql database dumps');
    expect(notes).toContain('keep_secondly');
  });

  it('never carries the passphrase', () => {
    expect(JSON.stringify(set)).not.toContain('hunter2');
    expect(set.notMapped.join(' ')).toContain('passphrase: it was not imported');
  });
});
