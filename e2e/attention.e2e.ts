/**
 * The stale-backup alert as a headless user meets it, in Chromium against the browser host in
 * test-clock mode and the real borg: a daily plan backs up to a repository on a "drive", the drive
 * goes away (its folder is renamed), four days pass, and the Overview says the plan needs attention
 * because the drive is not connected, while History holds no pile of failed runs. The drive comes
 * back, the waiting run catches up, and the card goes away. Settings then says that starting at
 * login is the desktop app's job, and writes the Prometheus metrics file of those runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { createRepository, goTo, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { dueTimeAfter, timeFieldValue } from './support/due-time.js';
import { advanceClock, readClock } from './support/test-clock.js';

const PASSPHRASE = 'a drive that wanders off 7731';
const SCREENSHOT = '/tmp/attention.png';
// Set to a folder to also save a shot of the Settings dialog for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

describe('a plan whose drive stays away is flagged on the Overview', () => {
  let app: AppSession;
  let clockNow: number;
  let dueAt: Date;

  const attention = () => app.page.getByRole('region', { name: 'Needs attention' });
  const backupRows = () =>
    app.page.getByRole('table', { name: 'Job history' }).getByRole('row').filter({ hasText: 'Backup' });

  beforeAll(async () => {
    app = await openAppSession({
      testClock: true,
      source: { folder: 'Documents', fileCount: 6, fileSize: 64 * 1024 },
      repo: 'media/usb/borg',
    });
    clockNow = await readClock(app.host.url);
    // An hour ahead on a whole minute, in local time like the editor's time field.
    dueAt = dueTimeAfter(clockNow, 60);
  });

  afterAll(() => app?.close());

  it('backs up on schedule to a repository on the drive', async () => {
    await createRepository(app.page, 'USB drive', app.repoPath, PASSPHRASE);
    const dialog = await openNewPlan(app.page, 'Documents', app.sourceDir);
    const target = dialog.getByRole('group', { name: 'Target 1', exact: true });
    await target.getByLabel('Target 1: schedule').selectOption('daily');
    await target.getByLabel('Target 1: time').fill(timeFieldValue(dueAt));
    await savePlan(dialog);

    await advanceClock(app.host.url, dueAt.getTime() - clockNow + 2 * MINUTE);
    await goTo(app.page, 'History');
    await backupRows().filter({ hasText: 'Succeeded' }).first().waitFor({ timeout: 120_000 });
  });

  it('names the absent drive once the plan is four days overdue, without failed runs piling up', async () => {
    await rename(app.repoPath, `${app.repoPath}-unplugged`);
    // Four daily slots and thousands of presence checks pass; each slot is skipped quietly.
    await advanceClock(app.host.url, 4 * DAY);

    await goTo(app.page, 'History');
    await backupRows().first().waitFor();
    expect(await backupRows().count()).toBe(1);
    expect(await backupRows().filter({ hasText: 'Failed' }).count()).toBe(0);

    await goTo(app.page, 'Overview');
    const card = attention();
    await card.waitFor({ timeout: 30_000 });
    const items = card.getByRole('list', { name: 'Plans needing attention' }).getByRole('listitem');
    expect(await items.count()).toBe(1);
    const text = (await items.first().textContent()) ?? '';
    expect(text).toContain('Documents');
    expect(text).toContain('to USB drive');
    expect(text).toContain('drive not connected');
    expect(text).toContain('No good backup for 4 days');
    expect(text).toContain('The drive that holds "USB drive" is not connected.');
    await app.page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('clears the card when the drive is back and the waiting run has caught up', async () => {
    await rename(`${app.repoPath}-unplugged`, app.repoPath);
    // The next presence check (once a minute) finds the drive and runs the plan at once.
    await advanceClock(app.host.url, 2 * MINUTE);
    await attention().waitFor({ state: 'detached', timeout: 120_000 });

    await goTo(app.page, 'History');
    const succeeded = backupRows().filter({ hasText: 'Succeeded' });
    await succeeded.nth(1).waitFor({ timeout: 30_000 });
    expect(await backupRows().count()).toBe(2);
    expect(app.consoleErrors).toEqual([]);
  });

  it('says in Settings that only the desktop app can start at login, and writes the metrics file', async () => {
    await app.page.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Settings' });
    const loginSwitch = dialog.getByRole('switch', { name: 'Start Borgdesk when I log in' });
    expect(await loginSwitch.isDisabled()).toBe(true);
    expect(await loginSwitch.isChecked()).toBe(false);
    await dialog.getByText('Only the desktop app can start at login.', { exact: false }).waitFor();
    // The browser host has no tray to miss.
    expect(await dialog.getByText('No tray icon:').count()).toBe(0);
    // The archive indexes' disk use against their cap; a new cap applies at once. (How many archives the
    // background has indexed by now depends on the machine's load: it runs at low priority.)
    const usage = dialog.getByRole('group', { name: 'Archive indexes' }).getByRole('status');
    await usage.filter({ hasText: /^Archive indexes: [\d.]+ [kM]?B of 2\.0 GB, \d+ archives?$/ }).waitFor();
    await dialog.getByLabel('Space for archive indexes').selectOption('5000');
    await usage.filter({ hasText: / of 5\.0 GB, / }).waitFor();
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'settings.png') });

    // The metrics textfile, written at once from the history: the plan's last run succeeded.
    const textfile = path.join(app.host.root, 'node-exporter', 'borgdesk.prom');
    await mkdir(path.dirname(textfile));
    await dialog.getByLabel('Prometheus metrics').fill(textfile);
    await dialog.getByText('Not saved yet', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Save and write now' }).click();
    await dialog.getByRole('status').filter({ hasText: 'with the last run of 1 plan destination' }).waitFor();
    const metrics = await readFile(textfile, 'utf8');
    expect(metrics).toMatch(
      /^borgdesk_last_run_result\{plan="Documents",repository="USB drive",.*result="succeeded"\} 1$/m,
    );
    expect(metrics).toMatch(/^borgdesk_last_files\{plan="Documents",repository="USB drive",.*\} 6$/m);
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'settings-metrics.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
