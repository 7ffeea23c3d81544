/**
 * Test-only: a borg 2 for the migration tests, which need borg 1.x and borg 2 side by side:
 * BORGDESK_TEST_BORG when that is a borg 2, else the install-borgs.sh cache
 * (${BORGDESK_BORG_CACHE:-~/.cache/borgdesk-ci/borgs}/borg-2/borg).
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { capabilitiesFor, type BorgCapabilities } from './capabilities.js';
import { runBorgVersion } from './exec.js';
import { parseBorgVersion } from './version.js';

/** A borg 2 that can migrate, or why there is none. */
export type FoundBorg2 =
  | { readonly found: true; readonly path: string; readonly capabilities: BorgCapabilities }
  | { readonly found: false; readonly reason: string };

/** Where scripts/ci/install-borgs.sh keeps an extra borg ("borg-1.4" or "borg-2"), as the version matrix finds it. */
export function cachedExtraBorg(name: 'borg-1.4' | 'borg-2'): string {
  const cache =
    process.env.BORGDESK_BORG_CACHE ||
    path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'borgdesk-ci', 'borgs');
  return path.join(cache, name, 'borg');
}

function candidates(): string[] {
  const list = [
    ...(process.env.BORGDESK_TEST_BORG === undefined ? [] : [process.env.BORGDESK_TEST_BORG]),
    cachedExtraBorg('borg-2'),
  ];
  return [...new Set(list)];
}

/** The first candidate that answers `--version` as a borg 2 with transfer --from-borg1. */
export async function findTestBorg2(): Promise<FoundBorg2> {
  const tried = candidates();
  for (const file of tried) {
    const run = await runBorgVersion(file);
    const version = run.ok ? parseBorgVersion(run.output) : undefined;
    if (version === undefined) continue;
    const capabilities = capabilitiesFor(version);
    if (capabilities.hasTransferFromBorg1 && capabilities.commandLineMismatch === undefined) {
      return { found: true, path: file, capabilities };
    }
  }
  return {
    found: false,
    reason: `no borg 2 found (tried ${tried.join(', ')}; see scripts/ci/install-borgs.sh)`,
  };
}
