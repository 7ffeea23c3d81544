/**
 * Keys and the recovery kit as a user meets them, in Chromium against the browser host and the real
 * borg: a keyfile repository is created (the dialog says where its key will live), the Overview
 * says its key is only on this computer, the Key and passphrase card shows the paper key and the
 * recovery kit (its content checked inside the printable frame, then the attention line is gone),
 * and the self-test passes with the passphrase and fails with a wrong one. Then the key file is
 * deleted, as on a new computer, and the typed paper key brings the repository back.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'paper and pencil 5521';
const NAME = 'Laptop keys';
const SCREENSHOT = 'docs/screenshot-recovery-kit.png';
// Set to a folder to also save shots of the key card and the self-test for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('keys and the recovery kit', () => {
  let app: AppSession;
  const keyCard = () => app.page.getByRole('region', { name: 'Key and passphrase' });

  beforeAll(async () => {
    app = await openAppSession({ repo: 'backups/laptop' });
  });

  afterAll(() => app?.close());

  it('creates a keyfile repository and says where its key lives', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Repository name').fill(NAME);
    await dialog.getByLabel('Location').fill(app.repoPath);
    await dialog.getByLabel('Encryption').selectOption('keyfile-blake2');
    const note = dialog.getByRole('note');
    await note.getByText('The key will live only on this computer').waitFor();
    await note.locator('code').waitFor();
    expect(await note.locator('code').textContent()).toMatch(/borg\/keys$/);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await dialog.getByLabel('Confirm passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();
    await page.getByRole('heading', { name: NAME }).waitFor({ timeout: 30_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });

  it('lists the unexported key under Needs attention', async () => {
    await goTo(app.page, 'Overview');
    const list = app.page.getByRole('list', { name: 'Keys needing attention' });
    await list.waitFor();
    expect(await list.textContent()).toContain(NAME);
    await list.getByRole('button', { name: 'Export the key or print a recovery kit' }).click();
    await keyCard().waitFor();
    expect(await keyCard().textContent()).toContain('Key never exported');
  });

  it('shows the paper key and a printable recovery kit with everything needed to restore', async () => {
    await keyCard().getByRole('button', { name: 'Paper key' }).click();
    const paper = keyCard().getByLabel('Paper key', { exact: true });
    await paper.waitFor();
    expect(await paper.textContent()).toContain('BORG PAPER KEY v1');

    await keyCard().getByRole('button', { name: 'Print recovery kit' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Recovery kit' });
    await dialog.waitFor();
    const kit = dialog.frameLocator('iframe[title="Recovery kit"]');
    await kit.getByRole('heading', { name: 'Recovery kit' }).waitFor();
    const facts = (await kit.locator('table').textContent()) ?? '';
    expect(facts).toContain(NAME);
    expect(facts).toContain(app.repoPath);
    expect(facts).toContain('keyfile-blake2');
    expect(facts).toMatch(/Repository id[0-9a-f]{64}/);
    expect(facts).toMatch(/Printed\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
    expect(await kit.locator('#paper-key').textContent()).toContain('BORG PAPER KEY v1');
    const commands = (await kit.locator('#commands').textContent()) ?? '';
    expect(commands).toContain(`borg key import --paper ${app.repoPath}`);
    expect(commands).toContain(`borg list ${app.repoPath}`);
    expect(commands).toContain(`borg extract ${app.repoPath}::ARCHIVE`);
    expect(await kit.locator('.write').count()).toBe(2);
    await dialog.screenshot({ path: SCREENSHOT });
    // Print… calls the kit frame's own print() (same origin, no scripts); count the calls.
    await kit.locator('body').evaluate(() => {
      const view = window as Window & { printed?: number };
      view.printed = 0;
      view.print = () => void (view.printed = (view.printed ?? 0) + 1);
    });
    await dialog.getByRole('button', { name: 'Print…' }).click();
    expect(await kit.locator('body').evaluate(() => (window as Window & { printed?: number }).printed)).toBe(
      1,
    );
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    await dialog.waitFor({ state: 'detached' });
    expect(await keyCard().textContent()).toContain('Key exported');

    await goTo(app.page, 'Overview');
    expect(await app.page.getByRole('list', { name: 'Keys needing attention' }).count()).toBe(0);
  });

  it('runs the self-test: passes with the passphrase, fails with a wrong one', async () => {
    await app.page.getByRole('button', { name: NAME }).first().click();
    if (SHOTS) await keyCard().screenshot({ path: `${SHOTS}/key-card.png` });
    await keyCard().getByRole('button', { name: 'Run self-test…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Recovery self-test' });
    await dialog.getByLabel('Passphrase as written down').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Run self-test', exact: true }).click();
    const proven = dialog.getByRole('list', { name: 'What was proven' });
    await proven.waitFor({ timeout: 60_000 });
    const steps = await proven.getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(3);
    expect(steps[1]).toBe('The passphrase decrypts the key.');
    expect(steps[2]).toContain('In an empty key folder, as on a new computer');
    if (SHOTS) await dialog.screenshot({ path: `${SHOTS}/self-test.png` });

    await dialog.getByLabel('Passphrase as written down').fill('not what I wrote');
    await dialog.getByRole('button', { name: 'Run self-test', exact: true }).click();
    await dialog.getByText('The passphrase does not open this key.').waitFor({ timeout: 60_000 });
    expect(await proven.count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
    expect(app.consoleErrors).toEqual([]);
  });

  it('imports the typed paper key after the key file is gone', async () => {
    const page = app.page;
    await keyCard().getByRole('button', { name: 'Paper key' }).click();
    const paper = (await keyCard().getByLabel('Paper key', { exact: true }).textContent()) ?? '';
    const keysDir = path.join(app.host.root, 'borg', '.config', 'borg', 'keys');
    for (const name of await readdir(keysDir)) await rm(path.join(keysDir, name));
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page
      .getByText('The encryption key for this repository was not found.')
      .waitFor({ timeout: 30_000 });

    await keyCard().getByRole('button', { name: 'Import key…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import key' });
    await dialog.getByLabel('Paper key (type it)').check();
    // A typo first: the dialog names the line.
    await dialog
      .getByLabel('Paper key', { exact: true })
      .fill(paper.replace(/^( 1: )(.)/m, (_m, head: string, c: string) => head + (c === '0' ? '1' : '0')));
    await dialog.getByRole('button', { name: 'Import key', exact: true }).click();
    await dialog.getByText('Line 1 has a typo: its checksum does not match.').waitFor({ timeout: 30_000 });
    await dialog.getByLabel('Paper key', { exact: true }).fill(paper);
    await dialog.getByRole('button', { name: 'Import key', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await keyCard().getByText('The key was imported.').waitFor();
    await page.getByRole('button', { name: 'Refresh' }).click();
    // The earlier archive listing stays on screen, so what changes is that the error goes away.
    await page
      .getByText('The encryption key for this repository was not found.')
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('region', { name: 'Archives' }).getByText('0 total').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });

  it('never wrote a passphrase to the host log', () => {
    const log = app.host.output();
    expect(log).toContain('Borgdesk is running at');
    expect(log).not.toContain(PASSPHRASE);
    expect(log).not.toContain('not what I wrote');
  });
});
