/**
 * An ssh repository as a user meets it, in Chromium against the browser host, the real borg and a
 * real sshd on 127.0.0.1 (src-main/borg/test-sshd.ts): creating it first fails on the server's
 * unknown key, "Check the server's key…" shows the server's real fingerprint, Accept retries and
 * the repository is created. A server that accepts and then says nothing leaves the dialog
 * closable: Cancel stops borg at once. The client key reaches ssh through a real ssh-agent.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  sshdSkipReason,
  startSilentListener,
  startTestSshd,
  type TestListener,
  type TestSshd,
} from '../src-main/borg/test-sshd.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const SCREENSHOT = process.env['SSH_SCREENSHOT'] ?? path.join(os.tmpdir(), 'borgdesk-ssh-host-key.png');
const PASSPHRASE = 'ssh host key passphrase 3';
const skip =
  sshdSkipReason() ?? (existsSync('/usr/bin/ssh-agent') ? undefined : '/usr/bin/ssh-agent is missing');
if (skip !== undefined) console.warn(`Skipping the ssh host key e2e test: ${skip}`);

/** True while some borg process has the silent server's port on its command line. */
async function borgRunsFor(port: number): Promise<boolean> {
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('borg') && cmdline.includes(`127.0.0.1:${port}/`)) return true;
  }
  return false;
}

describe.skipIf(skip !== undefined)('an ssh server Borgdesk has not met before', () => {
  let sshd: TestSshd;
  let silent: TestListener;
  let agent: ResultPromise;
  let app: AppSession;

  beforeAll(async () => {
    sshd = await startTestSshd();
    silent = await startSilentListener();
    const socket = path.join(sshd.dir, 'agent.sock');
    agent = execa('ssh-agent', ['-D', '-a', socket], { reject: false });
    for (let i = 0; i < 100 && !existsSync(socket); i++) await new Promise((r) => setTimeout(r, 50));
    await execa('ssh-add', [sshd.clientKey], { env: { SSH_AUTH_SOCK: socket } });
    app = await openAppSession({ hostEnv: { SSH_AUTH_SOCK: socket } });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    agent?.kill('SIGTERM');
    await agent;
    await silent?.stop();
    await sshd?.stop();
  });

  it('shows the server’s fingerprint, accepts it and then creates the repository', async () => {
    const { page } = app;
    const fingerprint = (
      await execa('ssh-keygen', ['-lf', path.join(sshd.dir, 'host_ed25519.pub')])
    ).stdout.split(' ')[1];
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add repository' });
    await dialog.getByLabel('Repository name').fill('Server');
    await dialog.getByLabel('Location').fill(sshd.location(path.join(app.host.root, 'server-repo')));
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();

    await dialog.getByText('Borgdesk has not connected to this server before').waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Check the server’s key…' }).click();
    const check = page.getByRole('dialog', { name: 'Check the server’s key' });
    await check.getByText(fingerprint ?? 'no fingerprint').waitFor({ timeout: 20_000 });
    await page.screenshot({ path: SCREENSHOT });
    await check.getByRole('button', { name: 'Accept key' }).click();

    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('heading', { name: 'Server', exact: true }).waitFor({ timeout: 30_000 });
    expect(existsSync(path.join(app.host.root, 'server-repo', 'config'))).toBe(true);
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);

  it('warns loudly about a changed key and replaces it only once the user says they know why', async () => {
    const { page } = app;
    const other = path.join(sshd.dir, 'impostor');
    await execa('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const impostor = (await readFile(`${other}.pub`, 'utf8')).split(' ').slice(0, 2).join(' ');
    // What Borgdesk accepted earlier no longer matches the server: as after a reinstall, or an attack.
    await writeFile(
      path.join(app.host.root, 'config', 'known_hosts'),
      `[127.0.0.1]:${sshd.port} ${impostor}\n`,
    );
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByText('WARNING: the server’s key has changed').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Check the server’s key…' }).click();
    const check = page.getByRole('dialog', { name: 'The server’s key has changed' });
    await check.getByRole('list', { name: 'Accepted before' }).waitFor({ timeout: 20_000 });
    const replace = check.getByRole('button', { name: 'Replace the key' });
    expect(await replace.isDisabled()).toBe(true);
    await check.getByRole('checkbox', { name: /I know why this server’s key changed/ }).check();
    if (process.env['SSH_CHANGED_SCREENSHOT'])
      await page.screenshot({ path: process.env['SSH_CHANGED_SCREENSHOT'] });
    await replace.click();
    await check.waitFor({ state: 'detached', timeout: 20_000 });
    await page
      .getByText('WARNING: the server’s key has changed')
      .waitFor({ state: 'detached', timeout: 30_000 });
    expect(await readFile(path.join(app.host.root, 'config', 'known_hosts'), 'utf8')).not.toContain(impostor);
  }, 90_000);

  it('keeps the dialog closable while borg waits for a silent server, and Cancel stops it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add repository' });
    await dialog.getByRole('tab', { name: 'Open existing' }).click();
    await dialog.getByLabel('Repository name').fill('Silent');
    await dialog.getByLabel('Location').fill(`ssh://root@127.0.0.1:${silent.port}/srv/borg`);
    await dialog.getByRole('button', { name: 'Open repository', exact: true }).click();
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
    await cancel.waitFor({ timeout: 10_000 });
    for (let i = 0; i < 50 && !(await borgRunsFor(silent.port)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await borgRunsFor(silent.port)).toBe(true);
    const started = Date.now();
    await cancel.click();
    await dialog.waitFor({ state: 'detached', timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Cancel stopped borg itself, not just the dialog (it would otherwise wait for ssh's timeout).
    for (let i = 0; i < 60 && (await borgRunsFor(silent.port)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await borgRunsFor(silent.port)).toBe(false);
    await expect(page.getByRole('heading', { name: 'Silent', exact: true }).count()).resolves.toBe(0);
  }, 60_000);
});
