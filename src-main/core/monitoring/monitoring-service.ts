/**
 * Follows plan runs on the CoreHub and reports each one to the plan's monitoring channels (ping,
 * JSON webhook, ntfy). Deliveries run in the background — the hub listener returns at once, so a
 * slow or dead receiver never holds up a backup — and the outcome of the last delivery to each
 * channel is kept per plan for the plan card ("Ping: last delivery failed 2 min ago — …").
 */
import { z } from 'zod';
import {
  planMonitoringStatusSchema,
  type DeliveryOutcome,
  type Monitoring,
  type MonitoringChannel,
  type PlanMonitoringStatus,
} from '../../model/monitoring.js';
import type { PlanRunReport, PlanRunStart } from '../plan-runs/plan-run-report.js';
import { JsonFile } from '../settings/json-file.js';
import {
  deliverHttp,
  DEFAULT_DELIVERY_POLICY,
  type DeliveryPolicy,
  type HttpRequestSpec,
} from './http-delivery.js';
import { maskUrl } from './mask-url.js';
import { ntfyRequest } from './ntfy-sender.js';
import { finishPing, startPing } from './ping-sender.js';
import { runFacts, type RunFacts } from './run-summary.js';
import { webhookRequest } from './webhook-sender.js';
import { log } from '../logging/log.js';

/** What the service needs from the core. */
export interface MonitoringServiceDeps {
  readonly now: () => number;
  /** The last deliveries changed (for the `monitoring:changed` event). */
  readonly onChanged: (statuses: PlanMonitoringStatus[]) => void;
  /** Attempts and backoff (tests shorten the backoff); the timeout comes from each plan. */
  readonly policy?: Partial<Omit<DeliveryPolicy, 'timeoutMs'>>;
  /** Where the last deliveries are kept across restarts; in memory only when absent. */
  readonly file?: string;
}

/** The file the last deliveries are kept in (in the config folder). */
export const MONITORING_FILE = 'monitoring-deliveries.json';

const deliveriesFileSchema = z.object({ version: z.literal(1), plans: z.array(planMonitoringStatusSchema) });
type DeliveriesFile = z.infer<typeof deliveriesFileSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Sends plan runs to their monitoring channels and remembers how each delivery went. */
export class MonitoringService {
  private readonly last = new Map<string, Map<MonitoringChannel, DeliveryOutcome>>();
  // A run's finish ping must not overtake its start ping (Healthchecks would show it running).
  private readonly pingChains = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();

  private readonly file: JsonFile<DeliveriesFile> | undefined;

  constructor(private readonly deps: MonitoringServiceDeps) {
    this.file =
      deps.file === undefined
        ? undefined
        : new JsonFile(deps.file, deliveriesFileSchema, () => ({ version: 1, plans: [] }));
  }

  /**
   * Reads the deliveries kept by the last app run, so a card still says the ping failed last night;
   * those of plans deleted since are dropped.
   */
  async load(planIds: ReadonlySet<string>): Promise<void> {
    if (this.file === undefined) return;
    try {
      const stored = await this.file.read();
      for (const { planId, deliveries } of stored.plans) {
        if (!planIds.has(planId)) continue;
        this.last.set(planId, new Map(deliveries.map((d) => [d.channel, d])));
      }
    } catch (e) {
      log.warn('could not read the last monitoring deliveries', e instanceof Error ? e.message : e);
    }
  }

  /** Hub 'plan-run-started': the Healthchecks start ping. Returns at once. */
  onRunStarted(start: PlanRunStart): void {
    try {
      this.sendStart(start);
    } catch (e) {
      log.warn('could not send the start ping', e instanceof Error ? e.message : e);
    }
  }

  /** Hub 'plan-run-finished': every channel the plan has. Returns at once. */
  onRunFinished(report: PlanRunReport): void {
    try {
      this.sendFinish(report);
    } catch (e) {
      log.warn('could not send the run report', e instanceof Error ? e.message : e);
    }
  }

  private sendStart(start: PlanRunStart): void {
    const monitoring = start.plan.monitoring;
    if (monitoring?.ping === undefined) return;
    const request = startPing(monitoring.ping);
    if (request === undefined) return;
    this.chainPing(start, () =>
      this.deliver(start.plan.id, 'ping', 'start', withRunId(request, start), monitoring),
    );
  }

  private sendFinish(report: PlanRunReport): void {
    const monitoring = report.plan.monitoring;
    if (monitoring === undefined) return;
    const facts = runFacts(report);
    const event = eventName(facts);
    const planId = report.plan.id;
    if (monitoring.ping !== undefined) {
      const request = finishPing(monitoring.ping, facts);
      if (request !== undefined) {
        this.chainPing(report, () =>
          this.deliver(planId, 'ping', event, withRunId(request, report), monitoring),
        );
      }
    }
    if (monitoring.webhook !== undefined) {
      this.track(
        this.deliver(planId, 'webhook', event, webhookRequest(monitoring.webhook, facts), monitoring),
      );
    }
    if (monitoring.ntfy !== undefined) {
      const request = ntfyRequest(monitoring.ntfy, facts);
      if (request !== undefined) this.track(this.deliver(planId, 'ntfy', event, request, monitoring));
    }
  }

