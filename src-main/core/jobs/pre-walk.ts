/**
 * A quick count of what a first backup will read, for its percent and time left: a worker thread
 * walks the source folders (files and bytes, the exclusion rules applied roughly — see
 * pre-walk-worker.ts) while borg already runs. It is an estimate and says so; a walk that takes
 * longer than its time limit is stopped and gives no estimate at all.
 */
import { Worker } from 'node:worker_threads';
import type { ExclusionFlags } from '../../model/exclude-presets.js';
import { parsePatternRules, type ParsedRule, type PatternRules } from '../../model/pattern-rules.js';
import { normpath, patternRegExp, splitStyle, stripLeadingSlashes } from '../../model/pattern-styles.js';
import type { BackupEstimate, EstimateFeed } from './backup-estimate.js';
import {
  PRE_WALK_WORKER_SOURCE,
  type PreWalkInput,
  type PreWalkOutput,
  type WalkRule,
  type WalkRuleTest,
} from './pre-walk-worker.js';
import { log } from '../logging/log.js';

/** What to walk: the absolute source folders, the rules and the exclusion flags of the backup. */
export interface PreWalkRequest {
  readonly sourcePaths: readonly string[];
  readonly rules: PatternRules;
  readonly flags: ExclusionFlags;
}

/** Options of a pre-walk. */
export interface PreWalkOptions {
  /** A walk still going after this long gives no estimate (20 s). */
  readonly timeLimitMs?: number;
}

// Borg's --exclude-caches looks for this tag file (https://bford.info/cachedir/).
const CACHE_TAG = 'CACHEDIR.TAG';

/** The worker's input for `request`: rules as plain data, tag names, roots. */
export function preWalkInput(request: PreWalkRequest): PreWalkInput {
  // Invalid rules never reach a plan; borg would refuse them, so here they simply do not count.
  const { rules } = parsePatternRules(request.rules);
  return {
    roots: [...request.sourcePaths],
    rules: rules.flatMap((rule) => {
      const test = ruleTest(rule);
      return test === undefined ? [] : [{ action: rule.action, test } satisfies WalkRule];
    }),
    tagNames: [...(request.flags.excludeCaches ? [CACHE_TAG] : []), ...request.flags.excludeIfPresent],
    oneFileSystem: request.flags.oneFileSystem,
  };
}

function ruleTest(rule: ParsedRule): WalkRuleTest | undefined {
  // A pattern line's argument keeps its command (`+ `, `- `, `! `); an exclude's is the pattern itself.
  const text = rule.list === 'patterns' ? rule.argument.slice(1).trimStart() : rule.argument;
  const { body } = splitStyle(text, rule.style);
  switch (rule.style) {
    case 'pf':
      return { kind: 'exact', path: stripLeadingSlashes(normpath(body)) };
    case 'pp':
      return { kind: 'prefix', prefix: stripLeadingSlashes(normpath(body).replace(/\/+$/, '') + '/') };
    case 'fm':
    case 'sh':
    case 're': {
      try {
        const regex = patternRegExp(rule.style, body);
        return { kind: 'regex', source: regex.source, flags: regex.flags, withSlash: rule.style !== 're' };
      } catch {
        return undefined;
      }
    }
  }
}

/** Walk `request` in a worker thread; resolves with the totals, or undefined past the time limit or on failure. */
export function runPreWalk(
  request: PreWalkRequest,
  options: PreWalkOptions & { readonly signal?: AbortSignal } = {},
): Promise<PreWalkOutput | undefined> {
  return new Promise((resolve) => {
    if (options.signal?.aborted === true) {
      resolve(undefined);
      return;
    }
    const worker = new Worker(PRE_WALK_WORKER_SOURCE, { eval: true, workerData: preWalkInput(request) });
    // The walk must never keep Borgdesk (or a test) from exiting.
    worker.unref();
    const end = (result: PreWalkOutput | undefined): void => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      void worker.terminate();
      resolve(result);
    };
    const abort = (): void => end(undefined);
    const timer = setTimeout(abort, options.timeLimitMs ?? 20_000);
    timer.unref();
    options.signal?.addEventListener('abort', abort);
    worker.once('message', (output: PreWalkOutput) => end(output));
    worker.once('error', (e: unknown) => {
      log.warn('the quick count of the backup sources failed', e);
      end(undefined);
    });
    worker.once('exit', () => end(undefined));
  });
}

/** An estimate feed that walks `request` once the job starts; nothing until the walk is done. */
export function preWalkFeed(request: PreWalkRequest, options: PreWalkOptions = {}): EstimateFeed {
  const controller = new AbortController();
  let estimate: BackupEstimate | undefined;
  let started = false;
  return {
    start() {
      if (started) return;
      started = true;
      void runPreWalk(request, { ...options, signal: controller.signal }).then((output) => {
        if (output !== undefined) estimate = { source: 'pre-walk', ...output };
      });
    },
    current: () => estimate,
    stop: () => controller.abort(),
  };
}
