/**
 * Borg's "previously located at …" question through the real core and /usr/bin/borg: a repository
 * Borgdesk reaches at a location borg does not know for it (the folder moved and Borgdesk's record
 * with it, as after restoring Borgdesk's settings) stops a backup with a question; yes runs the
 * backup once with that consent, borg records the new location in its security folder, and the
 * next backup runs without any consent. A scheduled run never says yes: it stops with the notice.
 * A changed encryption is a warning with no yes. borg is reached through a wrapper that notes the
 * answer each run got, so "no consent" is checked.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeShellProgram } from '../../borg/test-programs.js';
import { createSandbox, TEST_BORG, type BorgSandbox } from '../../borg/test-sandbox.js';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import { ManualTime } from '../schedule/manual-time.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { plainBackup, startTestCore } from '../test-support/test-core.js';

const RELOCATED = 'BORG_RELOCATED_REPO_ACCESS_IS_OK';
let sandbox: BorgSandbox;
let time: ManualTime;
let core: Core;
let answersFile: string;

async function startCore(): Promise<Core> {
  const started = await startTestCore({
    configDir: sandbox.path('config'),
    homeDir: sandbox.path('home'),
    time,
  });
  // Every borg run notes the answer it got to the relocation question, then is the real borg.
  const wrapper = await writeShellProgram(
    sandbox.path('borg-wrapper'),
    `echo "$2 \${${RELOCATED}:-unset}" >> '${answersFile}'\nexec '${TEST_BORG}' "$@"`,
  );
  await started.handlers['settings:update']({ borgPath: wrapper });
  return started;
}

async function answers(): Promise<string[]> {
  const text = await fs.readFile(answersFile, 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.startsWith('create '));
}

async function finished(recorder: EventRecorder, jobId: string): Promise<JobSnapshot> {
  return recorder.waitFor('job:finished', (job) => job.id === jobId, 60_000);
}

/** A repository borg last saw at `before`, that Borgdesk now knows at `after` (no consent given by anyone). */
async function movedRepository(
  name: string,
  passphrase?: string,
): Promise<{ repoId: string; before: string; after: string }> {
  const recorder = new EventRecorder(core);
  const before = sandbox.path('repos', name);
  const created = await core.handlers['repos:create']({
    name,
    location: before,
    ...(passphrase === undefined ? { encryption: 'none' } : { encryption: 'repokey-blake2', passphrase }),
  });
  const first = await core.handlers['jobs:start-backup'](
    plainBackup(created.id, sandbox.path('source'), 'one'),
  );
  expect((await finished(recorder, first.jobId)).status).toBe('succeeded');
  recorder.stop();
  const after = sandbox.path('moved', name);
  await fs.mkdir(path.dirname(after), { recursive: true });
  await fs.rename(before, after);
  await core.dispose();
  const registry = sandbox.path('config', 'repositories.json');
  await fs.writeFile(registry, (await fs.readFile(registry, 'utf8')).replaceAll(before, after));
  core = await startCore();
  return { repoId: created.id, before, after };
}

beforeAll(async () => {
  sandbox = await createSandbox();
  answersFile = sandbox.path('answers.txt');
  await sandbox.writeText(sandbox.path('source', 'a.txt'), 'some data to back up\n');
  await fs.mkdir(sandbox.path('home'), { recursive: true });
  time = new ManualTime(new Date(2026, 2, 10, 8, 0, 0).getTime());
  core = await startCore();
}, 30_000);

afterAll(async () => {
  await core.dispose();
  await sandbox.cleanup();
});

