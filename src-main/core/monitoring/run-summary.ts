/**
 * What monitoring says about a plan run, taken from its PlanRunReport: the facts every sender uses,
 * a one-line summary, the tail of the run's log (what a Healthchecks /fail body shows), and the
 * JSON webhook payload.
 */
import os from 'node:os';
import packageJson from '../../../package.json' with { type: 'json' };
import type { ArchiveSummary } from '../../model/archive.js';
import type { JobTrigger } from '../../model/history.js';
import type { LogEntry } from '../../model/job.js';
import { backupSummary, formatDuration } from '../jobs/job-summary.js';
import type { PlanRunReport, PlanRunResult } from '../plan-runs/plan-run-report.js';

/** Borgdesk's own version, as the webhook payload names it. */
export const BORGDESK_VERSION: string = packageJson.version;

/** How many log lines a failure body carries, and how many bytes at most. */
const LOG_TAIL_LINES = 100;
const LOG_TAIL_BYTES = 10 * 1024;

/** A finished run (or a test) as the senders see it. */
export interface RunFacts {
  readonly planId: string;
  readonly planName: string;
  readonly repoId: string;
  readonly repoName: string;
  readonly repoLocation: string;
  readonly trigger: JobTrigger | 'test';
  readonly result: PlanRunResult;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly archive?: ArchiveSummary;
  readonly error?: { readonly code: string; readonly message: string };
  /** Every log line of the run's jobs, oldest first. */
  readonly log: readonly LogEntry[];
}

/** The facts of a finished plan run. */
export function runFacts(report: PlanRunReport): RunFacts {
  return {
    planId: report.plan.id,
    planName: report.plan.name,
    repoId: report.repo.id,
    repoName: report.repo.name,
    repoLocation: report.repo.location,
    trigger: report.trigger,
    result: report.result,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    ...(report.archive !== undefined ? { archive: report.archive } : {}),
    ...(report.error !== undefined
      ? { error: { code: report.error.code, message: report.error.message } }
      : {}),
    log: [report.backup, ...report.followUps].flatMap((job) => job.log),
  };
}

const RESULT_WORDS: Readonly<Record<PlanRunResult, string>> = {
  succeeded: 'succeeded',
  warnings: 'succeeded with warnings',
  failed: 'failed',
  cancelled: 'was cancelled',
};

/** "Backup of “Docs” to “NAS” succeeded with warnings in 12.3 s." */
export function headline(facts: RunFacts): string {
  if (facts.trigger === 'test') return `Test message from Borgdesk for the plan “${facts.planName}”.`;
  const seconds = Math.max(0, (facts.finishedAt - facts.startedAt) / 1000);
  return `Backup of “${facts.planName}” to “${facts.repoName}” ${RESULT_WORDS[facts.result]} in ${formatDuration(seconds)}.`;
}

/** The headline, then the archive's figures or the error, one per line. */
export function summaryText(facts: RunFacts): string {
  const lines = [headline(facts)];
  if (facts.archive !== undefined) lines.push(backupSummary(facts.archive));
  if (facts.error !== undefined) lines.push(`Error: ${facts.error.message}`);
  if (facts.result === 'cancelled' && facts.error === undefined) {
    lines.push('The run was stopped before it finished (cancelled, or Borgdesk was closed).');
  }
  if (facts.result === 'warnings') {
    const warnings = facts.log.filter((l) => l.level === 'warning').slice(-5);
    for (const w of warnings) lines.push(`Warning: ${w.message}`);
  }
  return lines.join('\n');
}

/** The summary and the last lines of the run's log, at most 10 kB (the oldest lines go first). */
export function summaryWithLog(facts: RunFacts): string {
  const head = `${summaryText(facts)}\n\nLast log lines:\n`;
  const tail = facts.log.slice(-LOG_TAIL_LINES).map((l) => `${l.time} ${l.level.toUpperCase()} ${l.message}`);
  let body = `${head}${tail.join('\n')}`;
  while (Buffer.byteLength(body, 'utf8') > LOG_TAIL_BYTES && tail.length > 0) {
    tail.shift();
    body = `${head}${tail.join('\n')}`;
  }
  return Buffer.byteLength(body, 'utf8') > LOG_TAIL_BYTES ? truncateBytes(body, LOG_TAIL_BYTES) : body;
}

/** The JSON webhook payload (README "Monitoring" shows an example). */
export function webhookPayload(facts: RunFacts): Record<string, unknown> {
  const a = facts.archive;
  return {
    event: facts.trigger === 'test' ? 'test' : 'plan-run-finished',
    borgdeskVersion: BORGDESK_VERSION,
    hostname: os.hostname(),
    plan: { id: facts.planId, name: facts.planName },
    repository: { id: facts.repoId, name: facts.repoName, location: facts.repoLocation },
    trigger: facts.trigger,
    result: facts.result,
    archive:
      a === undefined
        ? null
        : {
            name: a.name,
            id: a.id,
            originalSize: a.originalSize ?? null,
            compressedSize: a.compressedSize ?? null,
            deduplicatedSize: a.deduplicatedSize ?? null,
            fileCount: a.fileCount ?? null,
          },
    error: facts.error === undefined ? null : { code: facts.error.code, message: facts.error.message },
    startedAt: new Date(facts.startedAt).toISOString(),
    finishedAt: new Date(facts.finishedAt).toISOString(),
    durationSeconds: Math.max(0, Math.round((facts.finishedAt - facts.startedAt) / 100) / 10),
    summary: summaryText(facts),
  };
}

// Cuts on a character boundary: a UTF-8 sequence is never split.
function truncateBytes(text: string, limit: number): string {
  const bytes = Buffer.from(text, 'utf8');
  let end = Math.max(0, limit);
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end).toString('utf8');
}
