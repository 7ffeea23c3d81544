/**
 * Scheduled backups as a user sets them up, in Chromium against the browser host in test-clock mode
 * and the real borg: create an encrypted repository, create a plan with a daily schedule an hour
 * after the host's (hand-driven) clock, see the next run on the Plans screen, move the clock past it
 * through the test hook (and a day further), and find the scheduled backups in History and on the
 * Overview's growth chart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createRepository, goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { dueTimeAfter, shownDateTime, timeFieldValue } from './support/due-time.js';
import { advanceClock, explainedByHost, jobsSettled, readClock } from './support/test-clock.js';
import { testBorgFeatures } from './support/test-borg.js';

const PASSPHRASE = 'scheduled and forgotten 2024';
const SCREENSHOT = path.resolve('docs/screenshot-plans.png');
const FILE_COUNT = 8;
const MINUTE = 60_000;
// Set to a folder to also save shots of the plan editor and the Overview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('a daily plan runs when the clock reaches it', () => {
  let app: AppSession;
  let clockNow: number;
  let dueAt: Date;

  beforeAll(async () => {
    app = await openAppSession({
      testClock: true,
      source: { folder: 'Photos', fileCount: FILE_COUNT, fileSize: 128 * 1024 },
      repo: 'repos/photos-repo',
    });
    // The manual clock starts at the host's start and moves only when told to.
    clockNow = await readClock(app.host.url);
    // About an hour ahead, on a whole minute (the schedule's resolution), in local time like the UI.
    dueAt = dueTimeAfter(clockNow, 60);
  });

  afterAll(() => app?.close());

  it('creates an encrypted repository', async () => {
    await createRepository(app.page, 'Photos', app.repoPath, PASSPHRASE);
  });

  it('creates a plan with a daily schedule and shows its next run', async () => {
    await goTo(app.page, 'Plans');
    await app.page.getByText('No plans yet').waitFor();
    await app.page.getByRole('button', { name: 'New plan' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByLabel('Plan name').fill('Photos nightly');

    // Saving without folders names the missing field instead of sending a bad draft.
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.getByText('Choose at least one folder to back up.').waitFor();

    await dialog.getByLabel('Folder path').fill(app.sourceDir);
    await dialog.getByRole('button', { name: 'Add path' }).click();
    const target = dialog.getByRole('group', { name: 'Target 1', exact: true });
    expect(await target.getByLabel('Target 1: repository').locator('option:checked').textContent()).toBe(
      `Photos — ${app.repoPath}`,
    );
    await target.getByLabel('Target 1: schedule').selectOption('daily');
    await target.getByLabel('Target 1: time').fill(timeFieldValue(dueAt));
    // The browser host cannot tell a metered connection, and an unknown state never holds the run
    // back: the scheduled backup below must still run.
    const conditions = target.getByRole('group', { name: 'Target 1: conditions' });
    await conditions.getByRole('checkbox', { name: 'Not on a metered connection' }).check();

    // The pattern tester asks the core about the rules being edited.
    await dialog.getByRole('checkbox', { name: /node_modules/ }).check();
    const tester = dialog.getByLabel('Test a path');
    await tester.fill(path.join(app.sourceDir, 'app', 'node_modules', 'x.js'));
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    const verdict = dialog.getByRole('status', { name: 'Pattern test result' });
    await expect.poll(() => verdict.textContent()).toBe('Excluded by rule sh:**/node_modules');
    await tester.fill(path.join(app.sourceDir, 'folder-0', 'file-0000.bin'));
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => verdict.textContent()).toBe('Included');

    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'plan-editor.png') });
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = app.page.getByRole('article', { name: 'Photos nightly' });
    const targets = card.getByRole('table', { name: 'Targets of Photos nightly' });
    const row = targets.getByRole('row').filter({ hasText: 'Photos' });
    const expected = await shownDateTime(app.page, dueAt);
    await row.getByText(expected).waitFor({ timeout: 10_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain(app.repoPath);
    expect(text).toContain(`Daily at ${timeFieldValue(dueAt)}`);
    expect(text).toContain('Never');
    await app.page.screenshot({ path: SCREENSHOT });
  });

  it('runs the backup when the clock passes the due time, and again a day later', async () => {
    // Past the due time, plus a margin for the scheduler's timer granularity.
    await advanceClock(app.host.url, dueAt.getTime() - clockNow + 2 * MINUTE);
    await goTo(app.page, 'History');
    const table = app.page.getByRole('table', { name: 'Job history' });
    const scheduled = table.getByRole('row').filter({ hasText: 'Backup' }).filter({ hasText: 'Scheduled' });
    const succeeded = scheduled.filter({ hasText: 'Succeeded' });
    await explainedByHost(app.host, succeeded.first().waitFor({ timeout: 120_000 }));
    const text = (await scheduled.first().textContent()) ?? '';
    expect(text).toContain('Photos');
    expect(text).toContain(`${FILE_COUNT} files`);
    expect(await scheduled.count()).toBe(1);

    // A day later the same schedule runs once more (and only once), after this run's prune and compact.
    await jobsSettled(app.host.url);
    await advanceClock(app.host.url, 24 * 60 * MINUTE);
    await explainedByHost(app.host, succeeded.nth(1).waitFor({ timeout: 120_000 }));
    expect(await scheduled.count()).toBe(2);
  });

  it('draws the scheduled archive on the Overview and lists the plan there', async () => {
    await goTo(app.page, 'Overview');
    const card = app.page.getByRole('article', { name: 'Photos' });
    const chart = card.getByRole('figure', { name: 'Repository growth' });
    await chart.locator('.recharts-line-dot').first().waitFor({ timeout: 30_000 });
    // Two archives: one dot each on the original-size, the deduplicated-size and the repository's
    // stored-size line (borg create's cache stats, kept for backups Borgdesk made).
    // (borg 2 reports no sizes: one dot each on the original-size line only.)
    const linesPerArchive = (await testBorgFeatures()).archiveSizes ? 3 : 1;
    expect(await chart.locator('.recharts-line-dot').count()).toBe(2 * linesPerArchive);
    expect((await card.textContent()) ?? '').toMatch(/Archives\s*2/);
    const plans = app.page.getByRole('table', { name: 'Plans' });
    const row = plans.getByRole('row').filter({ hasText: 'Photos nightly' });
    await row.getByText('Succeeded').waitFor({ timeout: 10_000 });
    if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, 'overview-plans.png'), fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });

  it('checks the repository and deletes an archive after confirming', async () => {
    await app.page.getByRole('article', { name: 'Photos' }).getByRole('button', { name: 'Open' }).click();
    await app.page.getByRole('button', { name: 'Check repository' }).click();
    const check = app.page.getByRole('dialog', { name: 'Check Photos' });
    await check.getByLabel('Check mode').selectOption('archives');
    await check.getByRole('button', { name: 'Start check' }).click();
    await check.waitFor({ state: 'detached' });
    const checkCard = app.page.getByRole('region', { name: 'Check Photos (archives)' });
    await checkCard.getByText('Succeeded').waitFor({ timeout: 60_000 });

    const table = app.page.getByRole('table', { name: 'Archives' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const name = (await rows.last().locator('th').textContent()) ?? '';
    await table.getByRole('button', { name: `Delete ${name}` }).click();
    const confirm = app.page.getByRole('dialog', { name: 'Delete archive?' });
    expect((await confirm.textContent()) ?? '').toContain(name);
    await confirm.getByRole('button', { name: 'Delete archive' }).click();
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBe(1);
    expect(await table.getByText(name, { exact: true }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
