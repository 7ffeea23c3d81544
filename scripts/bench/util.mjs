/** Small helpers for scripts/bench.mjs: running child processes, timing them, printing tables. */
import { spawn } from 'node:child_process';

/** Runs a command; resolves with its stdout (rejects on a non-zero exit, with stderr). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${err.trim()}`)),
    );
  });
}

/** Runs a worker task in a fresh Node process; resolves with the JSON figures it printed. */
export async function worker(bundle, task, args = [], env = process.env) {
  const out = await run(process.execPath, [bundle, task, ...args], { env });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Times a shell command with bash's `time`: wall, user and system seconds (its stdout is discarded). */
export async function timeShell(command, env) {
  const out = await run(
    'bash',
    ['-c', `TIMEFORMAT='%R %U %S'; { time ( ${command} > /dev/null 2>/dev/null ) ; } 2>&1`],
    {
      env,
    },
  );
  const [real, user, sys] = out.trim().split('\n').pop().split(' ').map(Number);
  return { wallMs: real * 1000, cpuMs: (user + sys) * 1000 };
}

/** Quotes a word for bash. */
export function sh(word) {
  return `'${String(word).replace(/'/g, `'\\''`)}'`;
}

/** How many times each repeated figure is measured: BENCH_RUNS, else 5 (a busy machine disturbs single runs). */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);

/**
 * Measures several things in interleaved rounds (a, b, c, a, b, c, …) so that a disturbance on the machine
 * hits all of them alike rather than one whole series; resolves with each one's list of results.
 * measures: { name: () => Promise<result> }; rounds defaults to RUNS.
 */
export async function interleave(measures, rounds = RUNS) {
  const results = Object.fromEntries(Object.keys(measures).map((name) => [name, []]));
  for (let i = 0; i < rounds; i++) {
    for (const [name, measure] of Object.entries(measures)) results[name].push(await measure(i));
  }
  return results;
}

/** Repeats one measurement RUNS times (or `rounds`); resolves with the list of results. */
export async function repeat(measure, rounds = RUNS) {
  return (await interleave({ only: measure }, rounds)).only;
}

/**
 * min / median / max of a list of numbers, or of `pick(result)` over a list of results. The minimum is
 * the headline figure (the least disturbed run); the spread says how far to trust it.
 */
export function spread(list, pick = (x) => x) {
  const values = list.map(pick).sort((a, b) => a - b);
  if (values.length === 0) throw new Error('spread() of no values');
  const mid = values.length >> 1;
  const median = values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
  return { min: values[0], median, max: values[values.length - 1], n: values.length };
}

/** Formats milliseconds, bytes and counts for the tables. */
export const fmt = {
  ms: (v) =>
    v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`,
  mb: (v) => `${(v / 1024 / 1024).toFixed(1)} MB`,
  n: (v) => v.toLocaleString('en-US'),
  x: (v) => `${v.toFixed(2)}x`,
  /** "412 ms (min of 5; median 430 ms, max 480 ms)": a spread() in a unit (fmt.ms by default). */
  spread: (s, unit = fmt.ms) =>
    s.n === 1
      ? `${unit(s.min)} (1 run)`
      : `${unit(s.min)} (min of ${s.n}; median ${unit(s.median)}, max ${unit(s.max)})`,
};

/** Prints rows as an aligned two-or-more-column table under a title. */
export function table(title, rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  console.log(`\n${title}`);
  for (const [i, row] of rows.entries()) {
    console.log(`  ${row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ')}`.trimEnd());
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  }
}

/**
 * Headline figures of this run, compared at the end with the ones kept in the repository
 * (scripts/bench/previous-figures.json, written by `npm run bench -- --save`): "was X, now Y".
 * kind: 'ms' or 'bytes' (lower is better for both).
 */
const figures = {};
export function record(name, value, kind = 'ms') {
  figures[name] = { value, kind };
}

/** Prints each recorded figure against the saved one; with save, writes this run's figures as the new ones. */
export async function compareWithPrevious(file, save, context) {
  const { readFile, writeFile } = await import('node:fs/promises');
  let previous = { figures: {} };
  try {
    previous = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    // No saved figures yet: every figure is new.
  }
  const show = (f) => (f.kind === 'bytes' ? fmt.mb(f.value) : fmt.ms(f.value));
  const rows = [['figure', 'was', 'now', 'now / was']];
  for (const [name, now] of Object.entries(figures)) {
    const was = previous.figures?.[name];
    rows.push([name, was ? show(was) : '—', show(now), was ? fmt.x(now.value / was.value) : 'new']);
  }
  table(
    `Compared with ${previous.savedAt ? `the figures saved ${previous.savedAt} (${previous.context})` : 'no saved figures'}`,
    rows,
  );
  if (save) {
    const merged = { ...(previous.figures ?? {}), ...figures };
    await writeFile(
      file,
      `${JSON.stringify({ savedAt: new Date().toISOString(), context, figures: merged }, null, 2)}\n`,
    );
    console.log(`saved to ${file}`);
  }
}
