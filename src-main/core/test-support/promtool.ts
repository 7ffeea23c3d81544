/**
 * Prometheus's own checker for the metrics tests: `promtool check metrics` (from Debian's `prometheus`
 * package, unpacked by scripts/ci/install-promtool.sh) parses the exposition format as Prometheus does and lints it. Tests skip with this reason
 * printed when it is not installed.
 */
// A test tool, not borg: it is not spawned through borg/exec.ts.
// eslint-disable-next-line no-restricted-imports
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Where scripts/ci/install-promtool.sh unpacks it (CI), else an installed `prometheus` package.
const CACHED = path.join(
  process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'),
  'borgdesk-ci',
  'promtool',
  'promtool',
);
const PROMTOOL = process.env['BORGDESK_PROMTOOL'] || (isExecutable(CACHED) ? CACHED : '/usr/bin/promtool');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why promtool cannot be used here, or undefined when it can. */
export function promtoolMissing(): string | undefined {
  const probe = spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' });
  if (probe.error === undefined && probe.status === 0) return undefined;
  const reason = `${PROMTOOL} is not installed (scripts/ci/install-promtool.sh, or apt-get install prometheus): the metrics file is not checked by Prometheus's parser`;
  console.warn(`[borgdesk test] ${reason}`);
  return reason;
}

/** What `promtool check metrics` said about `text`: its exit code and everything it printed. */
export function promtoolCheck(text: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(PROMTOOL, ['check', 'metrics'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
    child.stdin.end(text);
  });
}
