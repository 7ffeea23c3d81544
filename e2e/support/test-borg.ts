/**
 * The borg the e2e host runs (BORGDESK_TEST_BORG, else the `borg` on PATH) and what it supports, from
 * the app's own capability table, so a spec asserts the truth of that version rather than borg 1.2's.
 */
import { execa } from 'execa';
import { capabilitiesFor, parseBorgVersion, type BorgCapabilities } from '../../src-main/borg/version.js';
import { featuresOf } from '../../src-main/borg/features.js';
import type { BorgFeatures } from '../../src-main/model/app.js';

/** The binary: the one the matrix named, or the first `borg` on PATH like the host finds it. */
export const TEST_BORG = process.env.BORGDESK_TEST_BORG || 'borg';

let table: Promise<BorgCapabilities> | undefined;

/** The capability table of TEST_BORG, asked once per spec file. */
export function testBorgCapabilities(): Promise<BorgCapabilities> {
  table ??= execa(TEST_BORG, ['--version']).then(({ stdout }) => {
    const version = parseBorgVersion(stdout);
    if (version === undefined) throw new Error(`${TEST_BORG} --version printed "${stdout}"`);
    return capabilitiesFor(version);
  });
  return table;
}

/** What app:status reports as borg.features for TEST_BORG. */
export async function testBorgFeatures(): Promise<BorgFeatures> {
  return featuresOf(await testBorgCapabilities());
}
