/**
 * The foundation flow as a user clicks it, in Chromium against the browser host and the real borg:
 * add a new encrypted repository, back up a folder while the live graph draws, see the archive in the
 * list, and check with the borg CLI that the archive holds the files. Then cancel a second backup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { removeSuggestedSources } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { makeSourceTree } from './support/source-tree.js';
import { listArchiveFiles, listArchiveNames } from './support/borg-cli.js';
import { testBorgFeatures } from './support/test-borg.js';

const PASSPHRASE = 'correct horse battery staple 42';
const SCREENSHOT = path.resolve('docs/screenshot-backup.png');
// Incompressible data, enough for borg to report progress for a few seconds on a 2-core machine.
const FILE_COUNT = 240;
const FILE_SIZE = 2 * 1024 * 1024;

describe('first backup through the browser host', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Photos', fileCount: FILE_COUNT, fileSize: FILE_SIZE },
      repo: 'repos/photos-repo',
    });
  });

  afterAll(() => app?.close());

  it('creates an encrypted repository from the Add repository dialog', async () => {
    await app.page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByLabel('Repository name').fill('Photos');
    await dialog.getByLabel('Location').fill(app.repoPath);
    // The borg's recommended mode comes first: repokey-blake2 on borg 1, repokey-aes-ocb on borg 2.
    const { encryptionModes } = await testBorgFeatures();
    expect(encryptionModes[0]).toBe(
      encryptionModes.includes('repokey-aes-ocb') ? 'repokey-aes-ocb' : 'repokey-blake2',
    );
    expect(await dialog.getByLabel('Encryption').inputValue()).toBe(encryptionModes[0]);
    const offered = await dialog
      .getByLabel('Encryption')
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(offered).toEqual(encryptionModes);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();
    await app.page.getByRole('heading', { name: 'Photos' }).waitFor({ timeout: 30_000 });
    await app.page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('backs up a folder chosen in the folder picker while progress and the graph update', async () => {
    await app.page.getByRole('button', { name: 'Back up now' }).first().click();
    const dialog = app.page.getByRole('dialog', { name: 'Back up now' });
    // Remove any suggested sources so the archive holds exactly the folder picked below.
    await removeSuggestedSources(dialog);
    await dialog.getByRole('button', { name: 'Add folders…' }).click();
    const picker = app.page.getByRole('dialog').last();
    await picker.getByRole('button', { name: 'Home', exact: true }).click();
    await picker.getByLabel('Select Photos').check();
    await picker.getByRole('button', { name: 'Select', exact: true }).click();
    expect(await dialog.getByRole('list', { name: 'Source folders' }).textContent()).toContain('Photos');
    expect(await dialog.getByLabel('Archive name').inputValue()).toBe('{hostname}-{now}');
    await dialog.getByLabel('Compression').selectOption('lz4');
    await dialog.getByRole('button', { name: 'Start backup' }).click();

    const progress = app.page.getByRole('status', { name: 'Backup progress' });
    await progress.waitFor({ timeout: 20_000 });
    await app.page.getByRole('button', { name: 'Cancel', exact: true }).waitFor();
    // Let the graph gather a few seconds of samples, then screenshot it mid-run for the README.
    const graph = app.page.getByTestId('transfer-graph');
    await graph.locator('.recharts-area-area, .recharts-line-curve').first().waitFor({ timeout: 30_000 });
    await app.page.waitForFunction(
      () =>
        /Files\s*(\d{3}|[5-9]\d)/.test(
          document.querySelector('[aria-label="Backup progress"]')?.textContent ?? '',
        ),
      undefined,
      { timeout: 60_000 },
    );
    expect(await progress.textContent()).toMatch(/Original\s*[\d.]+\s*(kB|MB|GB)/);
    await app.page.screenshot({ path: SCREENSHOT });

    const result = app.page.getByLabel('Backup result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.textContent()).toContain(String(app.sourceFiles.length));
  });

  it('shows the new archive in the list, and borg agrees it holds the files', async () => {
    const archives = app.page.getByRole('table', { name: 'Archives' });
    await archives.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
    const names = await listArchiveNames(app.repoPath, PASSPHRASE, app.host.borgBaseDir);
    expect(names).toHaveLength(1);
    const archiveName = names[0] ?? '';
    await archives.getByText(archiveName).waitFor();
    const files = await listArchiveFiles(app.repoPath, archiveName, PASSPHRASE, app.host.borgBaseDir);
    const expected = app.sourceFiles.map((file) => file.replace(/^\//, '')).sort();
    expect(files.sort()).toEqual(expected);
  });

  it('cancels a running backup and says so', async () => {
    // New contents under the same names, so borg has to read every byte again and the run lasts.
    await makeSourceTree(app.sourceDir, FILE_COUNT, FILE_SIZE);
    await app.page.getByRole('button', { name: 'Back up now' }).first().click();
    const dialog = app.page.getByRole('dialog', { name: 'Back up now' });
    // A new archive name, so the second backup re-reads every file rather than finishing instantly.
    await dialog.getByLabel('Archive name').fill('second-{now}');
    await dialog.getByRole('button', { name: 'Start backup' }).click();
    const cancel = app.page.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.waitFor({ timeout: 20_000 });
    await cancel.click();
    await app.page
      .getByText(/cancelled/i)
      .first()
      .waitFor({ timeout: 30_000 });
    expect(app.consoleErrors).toEqual([]);
  });
});