  /** The editor's "Send test": one channel of a (maybe unsaved) monitoring setup, awaited. */
  async sendTest(
    monitoring: Monitoring,
    channel: MonitoringChannel,
    plan: { readonly id?: string; readonly name: string },
  ): Promise<DeliveryOutcome> {
    const now = this.deps.now();
    const facts: RunFacts = {
      ...{ planId: plan.id ?? '', planName: plan.name, repoId: '', repoName: '', repoLocation: '' },
      ...{ trigger: 'test', result: 'succeeded', startedAt: now, finishedAt: now, log: [] },
    };
    const request = testRequest(monitoring, channel, facts);
    if (request === undefined) {
      return {
        channel,
        event: 'test',
        ok: false,
        attempts: 0,
        at: new Date(now).toISOString(),
        target: '',
        reason: 'Enter an address first.',
      };
    }
    // A test of a saved plan also updates its card; a test of a new plan is only shown in the editor.
    return this.deliver(plan.id, channel, 'test', request, monitoring);
  }

  /** The last delivery to each channel, per plan. */
  statuses(): PlanMonitoringStatus[] {
    return [...this.last].map(([planId, byChannel]) => ({ planId, deliveries: [...byChannel.values()] }));
  }

  /** Resolves once every delivery started so far has ended (tests, orderly shutdown). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private save(): void {
    void this.file?.write({ version: 1, plans: this.statuses() }).catch((e: unknown) => {
      log.warn('could not save the last monitoring deliveries', e instanceof Error ? e.message : e);
    });
  }

  private chainPing(run: PlanRunStart, send: () => Promise<unknown>): void {
    const key = `${run.plan.id}\n${run.repo.id}`;
    const previous = this.pingChains.get(key) ?? Promise.resolve();
    const next = previous.then(send).then(
      () => undefined,
      () => undefined,
    );
    this.pingChains.set(key, next);
    this.track(next);
    void next.then(() => {
      if (this.pingChains.get(key) === next) this.pingChains.delete(key);
    });
  }

  private track(work: Promise<unknown>): void {
    const done = work.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(done);
    void done.then(() => this.inFlight.delete(done));
  }

  private async deliver(
    planId: string | undefined,
    channel: MonitoringChannel,
    event: string,
    request: HttpRequestSpec,
    monitoring: Monitoring,
  ): Promise<DeliveryOutcome> {
    // The address the user typed, masked: /start, /fail and query parameters would only add noise.
    const target = maskUrl(monitoring[channel]?.url ?? request.url);
    let outcome: DeliveryOutcome;
    try {
      const policy = {
        ...DEFAULT_DELIVERY_POLICY,
        ...this.deps.policy,
        timeoutMs: monitoring.timeoutSeconds * 1000,
      };
      const result = await deliverHttp(request, policy);
      outcome = { channel, event, target, at: new Date(this.deps.now()).toISOString(), ...result };
    } catch (e) {
      // deliverHttp does not throw; this is a bug guard, so a hub subscriber never throws.
      const reason = e instanceof Error ? e.message : String(e);
      outcome = {
        channel,
        event,
        target,
        ok: false,
        attempts: 0,
        at: new Date(this.deps.now()).toISOString(),
        reason,
      };
    }
    if (!outcome.ok) {
      log.warn(
        `monitoring ${channel} (${event}) to ${target} failed after ${outcome.attempts} attempt(s): ${outcome.reason ?? ''}`,
      );
    }
    if (planId !== undefined && planId !== '') {
      const byChannel = this.last.get(planId) ?? new Map<MonitoringChannel, DeliveryOutcome>();
      byChannel.set(channel, outcome);
      this.last.set(planId, byChannel);
      this.save();
      try {
        this.deps.onChanged(this.statuses());
      } catch (e) {
        log.warn('could not announce a monitoring delivery', e);
      }
    }
    return outcome;
  }
}

function eventName(facts: RunFacts): string {
  switch (facts.result) {
    case 'succeeded':
      return 'success';
    case 'warnings':
      return 'success with warnings';
    case 'failed':
      return 'failure';
    case 'cancelled':
      return 'cancel';
  }
}

function testRequest(
  monitoring: Monitoring,
  channel: MonitoringChannel,
  facts: RunFacts,
): HttpRequestSpec | undefined {
  switch (channel) {
    case 'ping':
      return monitoring.ping === undefined ? undefined : finishPing(monitoring.ping, facts);
    case 'webhook':
      return monitoring.webhook === undefined ? undefined : webhookRequest(monitoring.webhook, facts);
    case 'ntfy':
      return monitoring.ntfy === undefined ? undefined : ntfyRequest(monitoring.ntfy, facts);
  }
}

// Healthchecks pairs a start with its finish by `rid` (a UUID), so two targets of one plan running
// at once are timed apart; the backup job's id is one. Only Healthchecks-style POSTs carry it.
function withRunId(request: HttpRequestSpec, run: PlanRunStart): HttpRequestSpec {
  if (request.method !== 'POST' || !UUID.test(run.backupJobId)) return request;
  const url = new URL(request.url);
  if (url.searchParams.has('rid')) return request;
  url.searchParams.set('rid', run.backupJobId);
  return { ...request, url: url.toString() };
}
