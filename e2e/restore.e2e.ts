/**
 * Point-and-click restore as a user does it, in Chromium against the browser host and the real borg:
 * back up a tree with nested folders and unicode names, find a file by searching the archive, tick it
 * and a folder, restore them into a new folder (checked byte for byte and by mtime on disk), restore
 * to the original place where a file was edited since (the conflict is shown and skipped, the edit
 * survives), then compare two archives, list a file's versions and search all archives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRepository, backUpPath } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'restore calmly 1234';
const SCREENSHOT = path.resolve('docs/screenshot-restore.png');
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];
// Every source file gets this mtime, so the restore can be checked to keep it.
const MTIME = new Date('2023-03-04T05:06:07Z');

const RESUME = 'Quarterly résumé.txt';
const PHOTOS = 'Photos ☀';

// A folder long enough that a revealed row far down is only on screen once the list has scrolled to it.
const STATEMENTS = 'Statements';
const STATEMENT_COUNT = 1500;
const FAR_STATEMENT = 'line 1400.txt';

/** Relative path → contents of the tree that is backed up. */
function sourceFiles(): Record<string, Buffer> {
  const statements = Array.from({ length: STATEMENT_COUNT }, (_, n) => [
    `${STATEMENTS}/line ${n + 1}.txt`,
    Buffer.from(`statement ${n + 1}\n`),
  ]);
  return {
    ...Object.fromEntries(statements),
    'notes.md': Buffer.from('# Notes\nNothing to see here.\n'),
    [`Reports 2024/${RESUME}`]: Buffer.from('Résumé — Q1 revenue up 12 %, costs flat. ✓\n'),
    'Reports 2024/Q1/data 01.csv': Buffer.from('month,revenue\njan,100\nfeb,110\nmar,121\n'),
    [`${PHOTOS}/sunset.jpg`]: randomBytes(300_000),
    [`${PHOTOS}/beach café.png`]: randomBytes(120_000),
  };
}

