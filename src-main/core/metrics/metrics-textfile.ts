/**
 * Keeps the Prometheus textfile for node_exporter's textfile collector: written at start and after
 * every plan run, atomically (a temp file beside it, then a rename), so node_exporter never reads half
 * a file. A write that fails (the folder is missing or not ours) is logged and kept as the outcome
 * Settings shows; it never reaches the plan run that triggered it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HistoryEntry } from '../../model/history.js';
import type { MetricsStatus, MetricsWrite } from '../../model/metrics.js';
import { errnoCode } from '../settings/config-write-error.js';
import { writeTextAtomic } from '../settings/json-file.js';
import { formatMetrics } from './metrics-format.js';
import { metricsFromHistory, type Named, type PlanTargets } from './metrics-from-history.js';
import { log } from '../logging/log.js';

/** A plain problem with the configured file, with what to do about it. */
export interface MetricsProblem {
  readonly message: string;
  readonly remedy: string;
}

/** What the textfile is made from and where it goes. */
export interface MetricsTextfileDeps {
  /** The setting: the file to write, empty while metrics are off. */
  readonly file: () => string;
  /** Every history entry, once the ones being recorded are on disk. */
  readonly history: () => Promise<readonly HistoryEntry[]>;
  readonly plans: () => readonly PlanTargets[];
  readonly repositories: () => readonly Named[];
  readonly now: () => number;
}

/** Why `file` cannot be the textfile, or undefined when it can (empty means off and is fine). */
export function metricsFileProblem(file: string): MetricsProblem | undefined {
  if (file === '') return undefined;
  if (!path.isAbsolute(file))
    return {
      message: `"${file}" is not a full path.`,
      remedy: 'Enter the full path of the file, such as /var/lib/prometheus/node-exporter/borgdesk.prom.',
    };
  if (!file.endsWith('.prom') || path.basename(file) === '.prom')
    return {
      message: 'node_exporter reads only files whose names end in ".prom".',
      remedy: 'Name the file borgdesk.prom (or any name ending in .prom) in the textfile folder.',
    };
  return undefined;
}

/** The problem a failed write names, by errno, in plain words. */
export function metricsWriteProblem(e: unknown, file: string): MetricsProblem {
  const dir = path.dirname(file);
  switch (errnoCode(e)) {
    case 'ENOENT':
      return {
        message: `The folder ${dir} does not exist.`,
        remedy:
          'Create it, or choose another file in the folder node_exporter reads (its --collector.textfile.directory).',
      };
    case 'EACCES':
    case 'EPERM':
      return {
        message: `Borgdesk is not allowed to write in ${dir}.`,
        remedy:
          'Give your user write access to that folder (for example make it group-writable for a group you are in), or choose a folder you can write.',
      };
    case 'ENOTDIR':
      return {
        message: `Part of ${dir} is a file, not a folder.`,
        remedy: 'Check the path and choose a file inside node_exporter’s textfile folder.',
      };
    case 'EISDIR':
      return {
        message: `${file} is a folder.`,
        remedy: 'Add a file name ending in .prom, such as borgdesk.prom.',
      };
    case 'ENOSPC':
    case 'EDQUOT':
      return {
        message: `The disk holding ${dir} is full.`,
        remedy: 'Free some space on it; the next run writes again.',
      };
    case 'EROFS':
      return { message: `${dir} is on a read-only disk.`, remedy: 'Choose a folder on a writable disk.' };
    default: {
      const code = errnoCode(e);
      return {
        message: `Borgdesk could not write ${file}${code === undefined ? '' : ` (${code})`}.`,
        remedy: 'Check that the folder exists and that you may write in it; the next run writes again.',
      };
    }
  }
}

/** The textfile writer; one per core. */
export class MetricsTextfile {
  private chain: Promise<void> = Promise.resolve();
  private lastWrite: MetricsWrite | undefined;

  constructor(private readonly deps: MetricsTextfileDeps) {}

  /** The setting and how the last write since start went. */
  status(): MetricsStatus {
    const file = this.deps.file();
    // An outcome for another file (before the setting changed) says nothing about this one.
    const lastWrite = this.lastWrite?.file === file ? this.lastWrite : undefined;
    return { file, ...(lastWrite !== undefined ? { lastWrite } : {}) };
  }

  /**
   * Write the file now (after any write already under way); resolves with the status, never rejects.
   * Does nothing while metrics are off.
   */
  refresh(): Promise<MetricsStatus> {
    const next = this.chain.then(() => this.writeOnce());
    // writeOnce catches what a write throws; this is for anything else, so the chain never breaks.
    this.chain = next.catch((e: unknown) => {
      log.warn('the metrics file was not written', e instanceof Error ? e.message : e);
    });
    return this.chain.then(() => this.status());
  }

  /** Remove `file` if this run of Borgdesk wrote it: the setting moved away from it. */
  async forget(file: string): Promise<void> {
    if (this.lastWrite?.file !== file || !this.lastWrite.ok) return;
    this.lastWrite = undefined;
    // Left behind, the old file would go on telling node_exporter about backups as they were.
    await fs.rm(file, { force: true }).catch((e: unknown) => {
      log.warn(`could not remove the old metrics file ${file}`, errnoCode(e) ?? e);
    });
  }

  /** Resolves once the writes asked for so far are done (tests, shutdown). */
  async idle(): Promise<void> {
    await this.chain;
  }

  private async writeOnce(): Promise<void> {
    const file = this.deps.file();
    if (file === '') return;
    const at = new Date(this.deps.now()).toISOString();
    const invalid = metricsFileProblem(file);
    if (invalid !== undefined) {
      this.lastWrite = { at, file, ok: false, ...invalid };
      return;
    }
    try {
      const targets = metricsFromHistory(
        await this.deps.history(),
        this.deps.plans(),
        this.deps.repositories(),
      );
      // 0644: node_exporter runs as its own user and must be able to read the file.
      await writeTextAtomic(file, formatMetrics(targets), { mode: 0o644, createDir: false });
      this.lastWrite = { at, file, ok: true, targets: targets.length };
    } catch (e) {
      const problem = metricsWriteProblem(e, file);
      this.lastWrite = { at, file, ok: false, ...problem };
      log.warn(`could not write the metrics file: ${problem.message}`);
    }
  }
}
