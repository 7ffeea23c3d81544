/**
 * Test support, run as a separate Node process (bundled by child-core.ts) so a test can SIGKILL a
 * whole Borgdesk core mid-backup: builds a core on the given folders, creates the repository, runs
 * one small backup to completion, then starts the big one and reports every job event as a JSON line
 * on stdout; or (mode 'mount') mounts the small backup's archive and reports where. It never exits
 * on its own; the test kills it.
 */
import { plainBackup, startTestCore } from './test-core.js';

/** What the parent asks for (JSON in BORGDESK_CHILD_PLAN). */
export interface ChildPlan {
  readonly configDir: string;
  readonly homeDir: string;
  readonly repoLocation: string;
  readonly passphrase: string;
  readonly smallSource: string;
  readonly bigSource: string;
  /** 'mount': mount the small backup instead of starting the big one. */
  readonly mode?: 'backup' | 'mount';
}

/** One line the child writes on stdout. */
export type ChildReport =
  | { readonly type: 'ready'; readonly repoId: string; readonly smallJobId: string }
  | { readonly type: 'started'; readonly jobId: string }
  | { readonly type: 'mounted'; readonly mountPoint: string }
  | {
      readonly type: 'event';
      readonly event: string;
      readonly jobId?: string;
      readonly status?: string;
      readonly originalSize?: number;
    }
  | { readonly type: 'error'; readonly message: string };

function report(line: ChildReport): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const plan = JSON.parse(process.env['BORGDESK_CHILD_PLAN'] ?? '{}') as ChildPlan;
  const core = await startTestCore({ configDir: plan.configDir, homeDir: plan.homeDir });
  // The small job's id is known only once it was submitted; its end may be reported right after.
  const small: { id?: string; done?: () => void } = {};
  core.subscribe((event, payload) => {
    const p = payload as {
      id?: string;
      jobId?: string;
      status?: string;
      progress?: { originalSize?: number };
    };
    const jobId = p.jobId ?? p.id;
    if (event === 'history:added' && jobId === small.id) small.done?.();
    if (
      event !== 'job:updated' &&
      event !== 'job:progress' &&
      event !== 'job:finished' &&
      event !== 'history:added'
    )
      return;
    report({
      type: 'event',
      event,
      ...(jobId !== undefined ? { jobId } : {}),
      ...(p.status !== undefined ? { status: p.status } : {}),
      ...(p.progress?.originalSize !== undefined ? { originalSize: p.progress.originalSize } : {}),
    });
  });
  const repo = await core.handlers['repos:create']({
    name: 'Killed',
    location: plan.repoLocation,
    encryption: 'repokey-blake2',
    passphrase: plan.passphrase,
  });
  const finished = new Promise<void>((resolve) => (small.done = resolve));
  small.id = (
    await core.handlers['jobs:start-backup'](plainBackup(repo.id, plan.smallSource, 'small'))
  ).jobId;
  await finished;
  report({ type: 'ready', repoId: repo.id, smallJobId: small.id });
  if (plan.mode === 'mount') {
    const mount = await core.handlers['mount:mount']({ repoId: repo.id, archiveName: 'small' });
    report({ type: 'mounted', mountPoint: mount.mountPoint });
    setInterval(() => undefined, 60_000);
    return;
  }
  const big = await core.handlers['jobs:start-backup'](plainBackup(repo.id, plan.bigSource, 'big'));
  report({ type: 'started', jobId: big.jobId });
  // Stay up until killed.
  setInterval(() => undefined, 60_000);
}

main().catch((e: unknown) => {
  report({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
