/**
 * A restore test as a user runs it, in Chromium against the browser host and the real borg: create a
 * repository and a plan, back it up, click Test restore on the plan's target, and find the result
 * ("N files, … restored and identical") in History and on the Overview.
 */
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, goTo, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'drill the restore 2026';
const FILE_COUNT = 6;
const MTIME = new Date('2026-01-15T08:00:00Z');
// Set to a folder to also save shots of the plan card and the Overview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('a restore test from the plan card', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Documents', fileCount: FILE_COUNT, fileSize: 64 * 1024 },
      repo: 'repos/documents-repo',
    });
  });

  afterAll(() => app?.close());

  it('backs up a plan and tests a restore of it', async () => {
    // Whole seconds: Node's utimes can put such a time back exactly, as the failing test below needs.
    for (const file of app.sourceFiles) await utimes(file, MTIME, MTIME);
    await createRepository(app.page, 'Documents', app.repoPath, PASSPHRASE);
    const editor = await openNewPlan(app.page, 'Papers', app.sourceDir);
    await savePlan(editor);
    const card = app.page.getByRole('article', { name: 'Papers' });
    await card.getByRole('button', { name: 'Run now' }).click();
    await card.getByText('Backup started.').waitFor();
    // The test queues behind the backup in the repository's lane, so it tests the archive just made.
    await card.getByRole('button', { name: 'Test restore of Papers to Documents' }).click();
    await card.getByText('Restore test started.').waitFor();
    const line = card.getByText(/^\d+ files identical, /);
    await line.waitFor({ timeout: 60_000 });
    expect(await line.textContent()).toContain(`${FILE_COUNT} files identical`);
    if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/restore-drill-plans.png`, fullPage: true });
  });

  it('shows the restore test in History and on the Overview', async () => {
    await goTo(app.page, 'History');
    const row = app.page
      .getByRole('table', { name: 'Job history' })
      .getByRole('row')
      .filter({ hasText: 'Restore test' });
    await row.first().waitFor({ timeout: 20_000 });
    const text = (await row.first().textContent()) ?? '';
    expect(text).toContain('Succeeded');
    expect(text).toContain(`${FILE_COUNT} files`);
    expect(text).toContain('restored and identical');

    await goTo(app.page, 'Overview');
    const plans = app.page.getByRole('table', { name: 'Plans' });
    const cell = plans.getByRole('row', { name: /Papers/ }).locator('.plan-last-drill');
    await cell.getByText(/identical/).waitFor({ timeout: 20_000 });
    expect(await cell.textContent()).toMatch(/^6 files identical, (just now|.* ago)$/);
    if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/restore-drill-overview.png`, fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });

  it('names a file whose content no longer matches under Needs attention', async () => {
    // Same size and time, other bytes: what a silently damaged archive (or disk) looks like.
    const victim = app.sourceFiles[0] ?? '';
    const bytes = await readFile(victim);
    await writeFile(
      victim,
      bytes.map((b) => b ^ 0xff),
    );
    await utimes(victim, MTIME, MTIME);
    await goTo(app.page, 'Plans');
    const card = app.page.getByRole('article', { name: 'Papers' });
    await card.getByRole('button', { name: 'Test restore of Papers to Documents' }).click();
    await card.getByText(/^Failed (just now|.* ago)$/).waitFor({ timeout: 60_000 });
    await goTo(app.page, 'Overview');
    const attention = app.page.getByRole('list', { name: 'Restore tests needing attention' });
    await attention.getByText('Restore test failed', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await attention.textContent()).toContain(victim);
    if (SHOTS) await app.page.screenshot({ path: `${SHOTS}/restore-drill-failed.png`, fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });
});
