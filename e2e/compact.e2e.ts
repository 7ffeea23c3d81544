/**
 * Space in Chromium against the browser host and the real borg: back up a large and a small
 * folder, delete the large archive, see the repository screen say that only compacting frees its
 * space (and about how much), compact, and see what borg freed.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpPath, createRepository } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { testBorgFeatures } from './support/test-borg.js';

const PASSPHRASE = 'compact frees the space 2026';
// Set to a folder to keep a screenshot of the compacted repository screen for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('compact through the browser host', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: {
        folder: 'Media',
        async write(dir) {
          // Random bytes do not compress or deduplicate: the big archive alone holds 5 MiB.
          await mkdir(path.join(dir, 'big'), { recursive: true });
          await mkdir(path.join(dir, 'small'), { recursive: true });
          await writeFile(path.join(dir, 'big', 'video.bin'), randomBytes(5 * 1024 * 1024));
          await writeFile(path.join(dir, 'small', 'notes.txt'), 'small and kept\n');
        },
      },
      repo: 'repos/media-repo',
    });
  });

  afterAll(() => app?.close());

  it('deletes an archive, says compacting frees its space, compacts and shows what was freed', async () => {
    const { page } = app;
    await createRepository(page, 'Media', app.repoPath, PASSPHRASE);
    await backUpPath(page, path.join(app.sourceDir, 'big'), 'media-big');
    await backUpPath(page, path.join(app.sourceDir, 'small'), 'media-small');

    const table = page.getByRole('table', { name: 'Archives' });
    await table.getByRole('button', { name: 'Delete media-big' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete archive?' });
    await confirm.getByRole('button', { name: 'Delete archive' }).click();
    const deleted = page.getByRole('region', { name: 'Delete media-big from Media' });
    await deleted.getByText('Succeeded').waitFor({ timeout: 60_000 });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(1);
    if ((await testBorgFeatures()).softDelete) {
      await compactSoftDeleted(page);
      return;
    }
    await deleted.getByText('freed only when the repository is compacted').waitFor();

    const space = page.getByRole('region', { name: 'Space on disk' });
    const claim = space.getByText(/^About [\d.]+ MB belongs to deleted or pruned archives/);
    await claim.waitFor({ timeout: 30_000 });
    // 5 MiB = 5.24 MB of random data, plus borg's object headers.
    expect(await claim.textContent()).toMatch(/^About 5\.[23] MB/);
    // The Deduplicated tile no longer claims to be what the disk holds.
    if (SHOTS !== undefined) {
      await space.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'compact-before.png') });
    }
    const totals = page.getByLabel('Repository totals');
    expect(await totals.textContent()).not.toContain('actually stored on disk');

    await space.getByRole('button', { name: 'Compact…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compact Media' });
    expect(await dialog.textContent()).toMatch(/frees up to about 5\.[23] MB/);
    await dialog.getByRole('button', { name: 'Compact now' }).click();
    await dialog.waitFor({ state: 'detached' });
    const compacted = page.getByRole('region', { name: 'Compact Media' });
    await compacted.getByText('Succeeded').waitFor({ timeout: 60_000 });
    const freed = compacted.getByTestId('compact-freed');
    expect(await freed.textContent()).toMatch(/^Compacting freed about 5\.[23] MB\.$/);
    // The card follows: nothing left to compact.
    await space.getByText('Nothing worth compacting').waitFor({ timeout: 30_000 });

    if (SHOTS !== undefined) {
      await compacted.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'compact-after.png') });
    }
    expect(app.consoleErrors).toEqual([]);
  });
});

/**
 * borg 2: a delete only marks the archive (no repository totals say how much it holds): it waits under
 * Recently deleted until Compact, whose dialog says it makes deletions final, and then it is gone.
 */
async function compactSoftDeleted(page: AppSession['page']): Promise<void> {
  const recently = page.getByRole('region', { name: 'Recently deleted' });
  await recently.waitFor({ timeout: 30_000 });
  expect(await recently.textContent()).toContain('media-big');
  const space = page.getByRole('region', { name: 'Space on disk' });
  await space.getByRole('button', { name: 'Compact…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compact Media' });
  expect(await dialog.textContent()).toContain('Compacting makes deletions final');
  await dialog.getByRole('button', { name: 'Compact now' }).click();
  await dialog.waitFor({ state: 'detached' });
  const compacted = page.getByRole('region', { name: 'Compact Media' });
  await compacted.getByText('Succeeded').waitFor({ timeout: 60_000 });
  await recently.waitFor({ state: 'detached', timeout: 30_000 });
  if (SHOTS !== undefined)
    await page.screenshot({ path: path.join(SHOTS, 'compact-after.png'), fullPage: true });
}
