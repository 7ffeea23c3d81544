// The model depends on nothing of the app: zod and its own files.
import { z } from 'zod';
import { scheduleSchema } from './schedule.js';
import { requestSchemas } from '../ipc/contract.js'; // ✗ paths
import type { Plan } from '../core/plans/plan.js'; // ✗ paths
import { parseLogLine } from '../borg/log-json.js'; // ✗ paths
import { readFile } from 'node:fs/promises'; // ✗ paths
import { useState } from 'react'; // ✗ paths

export type { Plan };
export const used = [z, scheduleSchema, requestSchemas, parseLogLine, readFile, useState];
