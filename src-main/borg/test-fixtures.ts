/** Test-only access to the recorded borg output in __fixtures__ (see record-fixtures.sh). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitLines } from './line-splitter.js';

/** Absolute path of the fixtures folder. */
export const FIXTURES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '__fixtures__');

/** A fixture file's text. */
export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

/** A fixture's non-empty lines. */
export function fixtureLines(name: string): string[] {
  return splitLines(readFixture(name)).filter((line) => line !== '');
}

/** Names of fixture files ending with the suffix. */
export function fixtureNames(suffix: string): string[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => name.endsWith(suffix))
    .sort();
}

/** The exit code a recording ended with (manifest.json, or the named manifest of another recorder). */
export function recordedExitCode(name: string, manifestFile = 'manifest.json'): number {
  const manifest = JSON.parse(readFixture(manifestFile)) as {
    recordings: { name: string; exitCode: number }[];
  };
  const entry = manifest.recordings.find((r) => r.name === name);
  if (!entry) throw new Error(`no recording named ${name}`);
  return entry.exitCode;
}
