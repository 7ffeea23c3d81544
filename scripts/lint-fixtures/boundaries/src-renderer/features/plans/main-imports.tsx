// The renderer runs the model and the names; everything else of src-main is types only.
import type { Core } from '../../../src-main/core/services.js';
import type { Settings } from '../../../src-main/ipc/contract.js';
import { EVENT_NAMES } from '../../../src-main/ipc/names.js';
import { planSchema } from '../../../src-main/model/plan.js';
import { type JobSnapshot } from '../../../src-main/ipc/contract.js';
import { createCore } from '../../../src-main/core/create-core.js'; // ✗ paths
import { runBorg } from '../../../src-main/borg/exec.js'; // ✗ paths
import { requestSchemas } from '../../../src-main/ipc/contract.js'; // ✗ paths
import { type Plan, planStoreFile } from '../../../src-main/core/plans/plan-store.js'; // ✗ paths
import { startTestHost } from '../../../src-main/node/test-host.js'; // ✗ paths
import { historyEntryFixture } from '../../../src-main/core/test-support/history-entry-fixture.js'; // ✗ paths
import { describeRetention } from '../../../src-main/core/plans/retention.js'; // ✗ paths
import { pruneKeepArgs } from '../../../src-main/core/plans/retention.js'; // ✗ paths
import { readFile } from 'node:fs/promises'; // ✗ packages

export type { Core, Settings, JobSnapshot, Plan };
export const used = [EVENT_NAMES, planSchema, createCore, runBorg, requestSchemas, planStoreFile];
export const more = [startTestHost, historyEntryFixture, describeRetention, pruneKeepArgs, readFile];
export const later = () => import('../../../src-main/core/create-core.js'); // ✗ import()
