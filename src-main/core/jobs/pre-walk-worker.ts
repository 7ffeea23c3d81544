/**
 * The code of the pre-walk's worker thread: it walks the folders to back up and counts the regular
 * files and their bytes, skipping what the (serialised) exclusion rules exclude, roughly as borg
 * would. It runs as an eval'd script (new Worker(source, { eval: true })), so it works the same from
 * the TypeScript sources in tests and from the bundles, with no extra file to ship; therefore the
 * function below must not use anything from outside itself but its `load` argument.
 */
import type * as NodeFs from 'node:fs';
import type * as NodeWorkerThreads from 'node:worker_threads';

/** How one exclusion rule is tested, as plain data that can cross to the worker. */
export type WalkRuleTest =
  | { readonly kind: 'exact'; readonly path: string }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string; readonly withSlash: boolean };

/** One rule: what it does and how it matches (archive paths: no leading slash). */
export interface WalkRule {
  readonly action: 'include' | 'exclude' | 'exclude-norecurse';
  readonly test: WalkRuleTest;
}

/** What the worker walks. */
export interface PreWalkInput {
  readonly roots: readonly string[];
  readonly rules: readonly WalkRule[];
  /** Directories holding one of these names are skipped (--exclude-if-present, CACHEDIR.TAG). */
  readonly tagNames: readonly string[];
  readonly oneFileSystem: boolean;
}

/** What the worker posts when it is done. */
export interface PreWalkOutput {
  readonly originalSize: number;
  readonly fileCount: number;
}

type Load = (id: string) => unknown;

function preWalkMain(load: Load): void {
  const fs = load('node:fs') as typeof NodeFs;
  const threads = load('node:worker_threads') as typeof NodeWorkerThreads;
  const input = threads.workerData as PreWalkInput;
  const compiled = input.rules.map((rule) => ({
    action: rule.action,
    test: rule.test,
    regex: rule.test.kind === 'regex' ? new RegExp(rule.test.source, rule.test.flags) : undefined,
  }));
  const exact = compiled.filter((r) => r.test.kind === 'exact');
  const ordered = compiled.filter((r) => r.test.kind !== 'exact');
  const matches = (rule: (typeof compiled)[number], path: string): boolean => {
    const { test } = rule;
    if (test.kind === 'exact') return test.path === path;
    if (test.kind === 'prefix') return `${path}/`.startsWith(test.prefix);
    return rule.regex?.test(test.withSlash ? `${path}/` : path) ?? false;
  };
  // As borg: exact-path rules first (the last one listed wins), then the first ordered rule.
  const decide = (path: string): (typeof compiled)[number] | undefined => {
    let found: (typeof compiled)[number] | undefined;
    for (const rule of exact) if (matches(rule, path)) found = rule;
    return found ?? ordered.find((rule) => matches(rule, path));
  };
  let fileCount = 0;
  let originalSize = 0;
  for (const root of input.roots) {
    let rootStat: NodeFs.Stats;
    try {
      rootStat = fs.lstatSync(root);
    } catch {
      continue;
    }
    const stack: { path: string; stat: NodeFs.Stats }[] = [{ path: root, stat: rootStat }];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      const { path, stat } = next;
      const archivePath = path.replace(/^\/+/, '');
      const rule = decide(archivePath);
      const excluded = rule !== undefined && rule.action !== 'include';
      if (stat.isFile()) {
        if (!excluded) {
          fileCount += 1;
          originalSize += stat.size;
        }
        continue;
      }
      if (!stat.isDirectory() || rule?.action === 'exclude-norecurse') continue;
      if (input.oneFileSystem && stat.dev !== rootStat.dev) continue;
      let names: string[];
      try {
        names = fs.readdirSync(path);
      } catch {
        continue;
      }
      if (names.some((name) => input.tagNames.includes(name))) continue;
      for (const name of names) {
        const child = path === '/' ? `/${name}` : `${path}/${name}`;
        try {
          stack.push({ path: child, stat: fs.lstatSync(child) });
        } catch {
          // Gone or unreadable: borg would warn about it and go on, and so does the count.
        }
      }
    }
  }
  const output: PreWalkOutput = { originalSize, fileCount };
  threads.parentPort?.postMessage(output);
}

/** The worker's script: the walk, called with the worker's own `require`. */
export const PRE_WALK_WORKER_SOURCE = `(${preWalkMain.toString()})(require);`;
