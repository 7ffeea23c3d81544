/**
 * A borg 2 repository on an sftp server (no borg on the server), as a user sets it up, in Chromium
 * against the browser host, borg 2 and the tests' own sshd (its sftp subsystem): Add repository →
 * Where: "SFTP server", an sftp:// location, Borgdesk's own key (its authorized_keys line has no
 * borg serve), Create, check and accept the server's unknown key, then Back up now. Runs with
 * BORGDESK_TEST_BORG=<a borg 2 whose Python has paramiko>; otherwise it says why it skips.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openableLocationSchemes } from '../src-main/borg/location-backends.js';
import { testBorgCapabilities, TEST_BORG } from '../src-main/borg/test-sandbox.js';
import { sshdSkipReason, startTestSshd, type TestSshd } from '../src-main/borg/test-sshd.js';
import { backUpPath } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const DIALOG_SCREENSHOT = path.resolve('e2e/artifacts/sftp-add-dialog.png');
const DONE_SCREENSHOT = path.resolve('e2e/artifacts/sftp-backed-up.png');
const PASSPHRASE = 'borg 2 over sftp 7';

async function skipReason(): Promise<string | undefined> {
  const sshd = sshdSkipReason();
  if (sshd !== undefined) return sshd;
  const caps = await testBorgCapabilities();
  if (!caps.extraLocationSchemes.includes('sftp'))
    return `${TEST_BORG} is borg ${caps.version}; sftp:// needs borg 2 (set BORGDESK_TEST_BORG)`;
  const openable = await openableLocationSchemes(TEST_BORG, caps.extraLocationSchemes, process.env);
  return openable.includes('sftp') ? undefined : `borg ${caps.version} cannot import paramiko`;
}
const skip = await skipReason();
if (skip !== undefined) console.warn(`Skipping the sftp repository e2e test: ${skip}`);

describe.skipIf(skip !== undefined)('a borg 2 repository on an sftp server', () => {
  const savedAgent = process.env['SSH_AUTH_SOCK'];
  let sshd: TestSshd;
  let app: AppSession;

  beforeAll(async () => {
    delete process.env['SSH_AUTH_SOCK'];
    sshd = await startTestSshd();
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

  it('creates the repository over sftp with Borgdesk’s key, accepts the server and backs up', async () => {
    const { page } = app;
    const repoPath = path.join(app.host.root, 'sftp-server', 'laptop');
    await mkdir(path.dirname(repoPath));
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add repository' });
    await dialog.getByLabel('Repository name').fill('SFTP box');
    await dialog.getByLabel('Where').selectOption('sftp');
    expect(await dialog.getByLabel('Location').inputValue()).toBe('sftp://');
    expect(await dialog.getByRole('button', { name: 'Browse…' }).count()).toBe(0);
    // An absolute path on the server: the "/" after the port separates, the path's own "/" follows.
    await dialog.getByLabel('Location').fill(`sftp://${sshd.user}@127.0.0.1:${sshd.port}/${repoPath}`);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);

    await dialog.getByRole('button', { name: 'Generate a key for Borgdesk' }).click();
    const line = dialog.getByLabel('authorized_keys line', { exact: true });
    await line.getByText(/^restrict ssh-ed25519 /).waitFor({ timeout: 30_000 });
    await dialog
      .getByText('The server needs sftp (OpenSSH has it on), not borg.', { exact: false })
      .waitFor();
    await line.scrollIntoViewIfNeeded();
    await page.screenshot({ path: DIALOG_SCREENSHOT });
    const copy = dialog.getByRole('button', { name: 'Copy authorized_keys line' });
    await copy.click();
    await copy.getByText('Copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^restrict ssh-ed25519 \S+ borgdesk@/);
    await writeFile(path.join(sshd.dir, 'authorized_keys'), `${copied}\n`);

    await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();
    await dialog.getByText('Borgdesk has not connected to this server before').waitFor({ timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Check the server’s key…' }).click();
    const check = page.getByRole('dialog', { name: 'Check the server’s key' });
    const fingerprint = (
      await execa('ssh-keygen', ['-lf', path.join(sshd.dir, 'host_ed25519.pub')])
    ).stdout.split(' ')[1];
    await check.getByText(fingerprint ?? 'no fingerprint').waitFor({ timeout: 20_000 });
    await check.getByRole('button', { name: 'Accept key' }).click();

    await dialog.waitFor({ state: 'detached', timeout: 90_000 });
    await page.getByRole('heading', { name: 'SFTP box', exact: true }).waitFor({ timeout: 60_000 });
    // borgstore's layout (borg 2), made over sftp on the "server"
    expect(existsSync(path.join(repoPath, 'config'))).toBe(true);

    await backUpPath(page, app.sourceDir, 'first-over-sftp');
    expect(existsSync(path.join(repoPath, 'archives'))).toBe(true);
    await page.screenshot({ path: DONE_SCREENSHOT });
    expect(app.consoleErrors).toEqual([]);
  }, 240_000);
});