describe('a repository borg knew at another location', () => {
  it('stops a backup with the question; yes runs it once; borg remembers, the next run gets no consent', async () => {
    const { repoId, before, after } = await movedRepository('relocated');
    const recorder = new EventRecorder(core);

    const stopped = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, sandbox.path('source'), 'two'),
    );
    const failed = await finished(recorder, stopped.jobId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'PromptRefused', msgid: RELOCATED } });
    expect(failed.error?.remedy).toMatch(/Answer…/);
    const [question] = await core.handlers['questions:list']({ repoId });
    expect(question).toMatchObject({
      kind: 'question',
      prompt: RELOCATED,
      repoName: 'relocated',
      stopped: { kind: 'job', jobId: stopped.jobId, scheduled: false },
    });
    // Borg's own words, with both locations.
    expect(question?.borgText).toContain(`previously located at ${before}`);
    expect(question?.borgText).toContain(after);
    expect(recorder.of('questions:changed').at(-1)).toHaveLength(1);

    const answer = await core.handlers['questions:answer']({ questionId: question?.id ?? '', answer: 'yes' });
    expect(answer.jobId).toBeDefined();
    const rerun = await finished(recorder, answer.jobId ?? '');
    expect(rerun.status).toBe('succeeded');
    expect(await core.handlers['questions:list']({})).toEqual([]);
    // Borg itself now knows the new location (its security folder), not Borgdesk.
    const security = path.join(process.env['BORG_BASE_DIR'] ?? '', '.config', 'borg', 'security');
    const [id] = await fs.readdir(security);
    expect(await fs.readFile(path.join(security, id ?? '', 'location'), 'utf8')).toBe(after);
    expect(await fs.readFile(sandbox.path('config', 'repositories.json'), 'utf8')).not.toContain(RELOCATED);

    const again = await core.handlers['jobs:start-backup'](
      plainBackup(repoId, sandbox.path('source'), 'three'),
    );
    expect((await finished(recorder, again.jobId)).status).toBe('succeeded');
    // The first backup (at the old place), the refused one, the yes, the one after: only the yes had consent.
    expect((await answers()).map((line) => line.split(' ').at(-1))).toEqual(['no', 'no', 'yes', 'no']);
    recorder.stop();
    await fs.rm(answersFile);
  }, 180_000);

  it('an encrypted one unlocks (borg asks only after the key opened); the screen’s read asks, yes reads it', async () => {
    const { repoId } = await movedRepository('encrypted', 'question passphrase 5e1');
    // A restarted Borgdesk with a memory-only store: the repository is locked again.
    expect((await core.handlers['repos:list']({})).find((r) => r.id === repoId)?.unlocked).toBe(false);
    const unlocked = await core.handlers['repos:unlock']({ repoId, passphrase: 'question passphrase 5e1' });
    expect(unlocked.unlocked).toBe(true);
    await expect(core.handlers['repos:details']({ repoId })).rejects.toMatchObject({ code: 'PromptRefused' });
    const [question] = await core.handlers['questions:list']({ repoId });
    expect(question?.stopped).toEqual({ kind: 'read' });
    const answer = await core.handlers['questions:answer']({ questionId: question?.id ?? '', answer: 'yes' });
    expect(answer.jobId).toBeUndefined();
    expect((await core.handlers['repos:details']({ repoId })).archives.map((a) => a.name)).toEqual(['one']);
    expect(await core.handlers['questions:list']({})).toEqual([]);
  }, 180_000);

  it('a changed encryption is a warning of a possible attack: shown with safe steps, never a yes', async () => {
    const recorder = new EventRecorder(core);
    const created = await core.handlers['repos:create']({
      name: 'swapped',
      location: sandbox.path('repos', 'swapped'),
      encryption: 'none',
    });
    const request = plainBackup(created.id, sandbox.path('source'), 'one');
    const first = await core.handlers['jobs:start-backup'](request);
    expect((await finished(recorder, first.jobId)).status).toBe('succeeded');
    // Borg's record now says the repository was encrypted (repokey): as if an attacker swapped it
    // for an unencrypted one with the same id.
    const security = path.join(process.env['BORG_BASE_DIR'] ?? '', '.config', 'borg', 'security');
    for (const id of await fs.readdir(security)) {
      const location = await fs.readFile(path.join(security, id, 'location'), 'utf8').catch(() => '');
      if (location === sandbox.path('repos', 'swapped'))
        await fs.writeFile(path.join(security, id, 'key-type'), '0');
    }
    const second = await core.handlers['jobs:start-backup']({ ...request, archiveName: 'two' });
    const failed = await finished(recorder, second.jobId);
    recorder.stop();
    expect(failed.error).toMatchObject({
      code: 'SecurityCheckFailed',
      msgid: 'Cache.EncryptionMethodMismatch',
    });
    expect(failed.error?.message).toMatch(/^Possible attack/);
    const [warning] = await core.handlers['questions:list']({ repoId: created.id });
    expect(warning).toMatchObject({ kind: 'warning', prompt: 'Cache.EncryptionMethodMismatch' });
    expect(warning?.yesDoes).toMatch(/Do not back up to it/);
    await expect(
      core.handlers['questions:answer']({ questionId: warning?.id ?? '', answer: 'yes' }),
    ).rejects.toMatchObject({ code: 'InvalidInput' });
    await core.handlers['questions:answer']({ questionId: warning?.id ?? '', answer: 'no' });
    expect(await core.handlers['questions:list']({ repoId: created.id })).toEqual([]);
  }, 180_000);

  it('a scheduled run never answers: it stops and the history and Needs attention say so', async () => {
    const { repoId } = await movedRepository('scheduled');
    const recorder = new EventRecorder(core);
    const draft = {
      name: 'Nightly',
      targets: [{ repoId, schedule: { kind: 'daily', at: '09:00' } }],
      sourcePaths: [sandbox.path('source')],
    };
    const plan = await core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
    await core.handlers['test:advance-clock']({ ms: 61 * 60_000 });
    const failed = await recorder.waitFor('job:finished', (job) => job.planId === plan.id, 60_000);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'PromptRefused' } });
    const [question] = await core.handlers['questions:list']({ repoId });
    expect(question?.stopped).toMatchObject({ kind: 'job', scheduled: true });
    const { entries } = await core.handlers['history:list']({ repoId, limit: 10 });
    const entry = entries.find((e) => e.planId === plan.id);
    expect(entry).toMatchObject({ status: 'failed', trigger: 'schedule' });
    expect(entry?.error?.message).toMatch(/asks a question/);
    expect(entry?.error?.remedy).toMatch(/open Borgdesk to answer/i);
    // Borg still does not know the new location: nothing answered for the user.
    expect((await answers()).filter((line) => line.endsWith(' yes'))).toEqual([]);
    // The words the desktop notification and the Needs attention card use.
    await core.handlers['settings:update']({ staleAfterDays: 1 });
    await core.handlers['test:advance-clock']({ ms: 25 * 3_600_000 });
    await recorder.waitFor('job:finished', (job) => job.planId === plan.id && job.id !== failed.id, 60_000);
    const stale = await core.handlers['app:stale']({});
    recorder.stop();
    const item = stale.find((i) => i.repoName === 'scheduled');
    expect(item).toMatchObject({ cause: 'question' });
  }, 180_000);
});
