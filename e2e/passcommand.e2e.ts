/**
 * Opening an existing encrypted repository whose passphrase comes from a command, as a user clicks
 * it in Chromium against the browser host and the real borg: "Get it from a command", a Test that
 * fails (the verdict names the command and its stderr), a Test that works, then the repository opens
 * with its archives listed, and the passphrase the command printed is nowhere on the page.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'from the command 3c9e-not-on-screen';
const ARCHIVE = 'made-by-the-cli';
const SCREENSHOT = path.resolve('e2e/artifacts/passcommand-test.png');
const VIEW_SCREENSHOT = path.resolve('e2e/artifacts/passcommand-repository.png');
const UNLOCK_SCREENSHOT = path.resolve('e2e/artifacts/passcommand-unlock.png');

describe('opening a repository with a passphrase command', () => {
  let app: AppSession;
  let goodCommand: string;
  let failingCommand: string;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Notes', write: (dir) => writeNote(dir) },
      repo: 'repos/notes-repo',
    });
    // A repository made elsewhere with the borg CLI (the test may hand the CLI the passphrase by environment).
    const env = {
      BORG_PASSPHRASE: PASSPHRASE,
      BORG_BASE_DIR: app.host.borgBaseDir,
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
    };
    await execa('borg', ['init', '--encryption=repokey-blake2', app.repoPath], { env });
    await execa('borg', ['create', `${app.repoPath}::${ARCHIVE}`, app.sourceDir], { env });
    goodCommand = path.join(app.host.root, 'print-passphrase.sh');
    await writeFile(goodCommand, `#!/bin/sh\necho '${PASSPHRASE}'\n`, { mode: 0o755 });
    failingCommand = path.join(app.host.root, 'locked-keyring.sh');
    await writeFile(failingCommand, `#!/bin/sh\necho 'the keyring is locked' >&2\nexit 1\n`, { mode: 0o755 });
  });

  afterAll(() => app?.close());

  it('tests the command in the Add repository dialog and opens the repository with it', async () => {
    await app.page.getByRole('button', { name: 'Add repository' }).first().click();
    const dialog = app.page.getByRole('dialog');
    await dialog.getByRole('tab', { name: 'Open existing' }).click();
    await dialog.getByLabel('Repository name').fill('Notes');
    await dialog.getByLabel('Location').fill(app.repoPath);
    await dialog.getByLabel('Get it from a command').check();
    const command = dialog.getByLabel('Passphrase command');

    await command.fill(failingCommand);
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    const verdict = dialog.getByRole('status').filter({ hasText: 'passphrase command' });
    await verdict.waitFor({ timeout: 30_000 });
    expect(await verdict.textContent()).toContain(
      `The passphrase command “${failingCommand}” failed (exit code 1: the keyring is locked).`,
    );

    await command.fill(goodCommand);
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    const works = dialog.getByRole('status').filter({ hasText: 'The command works' });
    await works.waitFor({ timeout: 30_000 });
    await app.page.screenshot({ path: SCREENSHOT });

    await dialog.getByRole('button', { name: 'Open repository', exact: true }).click();
    await app.page.getByRole('heading', { name: 'Notes' }).waitFor({ timeout: 30_000 });
    await app.page.getByRole('dialog').waitFor({ state: 'detached' });
    await app.page.getByRole('table', { name: 'Archives' }).getByText(ARCHIVE).waitFor({ timeout: 30_000 });
    expect(await app.page.getByText('Passphrase from a command').count()).toBe(1);
    const section = app.page.getByRole('region', { name: 'Passphrase command' });
    expect(await section.textContent()).toContain(goodCommand);
    await app.page.screenshot({ path: VIEW_SCREENSHOT, fullPage: true });
    expect(await app.page.content()).not.toContain(PASSPHRASE);
    expect(app.consoleErrors).toEqual([]);
  });

  it('removes the command (the repository locks) and unlocks again with a command', async () => {
    const section = app.page.getByRole('region', { name: 'Passphrase command' });
    await section.getByRole('button', { name: 'Remove' }).click();
    await app.page.getByText('This repository is locked').waitFor({ timeout: 10_000 });
    expect(await section.textContent()).toContain('Not set');

    await app.page.getByRole('button', { name: 'Unlock', exact: true }).first().click();
    const dialog = app.page.getByRole('dialog', { name: 'Unlock repository' });
    await dialog.getByLabel('Get it from a command').check();
    await dialog.getByLabel('Passphrase command').fill(goodCommand);
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: 'The command works' }).waitFor({ timeout: 30_000 });
    await app.page.screenshot({ path: UNLOCK_SCREENSHOT });
    await dialog.getByRole('button', { name: 'Unlock', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await app.page.getByRole('table', { name: 'Archives' }).getByText(ARCHIVE).waitFor({ timeout: 30_000 });
    expect(await section.textContent()).toContain(goodCommand);
    expect(await app.page.content()).not.toContain(PASSPHRASE);
  });
});

async function writeNote(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'note.txt'), 'remember the milk\n');
}
