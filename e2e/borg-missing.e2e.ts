/** Without borg the app opens on a screen that says so and how to install it, instead of failing later. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startBrowserHost, type RunningHost } from './support/browser-host.js';
import { launchChromium, openPage } from './support/chromium.js';

describe('borg is not installed', () => {
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    // A PATH with no borg on it; the server itself is started by absolute path.
    host = await startBrowserHost({ PATH: '/nonexistent-borgdesk-bin' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('explains how to install borg and offers to check again', async () => {
    const { page, consoleErrors } = await openPage(browser, host.url);
    await page.getByRole('button', { name: 'Check again' }).waitFor({ timeout: 20_000 });
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toMatch(/apt(-get)? install borgbackup/);
    expect(text).toContain('brew install borgbackup');
    expect(await page.getByRole('button', { name: 'Add repository' }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
