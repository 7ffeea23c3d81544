/** The schedules domain of the contract: next runs, and pausing every schedule. */
import { z } from 'zod';
import { scheduleStateSchema, upcomingRunSchema } from '../../model/schedule.js';
import { empty } from './shared.js';

/** Requests about schedules. */
export const scheduleRequests = {
  'schedules:upcoming': { params: empty, result: z.array(upcomingRunSchema) },
  'schedules:pause': { params: empty, result: scheduleStateSchema },
  'schedules:resume': { params: empty, result: scheduleStateSchema },
  'schedules:state': { params: empty, result: scheduleStateSchema },
} as const;

/** Events about schedules. */
export const scheduleEvents = {
  /** Next runs or the paused state changed. */
  'schedules:changed': z.object({ paused: z.boolean(), upcoming: z.array(upcomingRunSchema) }),
} as const;
