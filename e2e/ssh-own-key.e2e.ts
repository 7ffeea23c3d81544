/**
 * A repository on a server with Borgdesk's own SSH key, as a user sets it up, in Chromium against
 * the browser host, the real borg and a real sshd (src-main/borg/test-sshd.ts): Add repository at an
 * ssh:// location, generate Borgdesk's key in the chooser, copy the restricted authorized_keys line
 * (the test pastes it into the server's authorized_keys, which trusts nothing else), Create, check
 * and accept the server's unknown key, then Back up now. There is no ssh-agent and no key in ~/.ssh:
 * borg can only log in when Borgdesk hands ssh the key it generated.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBorgRsh } from '../src-main/borg/ssh-command.js';
import { sshdSkipReason, startTestSshd, type TestSshd } from '../src-main/borg/test-sshd.js';
import { backUpPath } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const KEY_SCREENSHOT = path.resolve('e2e/artifacts/ssh-own-key-generated.png');
const DONE_SCREENSHOT = path.resolve('e2e/artifacts/ssh-own-key-backed-up.png');
const LOCK_SCREENSHOT = path.resolve('e2e/artifacts/ssh-own-key-lock.png');
const PASSPHRASE = 'own key over ssh 5';
const skip = sshdSkipReason();
if (skip !== undefined) console.warn(`Skipping the ssh own-key e2e test: ${skip}`);

describe.skipIf(skip !== undefined)('a repository on a server with Borgdesk’s own key', () => {
  const savedAgent = process.env['SSH_AUTH_SOCK'];
  let sshd: TestSshd;
  let app: AppSession;
  let repoPath: string;

  beforeAll(async () => {
    delete process.env['SSH_AUTH_SOCK'];
    sshd = await startTestSshd();
    // The server trusts no key until the user pastes Borgdesk's line.
    await writeFile(path.join(sshd.dir, 'authorized_keys'), '');
    app = await openAppSession({
      hostEnv: { SSH_AUTH_SOCK: '' },
      source: { folder: 'Documents', fileCount: 5, fileSize: 2_000 },
    });
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.host.url).origin,
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await sshd?.stop();
    if (savedAgent !== undefined) process.env['SSH_AUTH_SOCK'] = savedAgent;
  });

  it('generates the key, installs its line, accepts the server and backs up', async () => {
    const { page } = app;
    // ssh looks for keys in the passwd home (not $HOME): there must be none for this to prove anything.
    const ownKeys = (await readdir(path.join(os.userInfo().homedir, '.ssh')).catch(() => [])).filter((n) =>
      n.startsWith('id_'),
    );
    expect(ownKeys).toEqual([]);
    repoPath = path.join(app.host.root, 'server', 'laptop');
    // The backup folder on the server exists; borg init makes the repository inside it.
    await mkdir(path.dirname(repoPath));
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add repository' });
    await dialog.getByLabel('Repository name').fill('Server');
    await dialog.getByLabel('Location').fill(sshd.location(repoPath));
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);

    await dialog.getByRole('button', { name: 'Generate a key for Borgdesk' }).click();
    const keyFile = path.join(app.host.root, 'config', 'ssh', 'borgdesk_ed25519');
    const line = dialog.getByLabel('authorized_keys line', { exact: true });
    await line.getByText(`--restrict-to-path ${repoPath}`).waitFor({ timeout: 30_000 });
    expect(await dialog.getByLabel('Log in with').inputValue()).toBe(keyFile);
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: KEY_SCREENSHOT });
    const copy = dialog.getByRole('button', { name: 'Copy authorized_keys line' });
    await copy.click();
    await copy.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(
      new RegExp(`^command="borg serve --restrict-to-path ${repoPath}",restrict ssh-ed25519 \\S+ borgdesk@`),
    );
    await writeFile(path.join(sshd.dir, 'authorized_keys'), `${copied}\n`);

    await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();
    await dialog.getByText('Borgdesk has not connected to this server before').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Check the server’s key…' }).click();
    const check = page.getByRole('dialog', { name: 'Check the server’s key' });
    const fingerprint = (
      await execa('ssh-keygen', ['-lf', path.join(sshd.dir, 'host_ed25519.pub')])
    ).stdout.split(' ')[1];
    await check.getByText(fingerprint ?? 'no fingerprint').waitFor({ timeout: 20_000 });
    await check.getByRole('button', { name: 'Accept key' }).click();

    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('heading', { name: 'Server', exact: true }).waitFor({ timeout: 60_000 });
    expect(existsSync(path.join(repoPath, 'config'))).toBe(true);

    await backUpPath(page, app.sourceDir, 'first-over-ssh');
    await page.screenshot({ path: DONE_SCREENSHOT });
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);

  it('names the borg on this computer that holds the server’s lock, and Wait then backs up', async () => {
    const { page } = app;
    const config = path.join(app.host.root, 'config');
    // The user's own borg in a terminal, logged in with the same key, holding the lock for a while.
    const holder = execa('borg', ['with-lock', sshd.location(repoPath), 'sleep', '12'], {
      env: {
        BORG_BASE_DIR: app.host.borgBaseDir,
        BORG_PASSPHRASE: PASSPHRASE,
        BORG_RSH: buildBorgRsh({
          knownHostsFile: path.join(config, 'known_hosts'),
          identityFile: path.join(config, 'ssh', 'borgdesk_ed25519'),
        }),
        SSH_AUTH_SOCK: '',
      },
      reject: false,
      all: true,
    });
    for (let i = 0; i < 200 && !existsSync(path.join(repoPath, 'lock.exclusive')); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(
      existsSync(path.join(repoPath, 'lock.exclusive')),
      String(await Promise.race([holder.then((r) => r.all ?? r.stderr), 'still running'])),
    ).toBe(true);
    await page.getByRole('button', { name: 'Back up now' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Back up now' });
    await dialog.getByLabel('Archive name').fill('after-the-lock');
    await dialog.getByRole('button', { name: 'Start backup' }).click();
    await page.getByRole('heading', { name: 'Backup failed' }).waitFor({ timeout: 60_000 });
    const lock = page.getByLabel('Repository lock');
    await lock.getByText(/That process is still running/).waitFor({ timeout: 10_000 });
    expect(await lock.textContent()).toContain(`Borg process ${holder.pid ?? 0} on this computer`);
    await page.screenshot({ path: LOCK_SCREENSHOT });
    await lock.getByLabel('Wait up to').selectOption('60');
    await lock.getByRole('button', { name: 'Wait', exact: true }).click();
    await page.getByRole('heading', { name: 'Backup complete' }).waitFor({ timeout: 90_000 });
    expect((await holder).exitCode).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  }, 150_000);
});
