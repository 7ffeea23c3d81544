/**
 * Plan monitoring through createCore with the real /usr/bin/borg and a real HTTP receiver on
 * 127.0.0.1: exactly which requests arrive for a run that succeeds, one with warnings (a source path
 * that does not exist: borg exits 1), one that fails (an archive name that already exists) and one
 * that is cancelled; retries on 503, no retry on 404, and a receiver that never answers.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requests } from '../../ipc/contract.js';
import type { JobSnapshot } from '../../model/job.js';
import type { DeliveryOutcome, MonitoringInput } from '../../model/monitoring.js';
import type { PlanDraft } from '../../model/plan.js';
import type { Core } from '../services.js';
import { EventRecorder } from '../test-support/event-recorder.js';
import { startHttpReceiver, type HttpReceiver } from '../test-support/http-receiver.js';
import { startTestCore } from '../test-support/test-core.js';

const TEMPLATE = '{hostname}-{now:%Y-%m-%dT%H-%M-%S.%f}';
const UUID = '0f6bd1b6-5c3a-4f9e-9d2a-7b1e0c4d8a21';

let root: string;
let source: string;
let bigSource: string;
let core: Core;
let repoId: string;
let receiver: HttpReceiver;
const savedBase = process.env['BORG_BASE_DIR'];

async function savePlan(
  name: string,
  monitoring: MonitoringInput | undefined,
  extra: Partial<PlanDraft> = {},
) {
  const draft: PlanDraft = {
    ...{ name, targets: [{ repoId }], sourcePaths: [source], archiveNameTemplate: TEMPLATE },
    ...(monitoring !== undefined ? { monitoring } : {}),
    ...extra,
  };
  return core.handlers['plans:save'](requests['plans:save'].params.parse({ draft }));
}

async function runAndWait(planId: string): Promise<JobSnapshot> {
  const recorder = new EventRecorder(core);
  const { jobIds } = await core.handlers['plans:run-now']({ planId });
  const finished = await recorder.waitFor('job:finished', (j) => j.id === jobIds[0], 120_000);
  recorder.stop();
  return finished;
}

/** The plan's last delivery per channel once `done` holds for them. */
async function deliveries(
  planId: string,
  done: (d: readonly DeliveryOutcome[]) => boolean,
): Promise<DeliveryOutcome[]> {
  for (let i = 0; i < 300; i++) {
    const all = await core.handlers['monitoring:status']({});
    const mine = all.find((s) => s.planId === planId)?.deliveries ?? [];
    if (done(mine)) return mine;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the deliveries did not end');
}

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'borgdesk-monitoring-it-'));
  source = path.join(root, 'source');
  bigSource = path.join(root, 'big');
  process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
  await fs.mkdir(path.join(root, 'home'), { recursive: true });
  await fs.mkdir(source, { recursive: true });
  await fs.mkdir(bigSource, { recursive: true });
  await fs.writeFile(path.join(source, 'a.txt'), 'alpha');
  await fs.writeFile(path.join(source, 'b.txt'), 'beta');
  // Sparse: no disk space, but borg reads every byte, so the cancel lands while it runs.
  const handle = await fs.open(path.join(bigSource, 'sparse.img'), 'w');
  await handle.truncate(4 * 1024 ** 3);
  await handle.close();
  receiver = await startHttpReceiver();
  core = await startTestCore({
    configDir: path.join(root, 'config'),
    homeDir: path.join(root, 'home'),
    services: { monitoringBackoffMs: 50 },
  });
  const repo = await core.handlers['repos:create']({
    name: 'Monitored repo',
    location: path.join(root, 'repo'),
    encryption: 'none',
  });
  repoId = repo.id;
}, 60_000);

afterAll(async () => {
  await core?.dispose();
  await receiver?.close();
  if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
  else process.env['BORG_BASE_DIR'] = savedBase;
  await fs.rm(root, { recursive: true, force: true });
});

