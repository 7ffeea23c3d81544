/**
 * Borg 2 in Chromium against the browser host and the real borg (BORGDESK_TEST_BORG): two backups
 * with one name make a series of two rows told apart by their short ids; deleting one lists it under
 * Recently deleted, Undelete brings it back; a tag set in the Tags dialog shows in its row; compact's
 * confirmation says it makes deletions final. Borg 1.x deletes for good and keeps no series or
 * tags, so the spec says why it skips there.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpPath, createRepository, removeSuggestedSources } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'soft delete in borg 2';
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

function skipReason(): string | undefined {
  const borg = process.env['BORGDESK_TEST_BORG'];
  if (borg === undefined || borg === '') return 'BORGDESK_TEST_BORG is not set (the system borg is 1.x)';
  const version = execFileSync(borg, ['--version'], { encoding: 'utf8' }).trim();
  return /\b2\.\d+\.\d+/.test(version) ? undefined : `${borg} is ${version}, not borg 2`;
}
const skip = skipReason();
if (skip !== undefined)
  console.log(`[soft-delete.e2e] skipped: ${skip}: soft delete, series and tags are borg 2's`);

describe.skipIf(skip !== undefined)('borg 2 soft delete, series and tags through the browser host', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Notes', fileCount: 3, fileSize: 2000 },
      repo: 'repos/notes-repo',
    });
  });

  afterAll(() => app?.close());

  it('shows a series, deletes and undeletes one archive, and tags it', async () => {
    const { page } = app;
    await createRepository(page, 'Notes', app.repoPath, PASSPHRASE);
    await backUpPath(page, app.sourceDir, 'notes');
    await page.getByRole('button', { name: 'Back up now' }).first().click();
    const again = page.getByRole('dialog', { name: 'Back up now' });
    await removeSuggestedSources(again);
    await again.getByLabel('Folder path').fill(app.sourceDir);
    await again.getByRole('button', { name: 'Add path' }).click();
    await again.getByLabel('Archive name').fill('notes');
    await again.getByRole('button', { name: 'Start backup' }).click();

    const table = page.getByRole('table', { name: 'Archives' });
    const series = table.locator('tbody tr', { hasText: /^notes/ });
    await expect.poll(() => series.count(), { timeout: 120_000 }).toBe(2);
    // Each row of the series names its archive by short id.
    const deleteButtons = table.getByRole('button', { name: /^Delete notes \([0-9a-f]{8}\)$/ });
    expect(await deleteButtons.count()).toBe(2);
    const label = (await deleteButtons.first().getAttribute('aria-label')) ?? '';
    const shortId = /\(([0-9a-f]{8})\)/.exec(label)?.[1] ?? '';
    if (SHOTS !== undefined) {
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'soft-delete-series.png') });
    }

    await deleteButtons.first().click();
    const confirm = page.getByRole('dialog', { name: 'Delete archive?' });
    expect(await confirm.textContent()).toContain(
      'Deleted archives can be restored until the repository is compacted',
    );
    await confirm.getByRole('button', { name: 'Delete archive' }).click();
    const deleting = page.getByRole('region', { name: 'Delete notes from Notes' });
    await deleting.getByText(/^(Succeeded|Completed with warnings|Failed)$/).waitFor({ timeout: 60_000 });
    expect(await deleting.textContent()).toContain('Succeeded');

    const recently = page.getByRole('region', { name: 'Recently deleted' });
    await recently.waitFor({ timeout: 30_000 });
    expect(await recently.textContent()).toContain(
      'Deleted archives can be restored until the repository is compacted.',
    );
    await expect.poll(() => series.count(), { timeout: 30_000 }).toBe(1);
    const undelete = recently.getByRole('button', { name: `Undelete notes (${shortId})` });
    if (SHOTS !== undefined) {
      await recently.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'soft-delete-recently.png') });
    }
    await undelete.click();
    await recently.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => series.count(), { timeout: 30_000 }).toBe(2);

    await table.getByRole('button', { name: `Tags of notes (${shortId})` }).click();
    const tags = page.getByRole('dialog', { name: 'Archive tags' });
    await tags.getByLabel('New tag').fill('has,comma');
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await tags.getByText('A tag cannot hold spaces, commas or control characters.').waitFor();
    await tags.getByLabel('New tag').fill('keep');
    await tags.getByRole('button', { name: 'Add tag' }).click();
    await tags.getByRole('button', { name: 'Save tags' }).click();
    await tags.waitFor({ state: 'detached', timeout: 30_000 });
    // Tagging writes the archive anew (a new id); its row shows the tag.
    const tagged = table.getByLabel(/^Tags on notes \([0-9a-f]{8}\)$/);
    await tagged.waitFor({ timeout: 30_000 });
    expect(await tagged.textContent()).toBe('keep');
    await expect.poll(() => series.count()).toBe(2);
    if (SHOTS !== undefined) {
      await table.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, 'soft-delete-tagged.png') });
    }
    // The version tagging replaced is not offered as a deleted archive.
    expect(await page.getByRole('region', { name: 'Recently deleted' }).count()).toBe(0);

    await page
      .getByRole('region', { name: 'Space on disk' })
      .getByRole('button', { name: 'Compact…' })
      .click();
    const compact = page.getByRole('dialog', { name: 'Compact Notes' });
    expect(await compact.textContent()).toContain('Compacting makes deletions final');
    if (SHOTS !== undefined)
      await page.screenshot({ path: path.join(SHOTS, 'soft-delete-compact.png'), fullPage: true });
    await compact.getByRole('button', { name: 'Cancel' }).click();
    expect(app.consoleErrors).toEqual([]);
  });
});
