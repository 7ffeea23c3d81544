/**
 * An automatic repository check as a user sets it up, in Chromium against the browser host in
 * test-clock mode and the real borg: create an encrypted repository, set a daily check an hour after
 * the host's (hand-driven) clock on the repository screen, see its next run there and on the
 * Overview, move the clock past it and find the scheduled check in History.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository } from './support/app-flows.js';
import { startBrowserHost, type RunningHost } from './support/browser-host.js';
import { launchChromium, openPage } from './support/chromium.js';
import { advanceClock } from './support/test-clock.js';

const PASSPHRASE = 'checked while I sleep 5521';
const MINUTE = 60_000;
// For a visual check of the control; outside docs/ on purpose (not a README screenshot).
const SHOT = '/tmp/check-schedule.png';

const pad = (n: number): string => String(n).padStart(2, '0');

describe('a daily automatic check runs when the clock reaches it', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let clockNow: number;
  let dueAt: Date;

  const formatted = (date: Date): Promise<string> =>
    page.evaluate(
      (iso) =>
        new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      date.toISOString(),
    );

  beforeAll(async () => {
    host = await startBrowserHost({ BORGDESK_TEST_CLOCK: '1' });
    clockNow = Date.parse(await advanceClock(host.url, 0));
    // About an hour ahead, on a whole minute (the schedule's resolution), in local time like the UI.
    dueAt = new Date(Math.ceil((clockNow + 60 * MINUTE) / MINUTE) * MINUTE);
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('sets a daily check on the repository screen and shows when it runs', async () => {
    const repoPath = path.join(host.root, 'repos', 'documents');
    await mkdir(path.dirname(repoPath), { recursive: true });
    await createRepository(page, 'Documents', repoPath, PASSPHRASE);

    const card = page.getByRole('region', { name: 'Automatic check' });
    const times = card.getByRole('status');
    await expect.poll(() => times.textContent(), { timeout: 10_000 }).toBe('Off');
    const save = card.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await card.getByLabel('Check schedule').selectOption('daily');
    await card.getByLabel('Check time').fill(`${pad(dueAt.getHours())}:${pad(dueAt.getMinutes())}`);
    await card.getByLabel('Check depth').selectOption('verify-data');
    await save.click();

    const expected = `Next check: ${await formatted(dueAt)} · Last check: Never`;
    await expect.poll(() => times.textContent(), { timeout: 10_000 }).toBe(expected);
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await card.getByLabel('Check depth').inputValue()).toBe('verify-data');
    await page.screenshot({ path: SHOT });

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Overview' }).click();
    const overview = page.getByRole('article', { name: 'Documents' });
    await overview.getByText(`Next check: ${await formatted(dueAt)}`).waitFor({ timeout: 10_000 });
  });

  it('runs the check when the clock passes its time and records it as scheduled', async () => {
    // Past the due time, plus a margin for the scheduler's timer granularity.
    await advanceClock(host.url, dueAt.getTime() - clockNow + 2 * MINUTE);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Job history' });
    // The history names the kind and the repository (the job's title is in its log).
    const checks = table
      .getByRole('row')
      .filter({ hasText: /^\s*Check/ })
      .filter({ hasText: 'Documents' });
    await checks.filter({ hasText: 'Succeeded' }).first().waitFor({ timeout: 120_000 });
    expect(await checks.count()).toBe(1);
    expect((await checks.first().textContent()) ?? '').toContain('Scheduled');

    // The repository screen now shows the next day's check and when the last one ran.
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Overview' }).click();
    await page.getByRole('article', { name: 'Documents' }).getByRole('button', { name: 'Open' }).click();
    const times = page.getByRole('region', { name: 'Automatic check' }).getByRole('status');
    const tomorrow = new Date(dueAt.getTime() + 24 * 60 * MINUTE);
    await expect
      .poll(() => times.textContent(), { timeout: 10_000 })
      .toMatch(new RegExp(`^Next check: ${escape(await formatted(tomorrow))} · Last check: (?!Never)`));
    expect(consoleErrors).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
