/**
 * An automatic repository check as a user sets it up, in Chromium against the browser host in
 * test-clock mode and the real borg: create an encrypted repository, set a daily check an hour after
 * the host's (hand-driven) clock on the repository screen, see its next run there and on the
 * Overview, move the clock past it and find the scheduled check in History.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { dueTimeAfter, shownDateTime, timeFieldValue } from './support/due-time.js';
import { advanceClock, readClock } from './support/test-clock.js';

const PASSPHRASE = 'checked while I sleep 5521';
const MINUTE = 60_000;
// For a visual check of the control; outside docs/ on purpose (not a README screenshot).
const SHOT = '/tmp/check-schedule.png';

describe('a daily automatic check runs when the clock reaches it', () => {
  let app: AppSession;
  let clockNow: number;
  let dueAt: Date;

  beforeAll(async () => {
    app = await openAppSession({ testClock: true, repo: 'repos/documents' });
    clockNow = await readClock(app.host.url);
    // About an hour ahead, on a whole minute (the schedule's resolution), in local time like the UI.
    dueAt = dueTimeAfter(clockNow, 60);
  });

  afterAll(() => app?.close());

  it('sets a daily check on the repository screen and shows when it runs', async () => {
    await createRepository(app.page, 'Documents', app.repoPath, PASSPHRASE);

    const card = app.page.getByRole('region', { name: 'Automatic check' });
    const times = card.getByRole('status');
    await expect.poll(() => times.textContent(), { timeout: 10_000 }).toBe('Off');
    const save = card.getByRole('button', { name: 'Save' });
    expect(await save.isDisabled()).toBe(true);
    await card.getByLabel('Check schedule').selectOption('daily');
    await card.getByLabel('Check time').fill(timeFieldValue(dueAt));
    await card.getByLabel('Check depth').selectOption('verify-data');
    await save.click();

    const expected = `Next check: ${await shownDateTime(app.page, dueAt)} · Last check: Never`;
    await expect.poll(() => times.textContent(), { timeout: 10_000 }).toBe(expected);
    await expect.poll(() => save.isDisabled()).toBe(true);
    expect(await card.getByLabel('Check depth').inputValue()).toBe('verify-data');
    await app.page.screenshot({ path: SHOT });

    await goTo(app.page, 'Overview');
    const overview = app.page.getByRole('article', { name: 'Documents' });
    await overview
      .getByText(`Next check: ${await shownDateTime(app.page, dueAt)}`)
      .waitFor({ timeout: 10_000 });
  });

  it('runs the check when the clock passes its time and records it as scheduled', async () => {
    // Past the due time, plus a margin for the scheduler's timer granularity.
    await advanceClock(app.host.url, dueAt.getTime() - clockNow + 2 * MINUTE);
    await goTo(app.page, 'History');
    const table = app.page.getByRole('table', { name: 'Job history' });
    // The history names the kind and the repository (the job's title is in its log).
    const checks = table
      .getByRole('row')
      .filter({ hasText: /^\s*Check/ })
      .filter({ hasText: 'Documents' });
    await checks.filter({ hasText: 'Succeeded' }).first().waitFor({ timeout: 120_000 });
    expect(await checks.count()).toBe(1);
    expect((await checks.first().textContent()) ?? '').toContain('Scheduled');

    // The repository screen now shows the next day's check and when the last one ran.
    await goTo(app.page, 'Overview');
    await app.page.getByRole('article', { name: 'Documents' }).getByRole('button', { name: 'Open' }).click();
    const times = app.page.getByRole('region', { name: 'Automatic check' }).getByRole('status');
    const tomorrow = new Date(dueAt.getTime() + 24 * 60 * MINUTE);
    await expect
      .poll(() => times.textContent(), { timeout: 10_000 })
      .toMatch(
        new RegExp(`^Next check: ${escape(await shownDateTime(app.page, tomorrow))} · Last check: (?!Never)`),
      );
    expect(app.consoleErrors).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
