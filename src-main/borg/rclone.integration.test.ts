/**
 * Real borg 2 on an rclone: repository through borgstore's rclone backend (it starts `rclone rcd`
 * itself). The remote is of type `local`, defined in the environment (RCLONE_CONFIG_<NAME>_TYPE), so
 * no rclone config file and no network are needed. Skips with the reason when TEST_BORG is borg 1.x
 * or rclone is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreate } from './commands/create.js';
import { runInit } from './commands/init.js';
import { runListArchives } from './commands/list-archives.js';
import { openableLocationSchemes } from './location-backends.js';
import { createSandbox, testBorgCapabilities, TEST_BORG, type BorgSandbox } from './test-sandbox.js';

async function skipReason(): Promise<string | undefined> {
  const caps = await testBorgCapabilities();
  if (!caps.extraLocationSchemes.includes('rclone'))
    return `${TEST_BORG} is borg ${caps.version}; rclone: needs borg 2 (set BORGDESK_TEST_BORG)`;
  const openable = await openableLocationSchemes(TEST_BORG, caps.extraLocationSchemes, process.env);
  return openable.includes('rclone') ? undefined : 'rclone is not on PATH (install rclone)';
}
const skip = await skipReason();
if (skip !== undefined) console.warn(`Skipping the rclone integration tests: ${skip}`);

describe.skipIf(skip !== undefined)('borg 2 on an rclone remote', () => {
  let sandbox: BorgSandbox;
  const saved = process.env['RCLONE_CONFIG_BORGDESKLOCAL_TYPE'];
  beforeAll(async () => {
    sandbox = await createSandbox();
    process.env['RCLONE_CONFIG_BORGDESKLOCAL_TYPE'] = 'local';
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env['RCLONE_CONFIG_BORGDESKLOCAL_TYPE'];
    else process.env['RCLONE_CONFIG_BORGDESKLOCAL_TYPE'] = saved;
    await sandbox?.cleanup();
  });

  it('creates, backs up and lists', async () => {
    const location = `rclone:borgdesklocal:${sandbox.path('repo')}`;
    const ctx = sandbox.ctx({ passphrase: 'pw' });
    await runInit({ location, encryption: 'repokey', newPassphrase: 'pw' }, ctx);
    await sandbox.writeText(sandbox.path('src', 'a.txt'), 'hello over rclone');
    const created = await runCreate(
      {
        location,
        archiveName: 'first',
        sourcePaths: [sandbox.path('src')],
        compression: 'lz4',
        excludeCaches: false,
        excludePatterns: [],
      },
      ctx,
    );
    expect(created.exitCode).toBe(0);
    expect((await runListArchives({ location }, ctx)).archives.map((a) => a.name)).toEqual(['first']);
  }, 120_000);
});