describe('plan monitoring with real borg', () => {
  it('pings start and success, posts the JSON summary and an ntfy message for a good run', async () => {
    const plan = await savePlan('Pinged', {
      ping: { url: `${receiver.base}/ok/${UUID}` },
      webhook: { url: `${receiver.base}/hook/ok` },
      ntfy: { url: `${receiver.base}/ntfy/okτ` },
    });
    const backup = await runAndWait(plan.id);
    expect(backup.status).toBe('succeeded');
    const done = await deliveries(plan.id, (d) => d.length === 3 && d.every((o) => o.event !== 'start'));
    expect(done.map((d) => [d.channel, d.event, d.ok, d.attempts]).sort()).toEqual([
      ['ntfy', 'success', true, 1],
      ['ping', 'success', true, 1],
      ['webhook', 'success', true, 1],
    ]);
    // The secret parts of the addresses never reach the status the UI shows.
    expect(done.find((d) => d.channel === 'ping')?.target).toBe(`${receiver.base}/ok…/0f…`);
    const pings = receiver.to('/ok/');
    expect(pings.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /ok/${UUID}/start?rid=${backup.id}`,
      `POST /ok/${UUID}?rid=${backup.id}`,
    ]);
    expect(pings[0]?.body).toBe('');
    const archiveName = backup.result?.archive.name ?? '';
    expect(pings[1]?.body).toContain(`Backup of “Pinged” to “Monitored repo” succeeded in`);
    expect(pings[1]?.body).toContain(`Archive ${archiveName}: 2 files`);
    const [hook] = receiver.to('/hook/ok');
    expect(receiver.to('/hook/ok')).toHaveLength(1);
    expect(hook?.headers['content-type']).toBe('application/json');
    const payload = JSON.parse(hook?.body ?? '{}') as Record<string, unknown>;
    expect(payload).toMatchObject({
      event: 'plan-run-finished',
      borgdeskVersion: '0.1.0',
      plan: { id: plan.id, name: 'Pinged' },
      repository: { id: repoId, name: 'Monitored repo', location: path.join(root, 'repo') },
      trigger: 'manual',
      result: 'succeeded',
      archive: { name: archiveName, fileCount: 2 },
      error: null,
    });
    const archive = payload['archive'] as Record<string, number>;
    // The archive's own stats, as borg reported them to the job.
    expect(archive['originalSize']).toBe(backup.result?.archive.originalSize);
    expect(archive['originalSize']).toBeGreaterThan(0);
    expect(archive['deduplicatedSize']).toBe(backup.result?.archive.deduplicatedSize);
    expect(Date.parse(payload['finishedAt'] as string)).toBeGreaterThanOrEqual(
      Date.parse(payload['startedAt'] as string),
    );
    const ntfy = receiver.to('/ntfy/');
    expect(ntfy.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /ntfy/ok%CF%84']);
    expect(ntfy[0]?.headers).toMatchObject({ title: 'Backup Pinged: succeeded', priority: 'default' });
    expect(ntfy[0]?.headers['tags']).toBe('white_check_mark,borgdesk');
    expect(ntfy[0]?.body).toContain('succeeded');
  }, 120_000);

  it('reports warnings as up to Uptime Kuma and ntfy, saying "with warnings"', async () => {
    const plan = await savePlan(
      'Warned',
      {
        ping: { url: `${receiver.base}/api/push/KumaToken1?status=up&msg=OK&ping=` },
        ntfy: { url: `${receiver.base}/ntfy-warn/topic`, when: 'problems' },
      },
      { sourcePaths: [source, path.join(root, 'not-there')] },
    );
    const backup = await runAndWait(plan.id);
    expect(backup.status).toBe('warning');
    await deliveries(plan.id, (d) => d.length === 2);
    const kuma = receiver.to('/api/push/');
    expect(kuma).toHaveLength(1);
    expect(kuma[0]?.method).toBe('GET');
    const query = new URL(kuma[0]?.path ?? '', receiver.base).searchParams;
    expect([...query.keys()].sort()).toEqual(['msg', 'status']);
    expect(query.get('status')).toBe('up');
    expect(query.get('msg')).toMatch(/^Backup of “Warned” to “Monitored repo” succeeded with warnings in /);
    const [ntfy] = receiver.to('/ntfy-warn/');
    expect(receiver.to('/ntfy-warn/')).toHaveLength(1);
    expect(ntfy?.headers).toMatchObject({
      title: 'Backup Warned: finished with warnings',
      priority: 'default',
    });
    expect(ntfy?.body).toContain('not-there');
  }, 120_000);

  it('sends /fail with the error and the log tail for a failed run', async () => {
    const ping = { url: `${receiver.base}/failing/${UUID}` };
    const ntfy = { url: `${receiver.base}/ntfy-fail/topic`, when: 'problems' as const };
    // The same archive name twice: the second backup fails ("Archive already exists").
    const once = await savePlan('Failing', undefined, { archiveNameTemplate: '{now:%Y}' });
    expect((await runAndWait(once.id)).status).toBe('succeeded');
    const plan = await core.handlers['plans:save'](
      requests['plans:save'].params.parse({
        id: once.id,
        draft: { ...once, monitoring: { ping, ntfy } },
      }),
    );
    const backup = await runAndWait(plan.id);
    expect(backup.status).toBe('failed');
    await deliveries(plan.id, (d) => d.length === 2 && d.every((o) => o.event === 'failure'));
    const pings = receiver.to('/failing/');
    expect(pings.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /failing/${UUID}/start?rid=${backup.id}`,
      `POST /failing/${UUID}/fail?rid=${backup.id}`,
    ]);
    const body = pings[1]?.body ?? '';
    expect(body).toMatch(/^Backup of “Failing” to “Monitored repo” failed in /);
    expect(body).toContain(`Error: ${backup.error?.message ?? 'no error?'}`);
    expect(body).toContain('Last log lines:');
    expect(body).toMatch(/ERROR .*already exists/);
    const [message] = receiver.to('/ntfy-fail/');
    expect(message?.headers).toMatchObject({ priority: 'high', tags: 'x,borgdesk' });
  }, 120_000);

  it('sends /fail saying "cancelled" for a cancelled run', async () => {
    const plan = await savePlan(
      'Cancelled',
      { ping: { url: `${receiver.base}/cancel/${UUID}` } },
      { sourcePaths: [bigSource] },
    );
    const recorder = new EventRecorder(core);
    const { jobIds } = await core.handlers['plans:run-now']({ planId: plan.id });
    const jobId = jobIds[0] ?? '';
    await receiver.waitFor('/cancel/', 1);
    expect(await core.handlers['jobs:cancel']({ jobId })).toEqual({ cancelled: true });
    const finished = await recorder.waitFor('job:finished', (j) => j.id === jobId, 60_000);
    recorder.stop();
    expect(finished.status).toBe('cancelled');
    await receiver.waitFor('/cancel/', 2);
    expect(receiver.to('/cancel/').map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /cancel/${UUID}/start?rid=${jobId}`,
      `POST /cancel/${UUID}/fail?rid=${jobId}`,
    ]);
    expect(receiver.to('/cancel/')[1]?.body).toMatch(
      /^Backup of “Cancelled” to “Monitored repo” was cancelled in /,
    );
  }, 120_000);

  it('retries on 503, not on 404, and gives up on a receiver that never answers without holding the run', async () => {
    receiver.answer('/hang/', 'hang');
    receiver.answer('/busy/', [503, 503, 200]);
    receiver.answer('/gone/', [404]);
    const plan = await savePlan('Flaky', {
      ping: { url: `${receiver.base}/gone/${UUID}`, style: 'plain' },
      webhook: { url: `${receiver.base}/hang/hook` },
      ntfy: { url: `${receiver.base}/busy/topic` },
      timeoutSeconds: 1,
    });
    const started = Date.now();
    const backup = await runAndWait(plan.id);
    expect(backup.status).toBe('succeeded');
    // The run has ended while the webhook still waits for its first answer.
    expect(
      (await core.handlers['monitoring:status']({})).find((s) => s.planId === plan.id)?.deliveries ?? [],
    ).not.toContainEqual(expect.objectContaining({ channel: 'webhook' }));
    const done = await deliveries(plan.id, (d) => d.length === 3);
    const by = (channel: string) => done.find((d) => d.channel === channel);
    expect(by('ntfy')).toMatchObject({ ok: true, attempts: 3, httpStatus: 200 });
    expect(by('ping')).toMatchObject({
      ok: false,
      attempts: 1,
      httpStatus: 404,
      reason: 'HTTP 404 Not Found',
    });
    expect(by('webhook')).toMatchObject({ ok: false, attempts: 3, reason: 'no answer within 1 s' });
    // Three attempts of 1 s each and short backoffs: well under what a default would take.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(receiver.to('/busy/')).toHaveLength(3);
    expect(receiver.to('/gone/').map((r) => `${r.method} ${r.path}`)).toEqual([`GET /gone/${UUID}`]);
    expect(receiver.to('/hang/')).toHaveLength(3);
  }, 120_000);

  it('sends a test message from unsaved fields, and names a refused connection', async () => {
    const ok = await core.handlers['monitoring:test'](
      requests['monitoring:test'].params.parse({
        monitoring: { webhook: { url: `${receiver.base}/test-hook` } },
        channel: 'webhook',
        planName: 'Draft plan',
      }),
    );
    expect(ok).toMatchObject({ channel: 'webhook', event: 'test', ok: true, attempts: 1 });
    const [hook] = receiver.to('/test-hook');
    expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({ event: 'test', plan: { name: 'Draft plan' } });
    // user:password@ in the address (ntfy access control) becomes Basic authentication.
    const withLogin = `${receiver.base.replace('//', '//backup:p%40ss@')}/test-ntfy`;
    const authed = await core.handlers['monitoring:test'](
      requests['monitoring:test'].params.parse({
        monitoring: { ntfy: { url: withLogin } },
        channel: 'ntfy',
        planName: 'Draft plan',
      }),
    );
    expect(authed).toMatchObject({ ok: true, target: `${receiver.base}/te…` });
    const [message] = receiver.to('/test-ntfy');
    expect(message?.headers['authorization']).toBe(`Basic ${Buffer.from('backup:p@ss').toString('base64')}`);
    expect(message?.headers).toMatchObject({ title: 'Borgdesk test: Draft plan', tags: 'test_tube' });
    // A port nothing listens on: closed right after it was opened.
    const closed = await startHttpReceiver();
    await closed.close();
    const refused = await core.handlers['monitoring:test'](
      requests['monitoring:test'].params.parse({
        monitoring: { ping: { url: `${closed.base}/${UUID}` }, timeoutSeconds: 2 },
        channel: 'ping',
        planName: 'Draft plan',
      }),
    );
    expect(refused).toMatchObject({ ok: false, attempts: 3, reason: 'connection refused' });
    expect(refused.target).toBe(`${closed.base}/0f…`);
  }, 30_000);

  it('still shows the last deliveries after a restart', async () => {
    const before = await core.handlers['monitoring:status']({});
    const flaky = (await core.handlers['plans:list']({})).find((p) => p.name === 'Flaky');
    expect(before.find((s) => s.planId === flaky?.id)?.deliveries).toHaveLength(3);
    await core.dispose();
    core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
    expect(await core.handlers['monitoring:status']({})).toEqual(before);
  }, 30_000);
});
