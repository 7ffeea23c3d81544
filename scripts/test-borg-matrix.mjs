#!/usr/bin/env node
/**
 * The borg version matrix: the last step of `npm test`. The suite before it ran against the system borg
 * (Debian 12's 1.2.4); this runs the borg-layer integration tests and the backup/restore e2e specs again
 * for every extra borg that scripts/ci/install-borgs.sh put into its cache folder (borg 1.4, borg 2),
 * each with BORGDESK_TEST_BORG naming that borg. Without extra borgs it says why it skips and how to get them.
 *
 *   node scripts/test-borg-matrix.mjs          every borg found in the cache
 *   node scripts/test-borg-matrix.mjs 2        only borg 2 (or 1.4)
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Same default as scripts/ci/install-borgs.sh, so CI's cache folder is found without configuration.
const cache =
  process.env.BORGDESK_BORG_CACHE ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'borgdesk-ci', 'borgs');

// Create a repository and back up (welcome, restore), browse and restore (restore), prune and check
// (schedule: a plan run prunes and compacts, then a check), compact (compact), mount (leftover-mount).
// Trimmed to fit CI's 30 minutes: the rest of e2e/ runs on the system borg only.
const BACKUP_RESTORE_E2E = [
  'e2e/welcome.e2e.ts',
  'e2e/restore.e2e.ts',
  'e2e/schedule.e2e.ts',
  'e2e/compact.e2e.ts',
  'e2e/leftover-mount.e2e.ts',
];

const VERSIONS = [
  { label: '1.4', borg: path.join(cache, 'borg-1.4', 'borg'), e2e: BACKUP_RESTORE_E2E },
  // borg 2's create dialog offers other encryption modes (backup); and what only borg 2 has, which
  // skips on the system borg: soft delete, series and tags; Settings and the other-major message with
  // repo-space and find-lost-archives (borg-versions); sftp:// repositories.
  {
    label: '2',
    borg: path.join(cache, 'borg-2', 'borg'),
    e2e: [
      ...BACKUP_RESTORE_E2E,
      'e2e/backup.e2e.ts',
      'e2e/soft-delete.e2e.ts',
      'e2e/borg-versions.e2e.ts',
      'e2e/sftp-repository.e2e.ts',
    ],
  },
];

/** The borg-layer integration tests (src-main/borg), found on disk so a new one joins the matrix by itself. */
function borgLayerTests() {
  return readdirSync('src-main/borg', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.integration.test.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function borgVersion(borg) {
  const run = spawnSync(borg, ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : undefined;
}

/** Runs one part with `env`, streaming its output; returns its outcome and duration. */
function runPart(name, args, env) {
  console.log(`\n── ${name}\n   npx ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { name, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) };
}

const wanted = process.argv.slice(2);
const chosen = VERSIONS.filter((v) => wanted.length === 0 || wanted.includes(v.label));
const present = chosen.filter((v) => isExecutable(v.borg));
const missing = chosen.filter((v) => !isExecutable(v.borg));

console.log(`Borg version matrix (extra borgs from ${cache})`);
for (const v of missing) {
  console.log(
    `Skipping borg ${v.label}: ${v.borg} does not exist. ` +
      'Run scripts/ci/install-borgs.sh (BORGDESK_BORG_CACHE chooses the folder) to build it; CI does so in .ci/run.',
  );
}

const results = [];
for (const v of present) {
  const version = borgVersion(v.borg);
  if (version === undefined) {
    console.log(`borg ${v.label} at ${v.borg} does not answer --version: counted as a failure.`);
    results.push({ name: `borg ${v.label}: --version`, ok: false, seconds: 0 });
    continue;
  }
  console.log(`\n════ Running with ${version} (${v.borg}), BORGDESK_TEST_BORG=${v.borg}`);
  const env = { BORGDESK_TEST_BORG: v.borg };
  results.push(
    runPart(`${version}: borg-layer integration tests`, ['vitest', 'run', ...borgLayerTests()], env),
    runPart(`${version}: backup/restore e2e`, ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...v.e2e], env),
  );
}

if (results.length > 0) {
  console.log('\nBorg version matrix summary');
  for (const r of results)
    console.log(`  ${r.ok ? 'passed' : 'FAILED'}  ${String(r.seconds).padStart(4)} s  ${r.name}`);
}
if (present.length === 0)
  console.log('No extra borg found: the version matrix was skipped (the system borg was tested above).');
process.exit(results.every((r) => r.ok) ? 0 : 1);
