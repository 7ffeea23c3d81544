/**
 * Per-plan monitoring: what a plan's runs report to the services self-hosters already run — a ping
 * URL (Healthchecks.io, self-hosted Healthchecks, Uptime Kuma push monitors, or any URL), a JSON
 * webhook and an ntfy topic — and what the last delivery to each of them did. Pure data: imports
 * only zod (the renderer validates the editor's fields with the same schemas).
 */
import { z } from 'zod';

/** Why a URL is not one Borgdesk will send to, in plain words; undefined when it is fine. */
export function httpUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full address such as https://hc-ping.com/your-uuid.';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return 'Use an http:// or https:// address.';
  }
  return undefined;
}

const httpUrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter an address or remove it.')
  .superRefine((text, ctx) => {
    const problem = httpUrlProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * How a ping URL is called. `healthchecks`: `<url>/start` when the backup starts, `<url>` on
 * success, `<url>/fail` on failure or cancel (POST, the log tail as body). `uptime-kuma`: one GET
 * at the end with `status=up|down&msg=…`. `plain`: one GET on success only. `auto` picks
 * `uptime-kuma` for URLs with `/api/push/` and `healthchecks` for any other.
 */
export const pingStyleSchema = z.enum(['auto', 'healthchecks', 'uptime-kuma', 'plain']);
export type PingStyle = z.infer<typeof pingStyleSchema>;

/** The style a ping URL is called with once `auto` is resolved. */
export function resolvePingStyle(style: PingStyle, url: string): Exclude<PingStyle, 'auto'> {
  if (style !== 'auto') return style;
  return url.includes('/api/push/') ? 'uptime-kuma' : 'healthchecks';
}

/** When ntfy gets a message: after every run, or only after warnings, failures and cancels. */
export const ntfyWhenSchema = z.enum(['always', 'problems']);
export type NtfyWhen = z.infer<typeof ntfyWhenSchema>;

/** A plan's monitoring: each channel is optional; the timeout applies to each attempt. */
export const monitoringSchema = z.object({
  ping: z.object({ url: httpUrlSchema, style: pingStyleSchema.default('auto') }).optional(),
  webhook: z.object({ url: httpUrlSchema }).optional(),
  ntfy: z.object({ url: httpUrlSchema, when: ntfyWhenSchema.default('always') }).optional(),
  timeoutSeconds: z.number().int().min(1, 'At least 1 second.').max(120, 'At most 120 seconds.').default(10),
});
export type Monitoring = z.infer<typeof monitoringSchema>;
export type MonitoringInput = z.input<typeof monitoringSchema>;

/** The channels a plan can report to. */
export const monitoringChannelSchema = z.enum(['ping', 'webhook', 'ntfy']);
export type MonitoringChannel = z.infer<typeof monitoringChannelSchema>;

/** What one delivery (with its retries) to one channel did. */
export const deliveryOutcomeSchema = z.object({
  channel: monitoringChannelSchema,
  /** What was sent, e.g. "start", "success", "failure" or "test". */
  event: z.string(),
  ok: z.boolean(),
  attempts: z.number().int(),
  /** ISO time the last attempt ended. */
  at: z.string(),
  /** The address with its secret parts masked (ping UUIDs, push tokens, topics). */
  target: z.string(),
  /** HTTP status of the last answer, when there was one. */
  httpStatus: z.number().int().optional(),
  /** Why it failed, in plain words ("connection refused", "no answer within 10 s", "HTTP 404"). */
  reason: z.string().optional(),
});
export type DeliveryOutcome = z.infer<typeof deliveryOutcomeSchema>;

/** The last delivery to each channel of one plan. */
export const planMonitoringStatusSchema = z.object({
  planId: z.string(),
  deliveries: z.array(deliveryOutcomeSchema),
});
export type PlanMonitoringStatus = z.infer<typeof planMonitoringStatusSchema>;
