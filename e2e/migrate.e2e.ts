/**
 * Migration in Chromium against the browser host and real borgs: a repository made and backed up
 * twice with the system borg 1.2.4, then Settings → Path to borg switched to a borg 2 (how a user
 * upgrades), "Migrate to borg 2…" on the repository screen with progress, and the new repository
 * browsed. Skips, saying why, without a borg 2 (src-main/borg/test-borg2.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTestBorg2 } from '../src-main/borg/test-borg2.js';
import { backUpPath, createRepository } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'migrate me to borg two 2026';
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];
const borg2 = await findTestBorg2();
if (!borg2.found) console.log(`[migrate.e2e] skipped: ${borg2.reason}`);

describe.skipIf(!borg2.found)('migration to borg 2 through the browser host', () => {
  let app: AppSession;

  beforeAll(async () => {
    // The host's own borg stays the system 1.2.4 (BORGDESK_TEST_BORG is for the borg 2 set below).
    app = await openAppSession({
      hostEnv: { BORGDESK_TEST_BORG: '/usr/bin/borg' },
      source: {
        folder: 'Docs',
        async write(dir) {
          await mkdir(dir, { recursive: true });
          await writeFile(path.join(dir, 'letter.txt'), 'dear borg 2\n');
        },
      },
      repo: 'repos/docs-repo',
    });
  });

  afterAll(() => app?.close());

  it('migrates a 1.x repository with progress and opens the new one', async () => {
    const { page } = app;
    await createRepository(page, 'Docs', app.repoPath, PASSPHRASE);
    await backUpPath(page, app.sourceDir, 'docs-1');
    await backUpPath(page, app.sourceDir, 'docs-2');

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog');
    await settings.getByLabel('Path to borg').fill(borg2.found ? borg2.path : '');
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.waitFor({ state: 'detached' });
    await page
      .getByText(/borg 2\.0/)
      .first()
      .waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Migrate to borg 2…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Migrate Docs to borg 2' });
    expect(await dialog.getByLabel('New repository folder').inputValue()).toBe(`${app.repoPath}-borg2`);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'migrate-form.png') });
    await dialog.getByRole('button', { name: 'Start migration' }).click();
    await dialog
      .getByText('Every archive is in Docs (borg 2).')
      .waitFor({ timeout: 60_000 })
      .catch(async (e: unknown) => {
        if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'migrate-failed.png') });
        throw e;
      });
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'migrate-done.png') });
    await dialog.getByRole('button', { name: 'Open Docs (borg 2)' }).click();

    await page.getByRole('heading', { name: 'Docs (borg 2)' }).waitFor();
    const table = page.getByRole('table', { name: 'Archives' });
    await table.getByText('docs-1').waitFor({ timeout: 60_000 });
    await table.getByText('docs-2').waitFor();
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'migrate-new-repo.png') });
    expect(app.consoleErrors).toEqual([]);
  }, 300_000);
});
