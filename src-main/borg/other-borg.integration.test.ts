/**
 * Real borgs of both major versions on one machine: a repository made by one is opened by the
 * other (TEST_BORG), which must say which borg made it. The other borg is /usr/bin/borg (1.x) or the
 * borg 2 of scripts/ci/install-borgs.sh (BORGDESK_BORG2, or <BORGDESK_BORG_CACHE>/borg-2/borg).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { isBorgError } from './errors.js';
import { runBorgVersion } from './exec.js';
import { createSandbox, testBorgCapabilities, type BorgSandbox } from './test-sandbox.js';
import { capabilitiesFor } from './capabilities.js';
import { parseBorgVersion } from './version.js';

const BORG1 = '/usr/bin/borg';
const BORG2 =
  process.env.BORGDESK_BORG2 ??
  (process.env.BORGDESK_BORG_CACHE === undefined
    ? undefined
    : path.join(process.env.BORGDESK_BORG_CACHE, 'borg-2', 'borg'));

let box: BorgSandbox;
let testMajor: 1 | 2;
let otherBorg: string | undefined;

beforeAll(async () => {
  box = await createSandbox();
  testMajor = (await testBorgCapabilities()).usesRepoCreate ? 2 : 1;
  otherBorg = testMajor === 2 ? BORG1 : BORG2;
  if (otherBorg === undefined || !existsSync(otherBorg)) {
    console.log(
      `other-borg: skipped, no borg ${testMajor === 2 ? 1 : 2} here (set BORGDESK_BORG2 or BORGDESK_BORG_CACHE)`,
    );
    otherBorg = undefined;
  }
});
afterAll(() => box.cleanup());

describe('a repository made by the other major version of borg', () => {
  it('is named as such, with the way forward', async (t) => {
    if (otherBorg === undefined) return t.skip();
    const probe = await runBorgVersion(otherBorg);
    const version = probe.ok ? parseBorgVersion(probe.output) : undefined;
    if (version === undefined) throw new Error(`${otherBorg} did not say its version`);
    const location = box.path('made-by-other');
    const otherCtx = box.ctx({ borgPath: otherBorg, capabilities: capabilitiesFor(version) });
    await runInit({ location, encryption: 'none' }, otherCtx);

    const error: unknown = await runListArchives({ location }, box.ctx()).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isBorgError(error)) throw new Error(`expected a BorgError, got ${String(error)}`);
    const ours = (await testBorgCapabilities()).version;
    expect(error.toSerialized()).toMatchObject({
      code: 'RepositoryFromOtherBorg',
      major: testMajor === 2 ? 1 : 2,
    });
    expect(error.message).toContain(testMajor === 2 ? 'made with borg 1.x' : 'made with borg 2');
    expect(error.message).toContain(ours);
    expect(error.remedy).toMatch(testMajor === 2 ? /^Migrate it/ : /Settings → Path to borg/);
  });
});
