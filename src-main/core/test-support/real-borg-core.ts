/**
 * The setup of an integration test file that drives createCore with the real borg: a temporary root
 * with a home folder, BORG_BASE_DIR inside it (borg's keys, security and cache folders never touch
 * the user's), a core and an event recorder; all of it undone after the file's tests.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { JobSnapshot } from '../../model/job.js';
import type { Core } from '../services.js';
import { EventRecorder } from './event-recorder.js';
import { startTestCore } from './test-core.js';

/** What the tests of the file use; filled in before the first test runs. */
export interface RealBorgCore {
  readonly root: string;
  readonly core: Core;
  readonly recorder: EventRecorder;
  /** The final snapshot of job `jobId` (waits up to two minutes). */
  finished(jobId: string): Promise<JobSnapshot>;
}

/** Registers the file's beforeAll/afterAll; `prepare` runs in beforeAll before the core starts. */
export function useRealBorgCore(prefix: string, prepare?: (root: string) => Promise<void>): RealBorgCore {
  const savedBase = process.env['BORG_BASE_DIR'];
  let root = '';
  let core: Core | undefined;
  let recorder: EventRecorder | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the core starts in beforeAll');
    return value;
  };
  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    process.env['BORG_BASE_DIR'] = path.join(root, 'borg-base');
    await fs.mkdir(path.join(root, 'home'), { recursive: true });
    await prepare?.(root);
    core = await startTestCore({ configDir: path.join(root, 'config'), homeDir: path.join(root, 'home') });
    recorder = new EventRecorder(core);
  });
  afterAll(async () => {
    recorder?.stop();
    await core?.dispose();
    if (savedBase === undefined) delete process.env['BORG_BASE_DIR'];
    else process.env['BORG_BASE_DIR'] = savedBase;
    if (root !== '') await fs.rm(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    get core() {
      return started(core);
    },
    get recorder() {
      return started(recorder);
    },
    finished: (jobId) => started(recorder).waitFor('job:finished', (job) => job.id === jobId, 120_000),
  };
}
