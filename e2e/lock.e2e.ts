/**
 * A stale repository lock as a user meets it, in Chromium against the browser host and the real
 * borg: a `borg with-lock` killed with SIGKILL (taken under another node id of this host name, as
 * after a new network card, which borg 1.2 never clears by itself) makes the backup fail; the
 * result names the holder as a dead process on this computer, Break lock removes the lock, and
 * Back up now then succeeds.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  backUpPath,
  createRepository,
  goTo,
  openNewPlan,
  removeSuggestedSources,
  savePlan,
} from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'stale lock passphrase 7';
const SCREENSHOT = process.env['LOCK_SCREENSHOT'] ?? path.join(os.tmpdir(), 'borgdesk-lock.png');

/** Take the repository's lock with the real borg and kill borg and its command with SIGKILL. */
async function leaveStaleLock(app: AppSession): Promise<number> {
  const pidFile = path.join(app.host.root, 'holder.pid');
  const holder = execa(
    'borg',
    ['with-lock', app.repoPath, 'sh', '-c', `echo $$ > '${pidFile}'; exec sleep 60`],
    { env: { BORG_BASE_DIR: app.host.borgBaseDir, BORG_HOST_ID: `${os.hostname()}@1` }, reject: false },
  );
  for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
  const sleeper = Number((await readFile(pidFile, 'utf8')).trim());
  const borgPid = holder.pid ?? 0;
  process.kill(borgPid, 'SIGKILL');
  process.kill(sleeper, 'SIGKILL');
  await holder;
  for (let i = 0; i < 200 && alive(sleeper); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(sleeper)).toBe(false);
  expect(existsSync(path.join(app.repoPath, 'lock.exclusive'))).toBe(true);
  return borgPid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a stale repository lock', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Letters', fileCount: 3, fileSize: 4096 },
      repo: 'repos/locked-repo',
    });
  });

  afterAll(() => app?.close());

  it('fails the backup naming the dead holder, breaks the lock, and the next backup works', async () => {
    const { page } = app;
    await createRepository(page, 'Letters', app.repoPath, PASSPHRASE);
    const holderPid = await leaveStaleLock(app);
    // Reading the repository fails on the lock too; the repository screen names the holder.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('Could not read the repository').waitFor({ timeout: 30_000 });
    const readLock = page.getByLabel('Repository lock');
    await readLock.getByText(/it is stale/).waitFor({ timeout: 10_000 });
    await readLock.getByRole('button', { name: 'Try again' }).waitFor();
    await readLock.getByRole('button', { name: 'Break lock', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Back up now' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Back up now' });
    await removeSuggestedSources(dialog);
    await dialog.getByLabel('Folder path').fill(app.sourceDir);
    await dialog.getByRole('button', { name: 'Add path' }).click();
    await dialog.getByLabel('Archive name').fill('blocked');
    await dialog.getByRole('button', { name: 'Start backup' }).click();

    await page.getByRole('heading', { name: 'Backup failed' }).waitFor({ timeout: 60_000 });
    const lock = page.getByLabel('Repository lock');
    await lock.getByText(/no longer running/).waitFor({ timeout: 10_000 });
    const text = await lock.textContent();
    expect(text).toContain(`Borg process ${holderPid} on this computer (${os.hostname()})`);
    expect(text).toContain('it is stale');
    await page.getByRole('button', { name: 'Wait', exact: true }).waitFor();
    await page.screenshot({ path: SCREENSHOT });

    await lock.getByRole('button', { name: 'Break lock', exact: true }).click();
    await lock.getByText('The lock is removed. Run the task again.').waitFor({ timeout: 30_000 });
    expect(existsSync(path.join(app.repoPath, 'lock.exclusive'))).toBe(false);

    await backUpPath(page, app.sourceDir, 'after-break');
    expect(await page.getByRole('heading', { name: 'Backup complete' }).count()).toBe(1);
    expect(app.consoleErrors).toEqual([]);
  });

  it('names a running holder, asks before breaking its lock, and Wait backs up once it lets go', async () => {
    const { page } = app;
    // Made before the lock is taken: its Run now queues a backup behind the Wait below.
    await savePlan(await openNewPlan(page, 'Queued letters', app.sourceDir));
    await page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: 'Letters' }).click();
    // A live holder on this computer with borg's own host id: it lets go after 25 s.
    const holder = execa('borg', ['with-lock', app.repoPath, 'sleep', '25'], {
      env: { BORG_BASE_DIR: app.host.borgBaseDir },
      reject: false,
    });
    for (let i = 0; i < 200 && !existsSync(path.join(app.repoPath, 'lock.exclusive')); i++)
      await new Promise((r) => setTimeout(r, 50));
    await page.getByRole('button', { name: 'Back up now' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Back up now' });
    await dialog.getByLabel('Archive name').fill('waited');
    await dialog.getByRole('button', { name: 'Start backup' }).click();
    await page.getByRole('heading', { name: 'Backup failed' }).waitFor({ timeout: 60_000 });
    const lock = page.getByLabel('Repository lock');
    await lock.getByText(/That process is still running/).waitFor({ timeout: 10_000 });
    expect(await lock.textContent()).toContain(`Borg process ${holder.pid ?? 0} on this computer`);

    await lock.getByRole('button', { name: 'Break lock…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Break the repository lock?' });
    expect(await confirm.textContent()).toContain('damage the repository');
    expect(await confirm.textContent()).toContain('No borg runs on this computer now');
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-confirm.png') });
    expect(await confirm.getByRole('button', { name: 'Break lock', exact: true }).isDisabled()).toBe(true);
    await confirm.getByRole('button', { name: 'Keep the lock' }).click();
    await confirm.waitFor({ state: 'detached' });

    await lock.getByLabel('Wait up to').selectOption('60');
    await lock.getByRole('button', { name: 'Wait', exact: true }).click();
    // While borg waits, the running card says for how long and for whom.
    const waiting = `Waiting up to 60 s for the lock held by borg (pid ${holder.pid ?? 0}) on this computer`;
    await page.getByText(waiting).waitFor({ timeout: 30_000 });

    // A plan's backup started now queues behind the waiting job, says so, and can be cancelled.
    await goTo(page, 'Plans');
    await page
      .getByRole('article', { name: 'Queued letters' })
      .getByRole('button', { name: 'Run now' })
      .click();
    await page.getByText('Backup started.').waitFor({ timeout: 10_000 });
    await page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: 'Letters' }).click();
    const queued = page.locator('.job-card').filter({ hasText: 'Queued' });
    await queued.getByText('Waiting for “Back up to Letters” to finish').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: SCREENSHOT.replace(/\.png$/, '-queued.png') });
    await queued.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Backup cancelled' }).waitFor({ timeout: 10_000 });

    expect((await holder).exitCode).toBe(0);
    await page.getByRole('table', { name: 'Archives' }).getByText('waited').waitFor({ timeout: 90_000 });
    // The cancelled backup never ran: only the waited one is in the repository.
    await goTo(page, 'History');
    await page.getByRole('row').filter({ hasText: 'Cancelled' }).first().waitFor({ timeout: 10_000 });
    expect(app.consoleErrors).toEqual([]);
  });
});
