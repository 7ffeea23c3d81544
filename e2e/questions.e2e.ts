/**
 * Borg's question about a moved repository, as a user meets it in Chromium against the browser host
 * and the real borg: the drive holding the repository now mounts under another name, and Borgdesk's
 * settings name the new place (restored settings), but borg remembers the old one. The scheduled
 * backup stops at borg's question instead of answering it; Needs attention names it with Answer…;
 * the dialog shows borg's own words and what yes does; Yes runs that backup once, and borg itself
 * then knows the new location (a plain borg that answers every question "no" works). Opening an
 * unencrypted repository this borg never saw asks the same way before anything is added.
 */
import { execa } from 'execa';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from './support/app-session.js';
import { advanceClock } from './support/test-clock.js';

const SCREENSHOT = path.resolve('docs/screenshot-question.png');
const RELOCATED = 'BORG_RELOCATED_REPO_ACCESS_IS_OK';

describe('a repository borg last saw at another location', () => {
  let app: AppSession;
  let root: string;
  let borgEnv: Record<string, string>;
  let before: string;
  let after: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-e2e-question-'));
    const configDir = path.join(root, 'config');
    const source = path.join(root, 'Letters');
    await mkdir(configDir, { recursive: true });
    await mkdir(source, { recursive: true });
    await writeFile(path.join(source, 'letter.txt'), 'Dear borg,\n');
    borgEnv = { BORG_BASE_DIR: path.join(root, 'borg'), LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' };
    // Made and used with the drive at its first mount point: borg records that location.
    before = path.join(root, 'media', 'USB', 'repo');
    after = path.join(root, 'media', 'USB1', 'repo');
    await mkdir(path.dirname(before), { recursive: true });
    await execa('borg', ['init', '--encryption=none', before], { env: borgEnv });
    await execa('borg', ['create', `${before}::first`, source], { env: borgEnv });
    await mkdir(path.dirname(after), { recursive: true });
    await rename(before, after);
    const repositories = [
      { id: 'r1', name: 'USB disk', location: after, encryption: 'none', needsPassphrase: false },
    ];
    const plans = [
      {
        id: 'letters',
        archivePrefix: 'letters',
        name: 'Letters',
        targets: [{ repoId: 'r1', schedule: { kind: 'every-hours', hours: 1 } }],
        sourcePaths: [source],
      },
    ];
    await writeFile(path.join(configDir, 'repositories.json'), JSON.stringify({ version: 1, repositories }));
    await writeFile(path.join(configDir, 'plans.json'), JSON.stringify({ version: 1, plans }));
    app = await openAppSession({
      testClock: true,
      hostEnv: { BORGDESK_CONFIG_DIR: configDir, BORG_BASE_DIR: borgEnv.BORG_BASE_DIR ?? '' },
    });
  });

  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('stops the scheduled backup at the question; Needs attention → Answer… → Yes backs up', async () => {
    const { page } = app;
    await advanceClock(app.host.url, 2 * 60 * 60_000);
    const card = page.getByRole('region', { name: 'Needs attention' });
    const notice = card.getByLabel("Borg's question");
    await notice.getByText('A scheduled run never answers for you.').waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toContain('Borg asks a question about “USB disk”');
    // Nothing was answered for the user: borg still remembers only the old place.
    await expect(
      execa('borg', ['list', after], { env: { ...borgEnv, [RELOCATED]: 'no' } }),
    ).rejects.toThrow();

    if (process.env['BORGDESK_E2E_SHOTS'])
      await page.screenshot({ path: path.join(process.env['BORGDESK_E2E_SHOTS'], 'question-attention.png') });
    await notice.getByRole('button', { name: 'Answer…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Borg asks a question' });
    const words = await dialog.getByLabel("Borg's words").textContent();
    expect(words).toContain(`The repository at location ${after} was previously located at ${before}`);
    expect(words).not.toContain('[yN]');
    expect(await dialog.textContent()).toContain('If you say yes');
    await page.screenshot({ path: SCREENSHOT });
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByLabel("Borg's question").waitFor({ state: 'detached', timeout: 30_000 });

    await page.getByRole('list', { name: 'Repositories' }).getByRole('button', { name: 'USB disk' }).click();
    await page.getByRole('heading', { name: 'Backup complete' }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('table', { name: 'Archives' })
      .getByText(/^letters-/)
      .waitFor({ timeout: 30_000 });
    // Borg itself remembers the new location: a borg answering every question "no" opens it.
    const { stdout } = await execa('borg', ['list', '--short', after], {
      env: { ...borgEnv, [RELOCATED]: 'no' },
    });
    expect(stdout).toContain('first');
    const configText = await readFile(path.join(root, 'config', 'repositories.json'), 'utf8');
    expect(configText).not.toContain(RELOCATED);
    expect(app.consoleErrors).toEqual([]);
  });

  it('asks before opening an unencrypted repository borg never saw; Yes adds it', async () => {
    const { page } = app;
    const plain = path.join(root, 'shared', 'plain-repo');
    await mkdir(path.dirname(plain), { recursive: true });
    // Made by borg on another computer (its own borg folder): this borg has never seen it.
    await execa('borg', ['init', '--encryption=none', plain], {
      env: { ...borgEnv, BORG_BASE_DIR: path.join(root, 'other-computer') },
    });
    await page.getByRole('button', { name: 'Add repository' }).first().click();
    const add = page.getByRole('dialog', { name: 'Add repository' });
    await add.getByRole('tab', { name: 'Open existing' }).click();
    await add.getByLabel('Repository name').fill('Shared');
    await add.getByLabel('Location').fill(plain);
    await add.getByRole('button', { name: 'Open repository', exact: true }).click();
    const question = page.getByRole('dialog', { name: 'Borg asks a question' });
    await question.waitFor({ timeout: 30_000 });
    expect(await question.getByLabel("Borg's words").textContent()).toContain(
      'Attempting to access a previously unknown unencrypted repository!',
    );
    expect(await question.textContent()).toContain('Anyone who can read the folder can read the backups');
    // No: nothing is added, the form stays as it was.
    await question.getByRole('button', { name: 'No' }).click();
    await question.waitFor({ state: 'detached' });
    expect(await add.getByLabel('Location').inputValue()).toBe(plain);
    await add.getByRole('button', { name: 'Open repository', exact: true }).click();
    await question.getByRole('button', { name: 'Yes' }).click();
    await page.getByRole('heading', { name: 'Shared' }).waitFor({ timeout: 30_000 });
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // Borg remembers it now: a borg answering every question "no" opens it.
    const env = { ...borgEnv, BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK: 'no' };
    await execa('borg', ['list', plain], { env });
    expect(app.consoleErrors).toEqual([]);
  });
});
