/** The monitoring domain of the contract: the last delivery per plan and channel, and "Send test". */
import { z } from 'zod';
import {
  deliveryOutcomeSchema,
  monitoringChannelSchema,
  monitoringSchema,
  planMonitoringStatusSchema,
} from '../../model/monitoring.js';
import { empty } from './shared.js';

/** Requests about plan monitoring. */
export const monitoringRequests = {
  /** The last delivery to each channel of each plan since Borgdesk started. */
  'monitoring:status': { params: empty, result: z.array(planMonitoringStatusSchema) },
  /** Send a test message to one channel of the editor's (maybe unsaved) monitoring fields. */
  'monitoring:test': {
    params: z.object({
      monitoring: monitoringSchema,
      channel: monitoringChannelSchema,
      planId: z.string().optional(),
      planName: z.string(),
    }),
    result: deliveryOutcomeSchema,
  },
} as const;

/** Events about plan monitoring. */
export const monitoringEvents = {
  /** A delivery ended: the last delivery per plan and channel. */
  'monitoring:changed': z.array(planMonitoringStatusSchema),
} as const;
