/**
 * `BENCH_ONLY=start npm run bench`: browser host start → first screen (issue 16). Spawns the built browser
 * host (dist/main/server.js, as scripts/start.mjs does) with a fresh HOME, opens Chromium on the URL it
 * prints, and times from the spawn to the first screen's heading being visible; plus the size of the
 * JavaScript index.html pulls in (entry script and modulepreloads) and of all chunks.
 * BENCH_START_BEFORE=<dist folder> measures a second build (e.g. the previous main's dist/) in the same
 * rounds, interleaved, so a busy machine disturbs both alike.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fmt, interleave, spread, table } from './util.mjs';

const URL_PATTERN = /https?:\/\/\S+token=\S+/;

/** Starts the host in `distDir`, resolves with its URL and a stop function. */
async function startHost(distDir) {
  const home = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-bench-home-'));
  const env = { ...process.env, HOME: home };
  delete env.DISPLAY;
  delete env.SSH_AUTH_SOCK;
  const child = spawn(process.execPath, [path.join(distDir, 'main', 'server.js'), '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const match = URL_PATTERN.exec(out);
      if (match) resolve(match[0]);
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) =>
      reject(new Error(`host exited ${code} before printing its URL: ${out}${err}`)),
    );
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.on('exit', resolve) : resolve()));
    await rm(home, { recursive: true, force: true });
  };
  return { url, stop };
}

/** One start: ms from spawning the host to the first heading visible in a fresh page. */
async function timeStart(browser, distDir) {
  const startedAt = performance.now();
  const host = await startHost(distDir);
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await page.locator('h1, h2').first().waitFor({ state: 'visible', timeout: 30_000 });
    return performance.now() - startedAt;
  } finally {
    await context.close();
    await host.stop();
  }
}

/** Bytes of the scripts index.html loads first, and of all scripts. */
async function scriptSizes(distDir) {
  const renderer = path.join(distDir, 'renderer');
  const html = await readFile(path.join(renderer, 'index.html'), 'utf8');
  const firstLoad = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const sizeOf = async (file) => (await stat(path.join(renderer, file))).size;
  const all = (await readdir(path.join(renderer, 'assets'))).filter((f) => f.endsWith('.js'));
  const sum = async (files) => (await Promise.all(files.map(sizeOf))).reduce((a, b) => a + b, 0);
  return {
    firstLoad: await sum(firstLoad),
    firstLoadFiles: firstLoad.length,
    all: await sum(all.map((f) => `assets/${f}`)),
    allFiles: all.length,
  };
}

/** The section: prints the start times and script sizes of this build (and of BENCH_START_BEFORE). */
export async function startSection(root) {
  const { chromium } = await import(path.join(root, 'node_modules', 'playwright-core', 'index.mjs'));
  const builds = { current: path.join(root, 'dist') };
  if (process.env.BENCH_START_BEFORE) builds.before = path.resolve(process.env.BENCH_START_BEFORE);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    // One unmeasured start warms the disk cache and Chromium, as a user's second start would be.
    for (const dir of Object.values(builds)) await timeStart(browser, dir);
    const measures = Object.fromEntries(
      Object.entries(builds).map(([name, dir]) => [name, () => timeStart(browser, dir)]),
    );
    const times = await interleave(measures);
    const rows = [['build', 'host spawn → first heading', 'first-load JS', 'all JS']];
    for (const [name, dir] of Object.entries(builds)) {
      const sizes = await scriptSizes(dir);
      rows.push([
        name,
        fmt.spread(spread(times[name])),
        `${fmt.mb(sizes.firstLoad)} (${sizes.firstLoadFiles} files)`,
        `${fmt.mb(sizes.all)} (${sizes.allFiles} files)`,
      ]);
    }
    const [l1] = os.loadavg();
    table(
      `Start: browser host → first screen, fresh HOME (goal ≤ 0.5 s; load average ${l1.toFixed(1)})`,
      rows,
    );
  } finally {
    await browser.close();
  }
}
