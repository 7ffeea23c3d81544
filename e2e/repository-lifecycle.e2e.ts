/**
 * A repository's life as a user clicks it in Chromium against the browser host and the real borg:
 * the repository folder is moved, Edit… renames it and points it at the new folder (borg's
 * "previously located" question answered by that change), an archive is renamed, commented and
 * described, a checkpoint archive is offered for deletion once a complete backup follows it, and
 * Remove from Borgdesk… names the plan that uses it, leaves the data, and the plan stays without a
 * destination that it offers to add.
 */
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpPath, createRepository, goTo, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { createArchive, listArchiveNames } from './support/borg-cli.js';

const PASSPHRASE = 'lifecycle e2e passphrase 5b1f';
const shot = (name: string): string => path.resolve(`e2e/artifacts/lifecycle-${name}.png`);

describe('editing, repointing and removing a repository', () => {
  let app: AppSession;
  let movedPath: string;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Notes', fileCount: 3, fileSize: 2048 },
      repo: 'repos/usb',
    });
    movedPath = path.join(path.dirname(app.repoPath), 'usb-new-mount');
  });

  afterAll(() => app?.close());

  it('repoints a moved repository and renames it', async () => {
    const { page } = app;
    await createRepository(page, 'USB drive', app.repoPath, PASSPHRASE, false);
    await backUpPath(page, app.sourceDir, 'first-backup');
    await savePlan(await openNewPlan(page, 'Documents', app.sourceDir));
    await page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: 'USB drive' }).click();

    await rename(app.repoPath, movedPath);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Could not read the repository').waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Edit…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “USB drive”' });
    await dialog.getByLabel('Repository name').fill('USB drive (new mount)');
    await dialog.getByLabel('Location').fill(movedPath);
    await dialog.getByText('same repository id').waitFor();
    await page.screenshot({ path: shot('edit') });
    await dialog.getByRole('button', { name: 'Check and save' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('heading', { name: 'USB drive (new mount)' }).waitFor();
    expect(await page.locator('header code').first().textContent()).toBe(movedPath);
    await page
      .getByRole('table', { name: 'Archives' })
      .getByText('first-backup')
      .waitFor({ timeout: 30_000 });
    // Borg read the repository at its new place: the error of the failed refresh is gone.
    await page.getByText('Could not read the repository').waitFor({ state: 'detached', timeout: 30_000 });
    await page.screenshot({ path: shot('repointed'), fullPage: true });
  });

  it('renames an archive, sets its comment and shows its info', async () => {
    const { page } = app;
    const table = page.getByRole('table', { name: 'Archives' });
    await table.getByRole('button', { name: 'Info about first-backup' }).click();
    await page.getByRole('dialog', { name: 'Archive info' }).getByRole('button', { name: 'Rename…' }).click();
    let dialog = page.getByRole('dialog', { name: 'Rename archive' });
    await dialog.getByLabel('New name').fill('before/trip');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await dialog.getByText('Archive names cannot contain "/".').waitFor();
    await dialog.getByLabel('New name').fill('before-trip');
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await table.getByText('before-trip').waitFor({ timeout: 30_000 });

    await table.getByRole('button', { name: 'Info about before-trip' }).click();
    await page
      .getByRole('dialog', { name: 'Archive info' })
      .getByRole('button', { name: 'Comment…' })
      .click();
    dialog = page.getByRole('dialog', { name: 'Archive comment' });
    await dialog.getByLabel('Comment').fill('kept for the trip');
    await dialog.getByRole('button', { name: 'Save comment' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await table.getByText('kept for the trip').waitFor({ timeout: 30_000 });
    expect(await listArchiveNames(movedPath, PASSPHRASE, app.host.borgBaseDir)).toEqual(['before-trip']);

    await table.getByRole('button', { name: 'Info about before-trip' }).click();
    dialog = page.getByRole('dialog', { name: 'Archive info' });
    const info = dialog.getByRole('table', { name: 'Archive info' });
    await info.waitFor({ timeout: 30_000 });
    const text = (await info.textContent()) ?? '';
    expect(text).toContain('kept for the trip');
    expect(text).toContain('buzhash');
    expect(text).toContain(app.sourceDir);
    expect(text).toMatch(/Files\s*3/);
    await page.screenshot({ path: shot('info') });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('offers Delete partial for a checkpoint only once a complete backup follows it', async () => {
    const { page } = app;
    // Borg 1.x keeps an interrupted backup as `<name>.checkpoint` (borg itself tells checkpoints by
    // that name): made here by the borg CLI, as a backup cut short would leave it.
    await createArchive(movedPath, 'trip.checkpoint', [app.sourceDir], PASSPHRASE, app.host.borgBaseDir);
    await page.getByRole('button', { name: 'Refresh' }).click();
    const table = page.getByRole('table', { name: 'Archives' });
    const partialRow = table.getByRole('row').filter({ hasText: 'trip.checkpoint' });
    await partialRow.getByText('Partial').waitFor({ timeout: 30_000 });
    // Nothing complete after it yet: the partial archive is all there is of that backup.
    expect(await partialRow.getByRole('button', { name: 'Delete partial' }).count()).toBe(0);

    await backUpPath(page, app.sourceDir, 'after-trip');
    await partialRow.getByRole('button', { name: 'Delete partial' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete archive?' });
    expect(await confirm.textContent()).toContain('trip.checkpoint');
    await confirm.getByRole('button', { name: 'Delete archive' }).click();
    await partialRow.waitFor({ state: 'detached', timeout: 60_000 });
    expect((await listArchiveNames(movedPath, PASSPHRASE, app.host.borgBaseDir)).sort()).toEqual([
      'after-trip',
      'before-trip',
    ]);
  });

  it('removes the repository from Borgdesk, naming its plan; the data stays', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Remove from Borgdesk…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “USB drive (new mount)” from Borgdesk?' });
    const plans = dialog.getByRole('list', { name: 'Plans that use this repository' });
    await plans.waitFor({ timeout: 10_000 });
    expect(await plans.textContent()).toContain('Documents');
    expect(await dialog.textContent()).toContain('Its data is not deleted');
    await page.screenshot({ path: shot('remove') });
    await dialog.getByRole('button', { name: 'Remove from Borgdesk' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    // The sidebar follows the repositories:changed event, which may land just after the dialog closed.
    await expect
      .poll(() => page.getByRole('list', { name: 'Repositories' }).getByRole('button').count())
      .toBe(0);
    expect((await stat(movedPath)).isDirectory()).toBe(true);
    expect((await listArchiveNames(movedPath, PASSPHRASE, app.host.borgBaseDir)).sort()).toEqual([
      'after-trip',
      'before-trip',
    ]);

    await goTo(page, 'Plans');
    const card = page.getByRole('article', { name: 'Documents' });
    await card.getByText('No destination yet').waitFor({ timeout: 10_000 });
    // No empty targets table: the card says what is missing and leads to the editor.
    expect(await card.getByRole('table').count()).toBe(0);
    await page.screenshot({ path: shot('plan-without-destination') });
    await card.getByRole('button', { name: 'Add destination' }).click();
    const editor = page.getByRole('dialog', { name: 'Edit plan “Documents”' });
    const where = editor.getByRole('group', { name: 'Where to and when' });
    await where.getByText('No destination yet').waitFor({ timeout: 10_000 });
    // Every repository was removed: the editor says to add one first instead of offering nothing.
    expect(await where.textContent()).toContain('Add a repository to Borgdesk first');
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await editor.waitFor({ state: 'detached' });
    expect(app.consoleErrors).toEqual([]);
  });
});
