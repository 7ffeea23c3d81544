/**
 * History and Overview as a user sees them, in Chromium against the browser host and the real borg:
 * create a repository, run two backups of a typed folder path, find both in History with their
 * results and file counts, read one's log, and see the repository's growth drawn on the Overview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type RunningHost } from './support/browser-host.js';
import { launchChromium, openPage } from './support/chromium.js';
import { makeSourceTree } from './support/source-tree.js';
import { createRepository, backUpPath } from './support/app-flows.js';

const PASSPHRASE = 'history and growth 2024';
const SCREENSHOT = path.resolve('docs/screenshot-dashboard.png');
const FILE_COUNT = 12;
// Set to a folder to also save dark-mode shots of History and Overview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('history and overview through the browser host', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let repoPath: string;
  let sourceDir: string;

  beforeAll(async () => {
    host = await startBrowserHost();
    sourceDir = path.join(host.homeDir, 'Projects');
    await makeSourceTree(sourceDir, FILE_COUNT, 256 * 1024);
    repoPath = path.join(host.root, 'repos', 'projects-repo');
    await mkdir(path.dirname(repoPath), { recursive: true });
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('creates a repository and backs it up twice', async () => {
    await createRepository(page, 'Projects', repoPath, PASSPHRASE);
    await backUpPath(page, sourceDir, 'projects-one');
    // New files, so the second archive is larger than the first and the chart has a slope.
    await writeFile(path.join(sourceDir, 'notes.txt'), 'more work\n'.repeat(20_000));
    await backUpPath(page, sourceDir, 'projects-two');
  });

  it('lists both backups in History, newest first, with result and file count', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Job history' });
    const backups = table.getByRole('row').filter({ hasText: 'Backup' });
    await backups.nth(1).waitFor({ timeout: 20_000 });
    // The repository's creation is a job too; only backups are checked here.
    expect(await backups.count()).toBe(2);
    const [newest, oldest] = [await backups.nth(0).textContent(), await backups.nth(1).textContent()];
    expect(newest).toContain('Succeeded');
    expect(newest).toContain('Projects');
    expect(newest).toContain(`${FILE_COUNT + 1} files`);
    expect(oldest).toContain('Succeeded');
    expect(oldest).toContain(`${FILE_COUNT} files`);

    await page.getByLabel('Result').selectOption('failed');
    await page.getByText('No jobs match').waitFor();
    await page.getByLabel('Result').selectOption('all');
    await backups.nth(1).waitFor();
  });

  it('opens a backup’s log from History', async () => {
    const table = page.getByRole('table', { name: 'Job history' });
    await table
      .getByRole('row')
      .filter({ hasText: `${FILE_COUNT} files` })
      .getByRole('button', { name: 'View log' })
      .click();
    const dialog = page.getByRole('dialog', { name: /Backup log/ });
    const log = dialog.getByRole('log', { name: 'Job log' });
    await log.locator('.log-line').first().waitFor({ timeout: 10_000 });
    const messages = await log.locator('.log-message').allTextContents();
    expect(messages.some((line) => line.startsWith('Running: borg create'))).toBe(true);
    // The passphrase never reaches a log.
    expect((await log.textContent()) ?? '').not.toContain(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('draws the repository’s growth on the Overview', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Overview' }).click();
    const card = page.getByRole('article', { name: 'Projects' });
    const chart = card.getByRole('figure', { name: 'Repository growth' });
    await chart.locator('.recharts-line-dot').first().waitFor({ timeout: 30_000 });
    // One dot per archive on each of the two lines (recharts draws each line's dots as one group).
    const dotGroups = chart.locator('.recharts-line-dots');
    expect(await dotGroups.count()).toBe(2);
    expect(await dotGroups.first().locator('.recharts-line-dot').count()).toBe(2);
    expect(await chart.locator('.recharts-line-dot').count()).toBe(4);
    const figures = (await card.textContent()) ?? '';
    expect(figures).toMatch(/Archives\s*2/);
    expect(figures).toContain('Succeeded');
    await page.screenshot({ path: SCREENSHOT });
    if (SHOTS) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(SHOTS, 'dashboard-dark.png') });
      await page
        .getByRole('navigation', { name: 'Screens' })
        .getByRole('button', { name: 'History' })
        .click();
      await page.getByRole('table', { name: 'Job history' }).waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'history-dark.png') });
      await page.getByRole('button', { name: 'View log' }).first().click();
      await page.getByRole('log', { name: 'Job log' }).locator('.log-line').first().waitFor();
      await page.screenshot({ path: path.join(SHOTS, 'history-log-dark.png') });
    }
    expect(consoleErrors).toEqual([]);
  });
});
