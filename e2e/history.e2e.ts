/**
 * History and Overview as a user sees them, in Chromium against the browser host and the real borg:
 * create a repository, run two backups of a typed folder path, find both in History with their
 * results and file counts, read one's log, see the repository's growth drawn on the Overview, and
 * ask the second archive why it grew.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRepository, backUpPath, goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'history and growth 2024';
const SCREENSHOT = path.resolve('docs/screenshot-dashboard.png');
const GROWTH_SCREENSHOT = path.resolve('docs/screenshot-growth.png');
const NOTES = 'more work\n'.repeat(20_000);
const FILE_COUNT = 12;
// Set to a folder to also save dark-mode shots of History and Overview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('history and overview through the browser host', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Projects', fileCount: FILE_COUNT, fileSize: 256 * 1024 },
      repo: 'repos/projects-repo',
    });
  });

  afterAll(() => app?.close());

  it('creates a repository and backs it up twice', async () => {
    await createRepository(app.page, 'Projects', app.repoPath, PASSPHRASE);
    await backUpPath(app.page, app.sourceDir, 'projects-one');
    // A new file in a new folder, so the second archive is larger than the first (the chart has a
    // step) and "Why did it grow?" has a folder to name.
    await mkdir(path.join(app.sourceDir, 'drafts'));
    await writeFile(path.join(app.sourceDir, 'drafts', 'notes.txt'), NOTES);
    await backUpPath(app.page, app.sourceDir, 'projects-two');
  });

  it('lists both backups in History, newest first, with result and file count', async () => {
    await goTo(app.page, 'History');
    const table = app.page.getByRole('table', { name: 'Job history' });
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

    await app.page.getByLabel('Result').selectOption('failed');
    await app.page.getByText('No jobs match').waitFor();
    await app.page.getByLabel('Result').selectOption('all');
    await backups.nth(1).waitFor();
  });

  it('opens a backup’s log from History', async () => {
    const table = app.page.getByRole('table', { name: 'Job history' });
    await table
      .getByRole('row')
      .filter({ hasText: `${FILE_COUNT} files` })
      .getByRole('button', { name: 'View log' })
      .click();
    const dialog = app.page.getByRole('dialog', { name: /Backup log/ });
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
    await goTo(app.page, 'Overview');
    const card = app.page.getByRole('article', { name: 'Projects' });
    const chart = card.getByRole('figure', { name: 'Repository growth' });
    await chart.locator('.recharts-line-dot').first().waitFor({ timeout: 30_000 });
    // One dot per archive on each of the three lines: original, deduplicated, and what the repository
    // stored after each backup (recorded by Borgdesk); recharts draws each line's dots as one group.
    const dotGroups = chart.locator('.recharts-line-dots');
    expect(await dotGroups.count()).toBe(3);
    expect(await dotGroups.first().locator('.recharts-line-dot').count()).toBe(2);
    expect(await chart.locator('.recharts-line-dot').count()).toBe(6);
    await chart.getByText('Stored in repository').waitFor();
    const figures = (await card.textContent()) ?? '';
    expect(figures).toMatch(/Archives\s*2/);
    expect(figures).toContain('Succeeded');
    await app.page.screenshot({ path: SCREENSHOT });
    if (SHOTS) {
      await app.page.emulateMedia({ colorScheme: 'dark' });
      await app.page.screenshot({ path: path.join(SHOTS, 'dashboard-dark.png') });
      await goTo(app.page, 'History');
      await app.page.getByRole('table', { name: 'Job history' }).waitFor();
      await app.page.screenshot({ path: path.join(SHOTS, 'history-dark.png') });
      await app.page.getByRole('button', { name: 'View log' }).first().click();
      await app.page.getByRole('log', { name: 'Job log' }).locator('.log-line').first().waitFor();
      await app.page.screenshot({ path: path.join(SHOTS, 'history-log-dark.png') });
      // Back to where the next test expects the page: no dialog, the light theme.
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
      await app.page.emulateMedia({ colorScheme: null });
    }
    expect(app.consoleErrors).toEqual([]);
  });

  it('explains why the second archive grew: the folder and the file that were added', async () => {
    const { page } = app;
    await page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: 'Projects' }).click();
    await page
      .getByRole('table', { name: 'Archives' })
      .getByRole('button', { name: 'Why did projects-two grow?' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Why did it grow?' });
    const headline = dialog.getByLabel('Growth');
    await headline.waitFor({ timeout: 30_000 });
    expect(await headline.textContent()).toMatch(/^\+200\.0 kB since projects-one \(/);
    const folders = dialog.getByRole('table', { name: 'Folders that grew' });
    const firstFolder = folders.getByRole('row').nth(1);
    // Grown, net change, then 1 file added, 0 changed, 0 removed.
    expect(await firstFolder.textContent()).toMatch(/drafts\+200\.0 kB\+200\.0 kB100$/);
    const files = dialog.getByRole('table', { name: 'Files that grew' });
    expect(await files.getByRole('row').nth(1).textContent()).toMatch(/drafts\/notes\.txtadded\+200\.0 kB/);
    await page.screenshot({ path: GROWTH_SCREENSHOT });
    // Drilling into the folder lists what grew inside it, with a way back.
    await firstFolder.getByRole('button').click();
    await dialog
      .getByRole('navigation', { name: 'Folder' })
      .getByRole('button', { name: 'drafts' })
      .waitFor();
    await files.getByRole('row', { name: /^notes\.txt/ }).waitFor();
    expect(await dialog.getByRole('table', { name: 'Folders that grew' }).count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'growth-folder.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });
});
