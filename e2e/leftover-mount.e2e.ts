/**
 * A mount the host left behind, as a user meets it, in Chromium against the browser host and the
 * real borg with FUSE: the repository is mounted, a program keeps a file of it open, and the host is
 * killed (SIGKILL). After the restart the Overview's "Needs attention" card lists the mount, the
 * repository screen offers Unmount instead of Mount, Unmount says the mount is busy, and Force
 * unmount… (explained first) takes it away. Skipped, with the reason, where FUSE cannot work.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rm, writeFile, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpPath, createRepository, goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'left mounted 4410';
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];
const skipReason =
  process.platform !== 'linux'
    ? 'it needs Linux'
    : !existsSync('/dev/fuse')
      ? '/dev/fuse is missing'
      : !existsSync('/usr/bin/fusermount') && !existsSync('/usr/bin/fusermount3')
        ? 'fusermount is missing'
        : undefined;
if (skipReason !== undefined) console.warn(`[skip] leftover mount e2e: ${skipReason}`);

describe.skipIf(skipReason !== undefined)('a busy mount left by a killed host', () => {
  let app: AppSession;
  let tmpDir: string;
  let held: FileHandle | undefined;

  beforeAll(async () => {
    tmpDir = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-e2e-mounts-'));
    app = await openAppSession({
      hostEnv: { TMPDIR: tmpDir },
      source: { folder: 'Documents', write: (dir) => writeNote(dir) },
      repo: 'backups/borg',
    });
  });

  afterAll(async () => {
    await held?.close().catch(() => undefined);
    await app?.close();
    await rm(tmpDir, { recursive: true, force: true });
  });

  it('is listed after the restart and can be force-unmounted', async () => {
    const { page } = app;
    await createRepository(page, 'Mounted', app.repoPath, PASSPHRASE);
    await backUpPath(page, app.sourceDir, 'one');
    const mountButton = page.getByRole('button', { name: 'Mount repository' });
    await expect.poll(() => mountButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    await mountButton.click();
    const banner = page.getByRole('group', { name: 'Mounted' });
    await banner.waitFor({ timeout: 60_000 });
    const mountPoint = (await banner.locator('code').textContent()) ?? '';
    expect(path.dirname(mountPoint)).toBe(tmpDir);
    // A program keeps a file open in the mount while Borgdesk dies.
    held = await open(path.join(mountPoint, 'one', app.sourceDir.slice(1), 'note.txt'), 'r');
    await app.restartHost('SIGKILL');

    const card = page.getByRole('region', { name: 'Needs attention' });
    const item = card.getByRole('list', { name: 'Mounts left behind' }).getByRole('listitem');
    await item.waitFor({ timeout: 30_000 });
    await expect.poll(() => item.textContent()).toContain(mountPoint);
    expect(await item.textContent()).toContain('Still mounted');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'leftover-mount-overview.png') });

    // The repository screen (locked now: the passphrase was in the killed host's memory) lists it
    // too, with Unmount, and no Mount.
    await item.getByRole('button', { name: 'Show the repository' }).click();
    await page.getByRole('heading', { name: 'Mounted', level: 1 }).waitFor();
    const onScreen = page.getByRole('region', { name: 'Still mounted' });
    await onScreen.getByRole('button', { name: 'Unmount', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Mount repository' }).count()).toBe(0);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'leftover-mount-repository.png') });

    await goTo(page, 'Overview');
    await item.getByRole('button', { name: 'Unmount', exact: true }).click();
    await item.getByRole('alert').filter({ hasText: 'a program still uses files in it' }).waitFor();
    await item.getByRole('button', { name: 'Force unmount…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Force unmount?' });
    expect(await dialog.textContent()).toContain('frees the repository for backups again');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'leftover-mount-force.png') });
    await dialog.getByRole('button', { name: 'Force unmount', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await card.getByRole('list', { name: 'Mounts left behind' }).waitFor({ state: 'detached' });
    expect(existsSync(mountPoint)).toBe(false);
    expect(await readdir(tmpDir)).toEqual([]);
    // The page tried its socket while the host was dead; nothing else may have gone wrong.
    expect(app.consoleErrors.filter((e) => !e.includes('ERR_CONNECTION_REFUSED'))).toEqual([]);
  });
});

async function writeNote(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'note.txt'), 'open while Borgdesk is killed\n');
}
