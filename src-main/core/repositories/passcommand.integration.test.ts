/**
 * A passcommand per repository with the real core and /usr/bin/borg: the Test's four outcomes
 * (works, command failed, wrong passphrase, timed out), storing and clearing it, opening an existing
 * repository with one, and a backup after a core restart that nobody unlocks. The passcommands are
 * shell programs in the sandbox; the passphrase they print never appears in any file Borgdesk wrote.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShellProgram } from '../../borg/test-programs.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import { SerialLanes } from '../jobs/serial-lanes.js';
import { createMemorySecretStore } from '../secrets/memory-secret-store.js';
import { PassphraseKeeper } from '../secrets/passphrase-keeper.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { plainBackup, startTestCore } from '../test-support/test-core.js';
import { RepositoryRegistry } from './repository-registry.js';
import { RepositoryService } from './repository-service.js';

const PASSPHRASE = 'printed by the command 4e8a-never-logged';
let sandbox: BorgSandbox;
let good: string;
let failing: string;
let wrong: string;
let slow: string;
const cores: Core[] = [];

async function startCore(name: string): Promise<Core> {
  const homeDir = sandbox.path(name, 'home');
  await fs.mkdir(homeDir, { recursive: true });
  const core = await startTestCore({ configDir: sandbox.path(name, 'config'), homeDir });
  cores.push(core);
  return core;
}

/** Every file under `dir`, recursively. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  sandbox = await createSandbox();
  good = await writeShellProgram(sandbox.path('good.sh'), `echo '${PASSPHRASE}'`);
  failing = await writeShellProgram(sandbox.path('failing.sh'), `echo 'keyring is locked' >&2\nexit 1`);
  wrong = await writeShellProgram(sandbox.path('wrong.sh'), `echo 'not it'`);
  slow = await writeShellProgram(sandbox.path('slow.sh'), `sleep 30\necho '${PASSPHRASE}'`);
  await sandbox.writeText(sandbox.path('source', 'a.txt'), 'some data to back up\n');
}, 30_000);

afterAll(async () => {
  await Promise.all(cores.map((c) => c.dispose()));
  await sandbox.cleanup();
});

describe('a repository whose passphrase comes from a command', () => {
  const repoPath = (): string => sandbox.path('repos', 'main');
  let repoId: string;

  it('tests a passcommand on the repository: works, fails, wrong, not encrypted', async () => {
    const core = await startCore('first');
    const created = await core.handlers['repos:create']({
      name: 'Main',
      location: repoPath(),
      encryption: 'repokey-blake2',
      passphrase: PASSPHRASE,
    });
    repoId = created.id;
    const test = (passcommand: string) => core.handlers['repos:test-passcommand']({ repoId, passcommand });
    expect(await test(good)).toMatchObject({ outcome: 'ok' });
    expect(await test(failing)).toEqual({
      outcome: 'command-failed',
      message: `The passphrase command “${failing}” failed (exit code 1: keyring is locked).`,
      remedy: expect.stringMatching(/Fix the passphrase command/),
    });
    expect(await test(wrong)).toMatchObject({
      outcome: 'wrong-passphrase',
      message: expect.stringContaining(wrong),
    });
    // Before any borg runs: a command borg would choke on.
    await expect(test('pass "show')).rejects.toMatchObject({ code: 'InvalidInput' });

    const plain = await core.handlers['repos:create']({
      name: 'Plain',
      location: sandbox.path('repos', 'plain'),
      encryption: 'none',
    });
    expect(
      await core.handlers['repos:test-passcommand']({ repoId: plain.id, passcommand: good }),
    ).toMatchObject({
      outcome: 'not-encrypted',
    });
    expect(
      await core.handlers['repos:test-passcommand']({
        location: sandbox.path('repos', 'plain'),
        passcommand: good,
      }),
    ).toMatchObject({ outcome: 'not-encrypted' });
  });

  it('stores only a passcommand borg accepted, and clears it', async () => {
    const core = cores[0] as Core;
    await expect(
      core.handlers['repos:set-passcommand']({ repoId, passcommand: wrong }),
    ).rejects.toMatchObject({ code: 'InvalidInput', message: expect.stringContaining('does not accept') });
    expect((await core.handlers['repos:list']({})).find((r) => r.id === repoId)?.passcommand).toBeUndefined();
    const set = await core.handlers['repos:set-passcommand']({ repoId, passcommand: `  ${good} ` });
    expect(set).toMatchObject({ passcommand: good, unlocked: true });
    const file = await fs.readFile(sandbox.path('first', 'config', 'repositories.json'), 'utf8');
    expect(file).toContain(good);
    expect(file).not.toContain(PASSPHRASE);
  });

  it('backs up after a restart without anyone unlocking, and never writes the passphrase', async () => {
    await (cores[0] as Core).dispose();
    const core = await startCore('first');
    const recorder = new EventRecorder(core);
    expect((await core.handlers['repos:list']({})).find((r) => r.id === repoId)).toMatchObject({
      unlocked: true,
    });
    const { jobId } = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, sandbox.path('source'), 'by-command-{now}'),
    );
    const finished = await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000);
    expect(finished.status).toBe('succeeded');
    const log = await core.handlers['jobs:log']({ jobId });
    expect(JSON.stringify(log)).not.toContain(PASSPHRASE);
    expect(JSON.stringify(recorder.events)).not.toContain(PASSPHRASE);
    const details = await core.handlers['repos:details']({ repoId });
    expect(details.archives.map((a) => a.name)).toEqual([expect.stringMatching(/^by-command-/)]);
    for (const written of await filesUnder(sandbox.path('first')))
      expect(await fs.readFile(written, 'utf8'), written).not.toContain(PASSPHRASE);
    recorder.stop();
  });

  it('fails a backup whose command fails, naming the command and the way forward', async () => {
    const core = cores.at(-1) as Core;
    await fs.writeFile(good, `#!/bin/sh\necho 'keyring is locked' >&2\nexit 4\n`);
    const recorder = new EventRecorder(core);
    const { jobId } = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, sandbox.path('source'), 'x-{now}'),
    );
    const finished = await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000);
    expect(finished).toMatchObject({
      status: 'failed',
      error: {
        code: 'PasscommandFailed',
        message: `The passphrase command “${good}” failed (exit code 4: keyring is locked).`,
        remedy: expect.stringMatching(/remove it there and unlock/),
      },
    });
    const cleared = await core.handlers['repos:set-passcommand']({ repoId, passcommand: null });
    expect(cleared).toMatchObject({ unlocked: false });
    expect(cleared.passcommand).toBeUndefined();
    await fs.writeFile(good, `#!/bin/sh\necho '${PASSPHRASE}'\n`);
    recorder.stop();
  });

  it('opens an existing repository with a passcommand instead of a passphrase', async () => {
    const core = await startCore('second');
    await expect(
      core.handlers['repos:add-existing']({ name: 'Main', location: repoPath(), passcommand: wrong }),
    ).rejects.toMatchObject({ code: 'PassphraseWrong', message: expect.stringContaining(wrong) });
    await expect(
      core.handlers['repos:add-existing']({
        name: 'Main',
        location: repoPath(),
        passcommand: good,
        passphrase: 'x',
      }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    expect(
      await core.handlers['repos:test-passcommand']({ location: repoPath(), passcommand: good }),
    ).toMatchObject({
      outcome: 'ok',
    });
    const added = await core.handlers['repos:add-existing']({
      name: 'Main',
      location: repoPath(),
      passcommand: good,
    });
    expect(added).toMatchObject({
      needsPassphrase: true,
      unlocked: true,
      passcommand: good,
      encryption: 'repokey-blake2',
    });
    expect((await core.handlers['repos:details']({ repoId: added.id })).archives).toHaveLength(1);
  });
});

describe('a passcommand that never finishes', () => {
  it('is stopped after the Test’s time limit, and the repository is usable right after', async () => {
    const registry = await RepositoryRegistry.open(sandbox.path('timeout', 'config'));
    const service = new RepositoryService({
      registry,
      secrets: new PassphraseKeeper(createMemorySecretStore()),
      lanes: new SerialLanes(),
      homeDir: sandbox.dir,
      borgPath: () => Promise.resolve(TEST_BORG),
      shutdown: new AbortController().signal,
      onChanged: () => undefined,
      // Long enough for borg itself to start and run the good command on a loaded 2-core machine.
      passcommandTimeoutMs: 4_000,
    });
    const repo = await service.addExisting({
      name: 'Main',
      location: sandbox.path('repos', 'main'),
      passcommand: good,
    });
    const started = Date.now();
    const result = await service.testPasscommand({ repoId: repo.id, passcommand: slow });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result).toMatchObject({
      outcome: 'timed-out',
      message: `The passphrase command “${slow}” did not finish within 4 seconds and was stopped.`,
      remedy: expect.stringMatching(/pinentry/),
    });
    // Borg was stopped cleanly: no lock is left behind for the next run.
    expect(await service.testPasscommand({ repoId: repo.id, passcommand: good })).toMatchObject({
      outcome: 'ok',
    });
  }, 30_000);
});
