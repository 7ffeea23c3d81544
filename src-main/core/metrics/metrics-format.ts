/**
 * The Prometheus text exposition format (version 0.0.4) of Borgdesk's backup metrics, as
 * node_exporter's textfile collector reads it: HELP and TYPE once per metric family, then one sample
 * per plan and repository. Pure: no I/O, so the format can be tested on its own.
 */

/** How a plan run ended; `borgdesk_last_run_result` has one series per value, the current one 1. */
export const RUN_RESULTS = ['succeeded', 'warnings', 'failed', 'cancelled', 'interrupted'] as const;
export type MetricsRunResult = (typeof RUN_RESULTS)[number];

/** What the file says about one plan backing up to one repository. */
export interface TargetMetrics {
  readonly plan: string;
  readonly repository: string;
  /** The ids keep two plans (or repositories) of the same name apart: each series must be unique. */
  readonly planId: string;
  readonly repositoryId: string;
  /** Epoch seconds the last run ended. */
  readonly lastRunAt: number;
  readonly lastResult: MetricsRunResult;
  /** The last run's length in seconds: its backup and any prune and compact after it. */
  readonly lastDurationSeconds: number;
  /** The last backup that made a complete archive; absent when none is in the history. */
  readonly lastSuccess?: {
    /** Epoch seconds that backup ended. */
    readonly at: number;
    readonly originalBytes?: number;
    readonly compressedBytes?: number;
    readonly deduplicatedBytes?: number;
    readonly files?: number;
    /** What the whole repository stored right after that backup (borg create's cache stats). */
    readonly repositoryBytes?: number;
  };
}

interface Family {
  readonly name: string;
  readonly help: string;
  /** Each target's samples: extra labels and value; none when the target has no such value. */
  readonly samples: (t: TargetMetrics) => readonly Sample[];
}

interface Sample {
  readonly labels?: Readonly<Record<string, string>>;
  readonly value: number;
}

const one = (value: number | undefined): readonly Sample[] => (value === undefined ? [] : [{ value }]);

const FAMILIES: readonly Family[] = [
  {
    name: 'borgdesk_last_success_timestamp_seconds',
    help: 'When the last backup that made a complete archive ended (Unix time).',
    samples: (t) => one(t.lastSuccess?.at),
  },
  {
    name: 'borgdesk_last_run_timestamp_seconds',
    help: 'When the last plan run ended, whatever its result (Unix time).',
    samples: (t) => one(t.lastRunAt),
  },
  {
    name: 'borgdesk_last_duration_seconds',
    help: 'How long the last plan run took: its backup and any prune and compact after it.',
    samples: (t) => one(t.lastDurationSeconds),
  },
  {
    name: 'borgdesk_last_run_result',
    help: 'How the last plan run ended: 1 for its result, 0 for the others.',
    samples: (t) =>
      RUN_RESULTS.map((result) => ({ labels: { result }, value: t.lastResult === result ? 1 : 0 })),
  },
  {
    name: 'borgdesk_last_original_bytes',
    help: 'Original (uncompressed) size of the last successful backup archive.',
    samples: (t) => one(t.lastSuccess?.originalBytes),
  },
  {
    name: 'borgdesk_last_compressed_bytes',
    help: 'Compressed size of the last successful backup archive.',
    samples: (t) => one(t.lastSuccess?.compressedBytes),
  },
  {
    name: 'borgdesk_last_deduplicated_bytes',
    help: 'What the last successful backup added to the repository after deduplication.',
    samples: (t) => one(t.lastSuccess?.deduplicatedBytes),
  },
  {
    name: 'borgdesk_last_files',
    help: 'Number of files in the last successful backup archive.',
    samples: (t) => one(t.lastSuccess?.files),
  },
  {
    name: 'borgdesk_repository_size_bytes',
    help: 'What the repository stored in all (deduplicated, compressed) right after the last successful backup.',
    samples: (t) => one(t.lastSuccess?.repositoryBytes),
  },
];

/**
 * A label value as the exposition format wants it: backslash, double quote and line feed escaped
 * (a plan may be called `Photos "2024"` or hold a path with backslashes).
 */
export function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

// HELP text escapes only backslash and line feed (a quote is fine there).
function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function formatLabels(labels: Readonly<Record<string, string>>): string {
  const parts = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
  return `{${parts.join(',')}}`;
}

/** The whole textfile for `targets`: every family's HELP and TYPE, then its samples, sorted. */
export function formatMetrics(targets: readonly TargetMetrics[]): string {
  const sorted = [...targets].sort(
    (a, b) =>
      a.plan.localeCompare(b.plan) ||
      a.repository.localeCompare(b.repository) ||
      a.planId.localeCompare(b.planId) ||
      a.repositoryId.localeCompare(b.repositoryId),
  );
  const lines: string[] = [];
  for (const family of FAMILIES) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} gauge`);
    for (const target of sorted) {
      for (const sample of family.samples(target)) {
        const labels = {
          ...{ plan: target.plan, repository: target.repository },
          ...{ plan_id: target.planId, repository_id: target.repositoryId },
          ...sample.labels,
        };
        lines.push(`${family.name}${formatLabels(labels)} ${formatValue(sample.value)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
