/**
 * The stale-backup alert as a headless user meets it, in Chromium against the browser host in
 * test-clock mode and the real borg: a daily plan backs up to a repository on a "drive", the drive
 * goes away (its folder is renamed), four days pass, and the Overview says the plan needs attention
 * because the drive is not connected, while History holds no pile of failed runs. The drive comes
 * back, the waiting run catches up, and the card goes away. Settings then says that starting at
 * login is the desktop app's job.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createRepository } from './support/app-flows.js';
import { startBrowserHost, type RunningHost } from './support/browser-host.js';
import { launchChromium, openPage } from './support/chromium.js';
import { makeSourceTree } from './support/source-tree.js';
import { advanceClock } from './support/test-clock.js';

const PASSPHRASE = 'a drive that wanders off 7731';
const SCREENSHOT = '/tmp/attention.png';
// Set to a folder to also save a shot of the Settings dialog for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const pad = (n: number): string => String(n).padStart(2, '0');

describe('a plan whose drive stays away is flagged on the Overview', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let repoPath: string;
  let sourceDir: string;
  let clockNow: number;
  let dueAt: Date;

  const goTo = (screen: 'Overview' | 'History' | 'Plans') =>
    page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
  const attention = () => page.getByRole('region', { name: 'Needs attention' });
  const backupRows = () =>
    page.getByRole('table', { name: 'Job history' }).getByRole('row').filter({ hasText: 'Backup' });

  beforeAll(async () => {
    host = await startBrowserHost({ BORGDESK_TEST_CLOCK: '1' });
    sourceDir = path.join(host.homeDir, 'Documents');
    await makeSourceTree(sourceDir, 6, 64 * 1024);
    repoPath = path.join(host.root, 'media', 'usb', 'borg');
    await mkdir(path.dirname(repoPath), { recursive: true });
    clockNow = Date.parse(await advanceClock(host.url, 0));
    // An hour ahead on a whole minute, in local time like the editor's time field.
    dueAt = new Date(Math.ceil((clockNow + 60 * MINUTE) / MINUTE) * MINUTE);
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('backs up on schedule to a repository on the drive', async () => {
    await createRepository(page, 'USB drive', repoPath, PASSPHRASE);
    await goTo('Plans');
    await page.getByRole('button', { name: 'New plan' }).click();
    const dialog = page.getByRole('dialog', { name: 'New plan' });
    await dialog.getByLabel('Plan name').fill('Documents');
    await dialog.getByLabel('Folder path').fill(sourceDir);
    await dialog.getByRole('button', { name: 'Add path' }).click();
    const target = dialog.getByRole('group', { name: 'Target 1', exact: true });
    await target.getByLabel('Target 1: schedule').selectOption('daily');
    await target.getByLabel('Target 1: time').fill(`${pad(dueAt.getHours())}:${pad(dueAt.getMinutes())}`);
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.waitFor({ state: 'detached' });

    await advanceClock(host.url, dueAt.getTime() - clockNow + 2 * MINUTE);
    await goTo('History');
    await backupRows().filter({ hasText: 'Succeeded' }).first().waitFor({ timeout: 120_000 });
  });

  it('names the absent drive once the plan is four days overdue, without failed runs piling up', async () => {
    await rename(repoPath, `${repoPath}-unplugged`);
    // Four daily slots and thousands of presence checks pass; each slot is skipped quietly.
    await advanceClock(host.url, 4 * DAY);

    await goTo('History');
    await backupRows().first().waitFor();
    expect(await backupRows().count()).toBe(1);
    expect(await backupRows().filter({ hasText: 'Failed' }).count()).toBe(0);

    await goTo('Overview');
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
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('clears the card when the drive is back and the waiting run has caught up', async () => {
    await rename(`${repoPath}-unplugged`, repoPath);
    // The next presence check (once a minute) finds the drive and runs the plan at once.
    await advanceClock(host.url, 2 * MINUTE);
    await attention().waitFor({ state: 'detached', timeout: 120_000 });

    await goTo('History');
    const succeeded = backupRows().filter({ hasText: 'Succeeded' });
    await succeeded.nth(1).waitFor({ timeout: 30_000 });
    expect(await backupRows().count()).toBe(2);
    expect(consoleErrors).toEqual([]);
  });

  it('says in Settings that only the desktop app can start at login', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    const loginSwitch = dialog.getByRole('switch', { name: 'Start Borgdesk when I log in' });
    expect(await loginSwitch.isDisabled()).toBe(true);
    expect(await loginSwitch.isChecked()).toBe(false);
    await dialog.getByText('Only the desktop app can start at login.', { exact: false }).waitFor();
    // The browser host has no tray to miss.
    expect(await dialog.getByText('No tray icon:').count()).toBe(0);
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'settings.png') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
