/**
 * SSH keys as a user meets them in Chromium against the browser host and the real ssh-keygen: the
 * SSH key card of a repository on a server generates Borgdesk's key, shows its public key and the
 * authorized_keys line restricted to the repository's path, and copies both; the choice is stored
 * with the repository. Adding a repository at an ssh:// location offers the same chooser before borg connects.
 */
import { readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from './support/app-session.js';

const SCREENSHOT = path.resolve('e2e/artifacts/ssh-key-card.png');
const ADD_SCREENSHOT = path.resolve('e2e/artifacts/ssh-key-add.png');
// Nothing listens on port 1: borg's ssh fails at once, and the screen still offers the key card.
const LOCATION = 'ssh://backup@127.0.0.1:1/~/borg/laptop backups';

describe('SSH keys', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession();
    // A repository on a server, as Borgdesk would have stored it (there is no server to add it from).
    const configDir = path.join(app.host.root, 'config');
    await mkdir(configDir, { recursive: true });
    const repositories = [{ id: 'nas', name: 'NAS', location: LOCATION, needsPassphrase: false }];
    await writeFile(path.join(configDir, 'repositories.json'), JSON.stringify({ version: 1, repositories }));
    // A key of the user's own that needs a passphrase: listed, but not to be chosen.
    await mkdir(path.join(app.host.homeDir, '.ssh'), { recursive: true, mode: 0o700 });
    const locked = path.join(app.host.homeDir, '.ssh', 'id_ed25519');
    await execa('ssh-keygen', [
      '-t',
      'ed25519',
      '-N',
      'typed at login',
      '-C',
      'me@laptop',
      '-f',
      locked,
      '-q',
    ]);
    await app.restartHost();
    // The first page's connection to the stopped host failed, as it does on any restart.
    app.consoleErrors.length = 0;
    await app.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.host.url).origin,
    });
  }, 60_000);

  afterAll(() => app?.close());

  it('generates Borgdesk’s key on the repository screen and copies the restricted line', async () => {
    const { page } = app;
    await page.getByRole('button', { name: /NAS/ }).first().click();
    const card = page.getByRole('region', { name: 'SSH key' });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.getByLabel('Log in with').inputValue()).toBe('');
    const lockedOption = card.getByRole('option', { name: /^~\/\.ssh\/id_ed25519 .*needs a passphrase$/ });
    await lockedOption.waitFor({ state: 'attached', timeout: 30_000 });
    expect(await lockedOption.isDisabled()).toBe(true);
    await card.getByRole('button', { name: 'Generate a key for Borgdesk' }).click();

    const line = card.getByLabel('authorized_keys line', { exact: true });
    await line.getByText('command="borg serve').waitFor({ timeout: 30_000 });
    const keyFile = path.join(app.host.root, 'config', 'ssh', 'borgdesk_ed25519');
    const publicKey = (await readFile(`${keyFile}.pub`, 'utf8')).trim();
    expect(publicKey).toMatch(/^ssh-ed25519 \S+ borgdesk@/);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await card.getByLabel('Public key', { exact: true }).textContent()).toBe(publicKey);
    const expectedLine = `command="borg serve --restrict-to-path ~/'borg/laptop backups'",restrict ${publicKey}`;
    expect(await line.textContent()).toBe(expectedLine);
    expect(await card.getByLabel('Log in with').inputValue()).toBe(keyFile);
    await card.getByText('Logs in with borgdesk_ed25519').waitFor();
    await card.getByRole('list', { name: 'How to let the key in' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });

    await card.getByRole('button', { name: 'Copy authorized_keys line' }).click();
    await card.getByRole('button', { name: 'Copy authorized_keys line' }).getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedLine);
    await card.getByRole('button', { name: 'Copy public key' }).click();
    await card.getByRole('button', { name: 'Copy public key' }).getByText('Copied').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(publicKey);

    await card.getByLabel(/Append-only/).check();
    await line.getByText('--append-only').waitFor({ timeout: 10_000 });
    expect(await line.textContent()).toContain('borg serve --append-only --restrict-to-path');

    const stored = JSON.parse(
      await readFile(path.join(app.host.root, 'config', 'repositories.json'), 'utf8'),
    );
    expect(stored.repositories[0].sshKey).toBe(keyFile);
    expect(await page.content()).not.toContain('PRIVATE KEY');
    expect(app.consoleErrors).toEqual([]);
  });

  it('offers the key while adding a repository at an ssh:// location', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Location').fill('/media/usb/backups');
    expect(await dialog.getByText('Log in with').count()).toBe(0);
    await dialog.getByLabel('Location').fill('ssh://backup@nas.example/srv/borg/new');
    const chooser = dialog.getByLabel('Log in with');
    await chooser.waitFor({ timeout: 10_000 });
    const keyFile = path.join(app.host.root, 'config', 'ssh', 'borgdesk_ed25519');
    await chooser.selectOption(keyFile);
    const line = dialog.getByLabel('authorized_keys line', { exact: true });
    await line.getByText('--restrict-to-path /srv/borg/new').waitFor({ timeout: 10_000 });
    // Borgdesk's key exists now: no second Generate.
    expect(await dialog.getByRole('button', { name: 'Generate a key for Borgdesk' }).count()).toBe(0);
    await page.screenshot({ path: ADD_SCREENSHOT });
    expect(app.consoleErrors).toEqual([]);
  });
});
