/**
 * First run: the welcome screen proposes an encrypted repository and the home folder, so a new user
 * reaches a running backup by typing a passphrase twice and clicking once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowserHost, type RunningHost } from './support/browser-host.js';
import { launchChromium, openPage } from './support/chromium.js';
import { makeSourceTree } from './support/source-tree.js';
import { listArchiveFiles, listArchiveNames } from './support/borg-cli.js';

const PASSPHRASE = 'a long and memorable first passphrase';

describe('welcome screen on first run', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let consoleErrors: string[];
  let documents: string[];

  beforeAll(async () => {
    host = await startBrowserHost();
    documents = await makeSourceTree(path.join(host.homeDir, 'Documents'), 12, 64 * 1024);
    // Caches are excluded by default: this file must not end up in the archive.
    await makeSourceTree(path.join(host.homeDir, '.cache', 'thumbs'), 2, 1024);
    browser = await launchChromium();
    ({ page, consoleErrors } = await openPage(browser, host.url));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('backs up the home folder into a new encrypted repository in three steps', async () => {
    await page.getByRole('heading', { name: 'Welcome to Borgdesk' }).waitFor();
    const location = await page.getByLabel('Location').inputValue();
    expect(location.startsWith(host.homeDir)).toBe(true);
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Create repository and back up' }).click();

    const result = page.getByLabel('Backup result');
    await result.waitFor({ timeout: 90_000 });
    await page.getByRole('table', { name: 'Archives' }).getByRole('row').nth(1).waitFor({ timeout: 30_000 });

    const [archive] = await listArchiveNames(location, PASSPHRASE, host.borgBaseDir);
    const files = await listArchiveFiles(location, archive ?? '', PASSPHRASE, host.borgBaseDir);
    const relative = (file: string): string => file.replace(/^\//, '');
    for (const file of documents) expect(files).toContain(relative(file));
    expect(files.some((file) => file.includes('/.cache/'))).toBe(false);
    expect(consoleErrors).toEqual([]);
  });
});
