/** The settings domain of the contract. */
import { z } from 'zod';
import { metricsStatusSchema } from '../../model/metrics.js';
import { settingsSchema } from '../../model/settings.js';
import { empty } from './shared.js';

/** Requests that read and change the settings. */
export const settingsRequests = {
  'settings:get': { params: empty, result: settingsSchema },
  'settings:update': { params: settingsSchema.partial(), result: settingsSchema },
  /** The Prometheus textfile setting and how its last write went. */
  'settings:metrics-status': { params: empty, result: metricsStatusSchema },
  /** Save the textfile path (empty: off) and write the file now. */
  'settings:metrics-apply': {
    params: z.object({ file: settingsSchema.shape.metricsTextfile }),
    result: metricsStatusSchema,
  },
} as const;
