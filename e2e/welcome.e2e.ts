/**
 * First run: the welcome screen proposes an encrypted repository and the home folder, so a new user
 * reaches a running backup by typing a passphrase twice and clicking once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { openAppSession, type AppSession } from './support/app-session.js';
import { makeSourceTree } from './support/source-tree.js';
import { listArchiveFiles, listArchiveNames } from './support/borg-cli.js';

const PASSPHRASE = 'a long and memorable first passphrase';

describe('welcome screen on first run', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({ source: { folder: 'Documents', fileCount: 12, fileSize: 64 * 1024 } });
    // Caches are excluded by default: this file must not end up in the archive.
    await makeSourceTree(path.join(app.host.homeDir, '.cache', 'thumbs'), 2, 1024);
  });

  afterAll(() => app?.close());

  it('backs up the home folder into a new encrypted repository in three steps', async () => {
    await app.page.getByRole('heading', { name: 'Welcome to Borgdesk' }).waitFor();
    const location = await app.page.getByLabel('Location').inputValue();
    expect(location.startsWith(app.host.homeDir)).toBe(true);
    await app.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await app.page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await app.page.getByRole('button', { name: 'Create repository and back up' }).click();

    const result = app.page.getByLabel('Backup result');
    await result.waitFor({ timeout: 90_000 });
    await app.page
      .getByRole('table', { name: 'Archives' })
      .getByRole('row')
      .nth(1)
      .waitFor({ timeout: 30_000 });

    const [archive] = await listArchiveNames(location, PASSPHRASE, app.host.borgBaseDir);
    const files = await listArchiveFiles(location, archive ?? '', PASSPHRASE, app.host.borgBaseDir);
    const relative = (file: string): string => file.replace(/^\//, '');
    for (const file of app.sourceFiles) expect(files).toContain(relative(file));
    expect(files.some((file) => file.includes('/.cache/'))).toBe(false);
    expect(app.consoleErrors).toEqual([]);
  });
});
