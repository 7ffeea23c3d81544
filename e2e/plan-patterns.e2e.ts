/**
 * A plan's `--pattern` lines as a user writes them, in Chromium against the browser host and the
 * real borg: a bad line is named by its row, the tester answers for a line that leaves out *.tmp
 * files, Run now backs up without them (asked of the borg CLI directly), History names the plan of each job, and
 * the Overview shows each plan's own last result even when another plan to the same repository
 * failed after it (its "before" hook fails; its failure and "always" hooks log their variables).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createRepository, goTo, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { listArchiveFiles, listArchiveNames } from './support/borg-cli.js';

const PASSPHRASE = 'patterns decide 7731';
const SCREENSHOT = '/tmp/patterns.png';
const HOOKS_SCREENSHOT = '/tmp/plan-hooks.png';
// Set to a folder to also save shots of History and the Overview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

/** Two files the pattern line keeps and two *.tmp files it leaves out, one of each in a sub-folder. */
async function writeDocuments(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'drafts'), { recursive: true });
  await writeFile(path.join(dir, 'letter.txt'), 'kept');
  await writeFile(path.join(dir, 'scratch.tmp'), 'left out');
  await writeFile(path.join(dir, 'drafts', 'note.txt'), 'kept too');
  await writeFile(path.join(dir, 'drafts', 'autosave.tmp'), 'left out too');
}

async function runNow(page: Page, planName: string): Promise<void> {
  await page.getByRole('article', { name: planName }).getByRole('button', { name: 'Run now' }).click();
}

describe('pattern lines in a plan', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Documents', write: writeDocuments },
      repo: 'repos/docs-repo',
    });
  });

  afterAll(() => app?.close());

  it('creates an encrypted repository', async () => {
    await createRepository(app.page, 'USB', app.repoPath, PASSPHRASE);
  });

  it('takes pattern lines in the editor, names a bad one by its row, and tests paths with them', async () => {
    const dialog = await openNewPlan(app.page, 'Documents', app.sourceDir);
    const lines = dialog.getByLabel('Pattern lines');
    await lines.fill('- **/*.tmp');
    const tester = dialog.getByLabel('Test a path');
    const verdict = dialog.getByRole('status', { name: 'Pattern test result' });
    await tester.fill(path.join(app.sourceDir, 'drafts', 'autosave.tmp'));
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => verdict.textContent()).toBe('Excluded by rule - **/*.tmp');
    await tester.fill(path.join(app.sourceDir, 'drafts', 'note.txt'));
    await dialog.getByRole('button', { name: 'Test', exact: true }).click();
    await expect.poll(() => verdict.textContent()).toBe('Included');
    await lines.scrollIntoViewIfNeeded();
    await dialog.screenshot({ path: SCREENSHOT });

    // A line borg would reject is named by its row (blank rows count); the editor stays open.
    await lines.fill('- **/*.tmp\n\nx drafts');
    await dialog.getByRole('button', { name: 'Save plan' }).click();
    await dialog.getByText(/^Line 3: A pattern line starts with \+/).waitFor();
    expect(await lines.getAttribute('aria-invalid')).toBe('true');
    await lines.fill('- **/*.tmp');
    await savePlan(dialog);
  });

  it('backs up without the files the pattern line leaves out', async () => {
    await runNow(app.page, 'Documents');
    await goTo(app.page, 'History');
    const table = app.page.getByRole('table', { name: 'Job history' });
    const backup = table.getByRole('row').filter({ hasText: 'Backup' }).filter({ hasText: 'Succeeded' });
    await backup.first().waitFor({ timeout: 120_000 });
    // The job names the plan it ran for.
    const planName = backup.first().getByTitle(/^Plan: /);
    expect(await planName.textContent()).toBe('Documents');

    const archives = await listArchiveNames(app.repoPath, PASSPHRASE, app.host.borgBaseDir);
    expect(archives).toHaveLength(1);
    const files = await listArchiveFiles(app.repoPath, archives[0] ?? '', PASSPHRASE, app.host.borgBaseDir);
    const relative = files.map((f) => path.relative(app.sourceDir.slice(1), f)).sort();
    expect(relative).toEqual(['drafts/note.txt', 'letter.txt']);
  });

  it("shows each plan's own last result on the Overview", async () => {
    // A second plan to the same repository whose run fails after the first one succeeded.
    const dialog = await openNewPlan(app.page, 'Broken', app.sourceDir);
    const hooks = dialog.getByRole('group', { name: 'Commands around the backup' });
    await hooks.getByLabel('Before the backup', { exact: true }).fill('exit 3');
    await hooks
      .getByLabel('After a failed or cancelled backup', { exact: true })
      .fill('echo "cleanup after $BORGDESK_RESULT: $BORGDESK_ERROR_CODE"');
    await hooks.getByLabel('Always, at the end: time limit in seconds').fill('20');
    await hooks
      .getByLabel('Always, at the end', { exact: true })
      .fill('echo "always for $BORGDESK_PLAN_NAME"');
    await hooks.getByText('Variables your command receives').click();
    await hooks.getByText('BORGDESK_LOG_FILE').waitFor();
    await hooks.screenshot({ path: HOOKS_SCREENSHOT });
    await savePlan(dialog);
    await app.page
      .getByRole('article', { name: 'Broken' })
      .getByText('Commands: before, after failure, at the end')
      .waitFor();
    await runNow(app.page, 'Broken');
    await goTo(app.page, 'History');
    const failed = app.page
      .getByRole('table', { name: 'Job history' })
      .getByRole('row')
      .filter({ hasText: 'Failed' })
      .filter({ hasText: 'Broken' });
    await failed.first().waitFor({ timeout: 60_000 });
    // The failure hooks ran after the skipped backup, with its result and error code.
    await failed.first().getByRole('button', { name: 'View log' }).click();
    const logDialog = app.page.getByRole('dialog', { name: /Backup log/ });
    const log = logDialog.getByRole('log', { name: 'Job log' });
    await log.locator('.log-line').first().waitFor({ timeout: 10_000 });
    const messages = await log.locator('.log-message').allTextContents();
    expect(messages).toEqual(
      expect.arrayContaining([
        'Before command failed (exit code 3).',
        'cleanup after failed: InvalidInput',
        'always for Broken',
      ]),
    );
    await logDialog.getByRole('button', { name: 'Close', exact: true }).click();
    await logDialog.waitFor({ state: 'detached' });
    if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, 'history-plans.png') });

    await goTo(app.page, 'Overview');
    const plans = app.page.getByRole('table', { name: 'Plans' });
    const documents = plans.getByRole('row').filter({ hasText: 'Documents' });
    const broken = plans.getByRole('row').filter({ hasText: 'Broken' });
    await documents.getByText('Succeeded').waitFor({ timeout: 10_000 });
    await broken.getByText('Failed').waitFor({ timeout: 10_000 });
    expect(await documents.getByText('Failed').count()).toBe(0);
    expect(await broken.locator('td[title]').getAttribute('title')).toMatch(/"before" command failed/);
    if (SHOTS) await app.page.screenshot({ path: path.join(SHOTS, 'overview-plan-results.png') });
    expect(app.consoleErrors).toEqual([]);
  });
});