async function writeTree(root: string, files: Record<string, Buffer>): Promise<void> {
  for (const [relative, data] of Object.entries(files)) {
    const file = path.join(root, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
    await utimes(file, MTIME, MTIME);
  }
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

describe('restore through the browser host', () => {
  let app: AppSession;
  let restoreParent: string;
  let files: Record<string, Buffer>;

  beforeAll(async () => {
    files = sourceFiles();
    app = await openAppSession({
      source: { folder: 'Docs', write: (dir) => writeTree(dir, files) },
      repo: 'repos/docs-repo',
    });
    restoreParent = path.join(app.host.homeDir, 'Restores');
    await mkdir(restoreParent, { recursive: true });
  });

  afterAll(() => app?.close());

  const grid = (): Locator => app.page.getByRole('grid', { name: 'Archive contents' });
  const rowOf = (container: Locator, name: string): Locator =>
    container.getByRole('row').filter({ has: app.page.getByText(name, { exact: true }) });

  it('creates an encrypted repository and backs up the tree', async () => {
    await createRepository(app.page, 'Documents', app.repoPath, PASSPHRASE);
    await backUpPath(app.page, app.sourceDir, 'docs-one');
  });

  it('finds a file by searching the archive and selects it with a folder', async () => {
    const archives = app.page.getByRole('table', { name: 'Archives' });
    await archives
      .getByRole('row')
      .filter({ hasText: 'docs-one' })
      .getByRole('button', { name: 'Browse' })
      .click();
    await grid().waitFor();
    await app.page
      .getByRole('status')
      .filter({ hasText: /\d+ items/ })
      .first()
      .waitFor({ timeout: 60_000 });

    await app.page.getByLabel('Search in archive').fill('résumé');
    const results = app.page.getByRole('grid', { name: 'Search results' });
    const hit = rowOf(results, RESUME);
    await hit.waitFor({ timeout: 30_000 });
    expect(await results.getByRole('row').count()).toBe(2);
    await hit.getByText(RESUME, { exact: true }).click();

    // Revealed: its folder is open, the row highlighted.
    await grid().waitFor();
    const revealed = rowOf(grid(), RESUME);
    await revealed.waitFor();
    expect(await revealed.getAttribute('data-revealed')).toBe('true');
    expect(await app.page.getByRole('navigation', { name: 'Folder in archive' }).textContent()).toContain(
      'Reports 2024',
    );
    await app.page.getByLabel(`Select ${RESUME}`).check();

    await app.page
      .getByRole('navigation', { name: 'Folder in archive' })
      .getByRole('button', { name: 'Docs' })
      .click();
    await rowOf(grid(), PHOTOS).waitFor();
    // The keyboard works too: folders come first, Enter opens one, Backspace goes back up.
    await grid().focus();
    await app.page.keyboard.press('Home');
    await app.page.keyboard.press('ArrowDown');
    await app.page.keyboard.press('Enter');
    await rowOf(grid(), 'Q1').waitFor();
    await app.page.keyboard.press('Backspace');
    await rowOf(grid(), PHOTOS).waitFor();
    await app.page.getByLabel(`Select ${PHOTOS}`).check();
    await app.page.getByText('2 items selected (1 folder, 1 file)').waitFor();
    await shot(app.page, 'browser');
  });

  it('previews and restores into a new folder, bytes and mtimes intact', async () => {
    await app.page.getByRole('button', { name: 'Restore…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Restore files' });
    await dialog.getByLabel('Parent folder').fill(restoreParent);
    // Drop the folders above the selection, so the items land directly in the new folder.
    await dialog.getByRole('button', { name: /^Drop the \d+ folders above the selection$/ }).click();
    expect(Number(await dialog.getByLabel('Strip leading folders').inputValue())).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const preview = dialog.getByRole('region', { name: 'Restore preview' });
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.getByText('Already exist').locator('..').textContent()).toContain('0');
    expect(await preview.textContent()).toMatch(/Files\s*3/);
    await app.page.screenshot({ path: SCREENSHOT });

    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await dialog
      .getByRole('heading', { name: 'Restore complete', exact: true })
      .waitFor({ timeout: 120_000 });
    expect(await dialog.getByLabel('Restore result').textContent()).toMatch(/Files restored\s*3/);
    await dialog.getByRole('button', { name: 'Open folder' }).click();
    await dialog.getByText('This window cannot open folders', { exact: false }).waitFor();
    await shot(app.page, 'restored');

    const created = await readdir(restoreParent);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatch(/^Restored docs-one \d{4}-\d\d-\d\d \d\d\.\d\d$/);
    const target = path.join(restoreParent, created[0] ?? '');
    for (const relative of [`Reports 2024/${RESUME}`, `${PHOTOS}/sunset.jpg`, `${PHOTOS}/beach café.png`]) {
      const restored = path.join(target, relative);
      expect(Buffer.compare(await readFile(restored), files[relative] ?? Buffer.alloc(0))).toBe(0);
      expect(Math.floor((await stat(restored)).mtimeMs / 1000)).toBe(MTIME.getTime() / 1000);
    }
    // Only what was ticked: neither notes.md nor the Q1 folder next to the résumé came along.
    expect((await readdir(target)).sort()).toEqual([PHOTOS, 'Reports 2024'].sort());
    expect(await readdir(path.join(target, 'Reports 2024'))).toEqual([RESUME]);
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows conflicts at the original location and skips existing files', async () => {
    const edited = path.join(app.sourceDir, 'Reports 2024', RESUME);
    await writeFile(edited, 'edited since the backup\n');
    await app.page.getByRole('button', { name: 'Restore…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Restore files' });
    await dialog.getByLabel('Restore to original location').check();
    await dialog.getByRole('note').waitFor();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    const conflicts = dialog.getByRole('alert');
    await conflicts.waitFor({ timeout: 60_000 });
    expect(await conflicts.textContent()).toMatch(/3 items already exist/);
    expect(await conflicts.textContent()).toContain(edited);
    await dialog.getByRole('button', { name: 'Overwrite existing files' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Restore', exact: true }).count()).toBe(0);
    await shot(app.page, 'conflicts');

    await dialog.getByRole('button', { name: 'Skip existing files' }).click();
    await dialog
      .getByRole('heading', { name: 'Restore complete', exact: true })
      .waitFor({ timeout: 120_000 });
    expect(await dialog.getByLabel('Restore result').textContent()).toMatch(/Skipped\s*3/);
    await shot(app.page, 'skipped');
    expect(await readFile(edited, 'utf8')).toBe('edited since the backup\n');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('mounts the archive read-only and unmounts it, or says why it cannot', async () => {
    const mount = app.page.getByRole('button', { name: 'Mount', exact: true });
    await expect.poll(() => mount.getAttribute('title'), { timeout: 30_000 }).not.toMatch(/^Checking/);
    if (await mount.isDisabled()) {
      // No FUSE here: the disabled button's tooltip must say why.
      expect(await mount.getAttribute('title')).toMatch(/FUSE|fusermount|mount/i);
      return;
    }
    await mount.click();
    const mounted = app.page.getByRole('group', { name: 'Mounted' });
    await mounted.waitFor({ timeout: 60_000 });
    const mountPoint = (await mounted.locator('code').textContent()) ?? '';
    expect(path.isAbsolute(mountPoint)).toBe(true);
    const notes = path.join(mountPoint, path.relative('/', app.sourceDir), 'notes.md');
    expect(Buffer.compare(await readFile(notes), files['notes.md'] ?? Buffer.alloc(0))).toBe(0);
    await shot(app.page, 'mounted');
    await app.page.getByRole('button', { name: 'Unmount' }).click();
    await mount.waitFor({ timeout: 30_000 });
    await expect(readFile(notes)).rejects.toThrow();
  });

  it('compares two archives and shows the added file', async () => {
    await writeFile(path.join(app.sourceDir, 'new-plan.txt'), 'a new plan\n');
    await app.page.getByRole('button', { name: 'Documents' }).first().click();
    await backUpPath(app.page, app.sourceDir, 'docs-two');
    await app.page.getByRole('button', { name: 'Compare archives' }).click();
    const changes = app.page.getByRole('grid', { name: 'Changes' });
    const added = changes.getByRole('row').filter({ hasText: 'new-plan.txt' });
    await added.waitFor({ timeout: 60_000 });
    expect(await added.textContent()).toMatch(/added/i);
    expect(await app.page.getByRole('button', { name: /^Added/ }).textContent()).toContain('1');
    expect(await changes.getByRole('row').filter({ hasText: RESUME }).textContent()).toMatch(/modified/i);
    await shot(app.page, 'compare');
  });

  it('lists the versions of a file and finds it across archives', async () => {
    await app.page.getByRole('button', { name: 'Documents' }).first().click();
    await app.page.getByRole('button', { name: 'Search all archives' }).click();
    await app.page.getByLabel('Search in all archives').fill(RESUME);
    await app.page.getByRole('button', { name: 'Search', exact: true }).click();
    const hits = app.page.getByRole('list', { name: 'Results by path' });
    await hits.waitFor({ timeout: 60_000 });
    expect(await hits.textContent()).toContain('docs-one');
    await shot(app.page, 'search-all');
    await hits.getByRole('button', { name: 'docs-two' }).click();

    const revealed = rowOf(grid(), RESUME);
    await revealed.waitFor({ timeout: 30_000 });
    expect(await revealed.getAttribute('data-revealed')).toBe('true');
    await revealed.hover();
    await revealed.getByRole('button', { name: 'Versions' }).click();
    const versions = app.page.getByRole('dialog', { name: `Versions of ${RESUME}` });
    const table = versions.getByRole('table', { name: 'Versions' });
    await table.waitFor({ timeout: 60_000 });
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(1).textContent()).toContain('docs-two');
    expect(await rows.nth(1).textContent()).toContain('changed');
    await shot(app.page, 'versions');
    await versions.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('saves a copy of one version under a new name, never over an existing file', async () => {
    const row = rowOf(grid(), RESUME);
    await row.hover();
    await row.getByRole('button', { name: 'Save a copy as…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Save a copy' });
    await dialog.getByLabel('Folder').fill(restoreParent);
    expect(await dialog.getByLabel('File name').inputValue()).toBe(RESUME);
    await dialog.getByLabel('File name').fill('résumé (copy).txt');
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await dialog.getByText('Saved a copy to', { exact: false }).waitFor({ timeout: 60_000 });
    const copy = path.join(restoreParent, 'résumé (copy).txt');
    expect(await readFile(copy, 'utf8')).toBe('edited since the backup\n');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    // The same name again: refused, and the first copy stays as it was.
    await writeFile(copy, 'mine now\n');
    await row.hover();
    await row.getByRole('button', { name: 'Save a copy as…' }).click();
    await dialog.getByLabel('Folder').fill(restoreParent);
    await dialog.getByLabel('File name').fill('résumé (copy).txt');
    await dialog.getByRole('button', { name: 'Save copy' }).click();
    await dialog.getByRole('alert').waitFor({ timeout: 60_000 });
    expect(await dialog.getByRole('alert').textContent()).toMatch(/already exists/);
    expect(await readFile(copy, 'utf8')).toBe('mine now\n');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('ticks a whole folder, then leaves one item of it out', async () => {
    await rowOf(grid(), 'Q1').waitFor();
    await app.page.getByLabel('Select all in this folder').check();
    expect(await app.page.getByLabel('Select Q1').isChecked()).toBe(true);
    expect(await app.page.getByLabel(`Select ${RESUME}`).isChecked()).toBe(true);
    await app.page.getByText('1 item selected').waitFor();
    // Leaving one item out reads the folder first, so the tick changes a moment after the click.
    await app.page.getByLabel(`Select ${RESUME}`).click();
    await expect.poll(() => app.page.getByLabel('Select all in this folder').isChecked()).toBe(false);
    expect(await app.page.getByLabel('Select Q1').isChecked()).toBe(true);
    expect(await app.page.getByLabel(`Select ${RESUME}`).isChecked()).toBe(false);
    await app.page.getByRole('button', { name: 'Restore…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Restore files' });
    expect(await dialog.getByText('1 item from').textContent()).toContain('Q1');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('reveals a search hit far down a long folder, scrolled into view', async () => {
    await app.page.getByLabel('Search in archive').fill('line 1400');
    const results = app.page.getByRole('grid', { name: 'Search results' });
    const hit = rowOf(results, FAR_STATEMENT);
    await hit.waitFor({ timeout: 30_000 });
    await hit.getByText(FAR_STATEMENT, { exact: true }).click();

    // The list only renders rows near its scroll position, so the row exists once it has scrolled there.
    const revealed = rowOf(grid(), FAR_STATEMENT);
    await revealed.waitFor({ timeout: 30_000 });
    expect(await revealed.getAttribute('data-revealed')).toBe('true');
    expect(await app.page.getByRole('navigation', { name: 'Folder in archive' }).textContent()).toContain(
      STATEMENTS,
    );
    expect(await rowOf(grid(), 'line 1.txt').count()).toBe(0);
    const [row, list] = await Promise.all([revealed.boundingBox(), grid().boundingBox()]);
    expect(row).not.toBeNull();
    expect(list).not.toBeNull();
    if (row && list) {
      expect(row.y).toBeGreaterThanOrEqual(list.y);
      expect(row.y + row.height).toBeLessThanOrEqual(list.y + list.height);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
