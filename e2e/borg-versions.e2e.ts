/**
 * The borg in use, as a user sees it, in Chromium against the browser host and real borgs:
 * Settings names the version and what it supports; a repository made by the other major version
 * says so with the way forward; and with a borg 2 (BORGDESK_TEST_BORG, as the version matrix sets
 * it) the repository screen reserves and frees emergency space, recompresses as a job, and Check
 * offers "find lost archives". Parts that need a borg this machine lacks print why they skip.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpPath, createRepository } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const run = promisify(execFile);
const TEST_BORG = process.env['BORGDESK_TEST_BORG'] || '/usr/bin/borg';
const BORG1 = '/usr/bin/borg';
const BORG2 =
  process.env['BORGDESK_BORG2'] ??
  (process.env['BORGDESK_BORG_CACHE'] === undefined
    ? undefined
    : path.join(process.env['BORGDESK_BORG_CACHE'], 'borg-2', 'borg'));
const PASSPHRASE = 'two majors of borg 2026';
// Set to a folder to keep screenshots of these screens for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

async function versionOf(borg: string): Promise<string> {
  const { stdout } = await run(borg, ['--version']);
  return stdout.trim().replace(/^borg2?\s+/, '');
}

describe('the borg in use', () => {
  let app: AppSession;
  let version: string;
  let major: 1 | 2;

  beforeAll(async () => {
    version = await versionOf(TEST_BORG);
    major = version.startsWith('2') ? 2 : 1;
    app = await openAppSession({
      source: { folder: 'Docs', fileCount: 20, fileSize: 20_000 },
      repo: 'repos/docs-repo',
    });
  });

  afterAll(() => app?.close());

  it('is named in Settings with what it supports, and in the sidebar', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Settings' }).click();
    const inUse = page.getByRole('dialog', { name: 'Settings' }).getByRole('group', { name: 'Borg in use' });
    await inUse.waitFor();
    const text = (await inUse.textContent()) ?? '';
    expect(text).toContain(`borg ${version}`);
    expect(text).toContain(major === 2 ? 'Opens borg 2 repositories only' : 'Opens borg 1.x repositories');
    if (major === 2) {
      expect(text).toContain('(beta)');
      expect(text).toContain('Deleted archives can be restored until the next compact');
    } else {
      expect(text).toContain('Sizes per archive');
    }
    if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, 'settings-borg.png') });
    await page
      .getByRole('dialog', { name: 'Settings' })
      .getByRole('button', { name: 'Close', exact: true })
      .click();
    expect(await page.getByText(`borg ${version}`).first().textContent()).toMatch(/^borg \d/);
  });

  it('says plainly when a repository was made by the other major version', async (t) => {
    const other = major === 2 ? BORG1 : BORG2;
    if (other === undefined || !existsSync(other)) {
      console.log(
        `borg-versions: no borg ${major === 2 ? 1 : 2} here to make a repository with (set BORGDESK_BORG2)`,
      );
      return t.skip();
    }
    const location = path.join(app.host.root, 'repos', 'other-borg');
    const base = path.join(app.host.root, 'other-borg-base');
    await mkdir(base, { recursive: true });
    const env = { ...process.env, BORG_BASE_DIR: base, BORG_PASSPHRASE: PASSPHRASE };
    const otherMajor = (await versionOf(other)).startsWith('2') ? 2 : 1;
    await run(
      other,
      otherMajor === 2 ? ['-r', location, 'repo-create', '-e', 'none'] : ['init', '-e', 'none', location],
      {
        env,
      },
    );

    const { page } = app;
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Open existing' }).click();
    await dialog.getByLabel('Repository name').fill('Old');
    await dialog.getByLabel('Location').fill(location);
    await dialog.getByRole('button', { name: 'Open repository', exact: true }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    const words = (await alert.textContent()) ?? '';
    if (major === 1) {
      expect(words).toContain(`This repository was made with borg 2 — this computer’s borg is ${version}`);
      expect(words).toContain('Install borg 2 and choose it under Settings → Path to borg.');
      await alert.getByRole('button', { name: 'Choose borg 2 in Settings…' }).waitFor();
    } else {
      expect(words).toContain(`This repository was made with borg 1.x — borg ${version} can’t open it.`);
      expect(words).toContain('Migrate it to a new borg 2 repository');
    }
    expect(words).not.toMatch(/Traceback|Errno/);
    if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, 'other-borg-repository.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('offers borg 2 maintenance: reserved space, recompress and find lost archives', async (t) => {
    if (major !== 2) {
      console.log(
        `borg-versions: borg 2 maintenance skipped, ${TEST_BORG} is borg ${version} (set BORGDESK_TEST_BORG)`,
      );
      expect(await app.page.getByRole('region', { name: 'Maintenance' }).count()).toBe(0);
      return t.skip();
    }
    const { page } = app;
    await createRepository(page, 'Docs', app.repoPath, PASSPHRASE);
    await backUpPath(page, app.sourceDir, 'docs-one');

    const card = page.getByRole('region', { name: 'Maintenance' });
    const reserved = card.getByTestId('reserved-space');
    await reserved.getByText('No space is reserved for emergencies.').waitFor({ timeout: 30_000 });
    await reserved.getByLabel('Amount to reserve').selectOption('500M');
    await reserved.getByRole('button', { name: 'Reserve space' }).click();
    // borg reserves whole 64 MiB objects: 500M becomes 8 of them.
    await reserved.getByText(/^536\.\d MB is reserved for emergencies\.$/).waitFor({ timeout: 30_000 });
    if (SHOTS !== undefined) {
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'borg2-reserved-space.png') });
    }
    await reserved.getByRole('button', { name: 'Free reserved space' }).click();
    await reserved.getByText('No space is reserved for emergencies.').waitFor({ timeout: 30_000 });

    await card.getByRole('button', { name: 'Recompress…' }).click();
    const recompress = page.getByRole('dialog', { name: 'Recompress Docs' });
    await recompress.getByLabel('Compression').selectOption('zstd,10');
    await recompress.getByRole('button', { name: 'Recompress now' }).click();
    await recompress.waitFor({ state: 'detached' });
    const job = page.getByRole('region', { name: 'Recompress Docs (zstd,10)' });
    await job.getByText('Succeeded').waitFor({ timeout: 60_000 });
    if (SHOTS !== undefined) {
      await job.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'borg2-recompressed.png') });
    }

    await page.getByRole('button', { name: 'Check repository' }).click();
    const check = page.getByRole('dialog', { name: 'Check Docs' });
    const findLost = check.getByRole('checkbox', { name: /Also find lost archives/ });
    expect(await findLost.isDisabled()).toBe(true);
    await check.getByLabel('Check mode').selectOption('archives');
    await findLost.check();
    if (SHOTS !== undefined) await page.screenshot({ path: path.join(SHOTS, 'borg2-check-find-lost.png') });
    await check.getByRole('button', { name: 'Start check' }).click();
    const checked = page.getByRole('region', { name: 'Check Docs (archives)' });
    await checked.getByText('Succeeded').waitFor({ timeout: 60_000 });
    expect(app.consoleErrors).toEqual([]);
  });
});
