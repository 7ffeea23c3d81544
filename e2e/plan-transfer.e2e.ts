/**
 * Moving plans, in Chromium against the browser host and the real borg: a borgmatic config whose
 * repository Borgdesk already has (written with a trailing slash) is previewed as mapped, not
 * added; importing it makes the plan appear; "Export plans…" then saves a Borgdesk plans file
 * with that plan and the repository's location, and no passphrase.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepository, goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'moving plans 5b2c';
// Set to a folder to also save the preview for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

describe('importing and exporting plans', () => {
  let app: AppSession;
  let scratch: string;

  beforeAll(async () => {
    app = await openAppSession({
      source: {
        folder: 'Projects',
        write: async (dir) => {
          await mkdir(dir, { recursive: true });
          await writeFile(path.join(dir, 'readme.txt'), 'hello');
        },
      },
      repo: 'repos/projects-repo',
    });
    scratch = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-e2e-transfer-'));
  });

  afterAll(async () => {
    await app?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('previews a borgmatic file with its repository mapped, then imports the plan', async () => {
    await createRepository(app.page, 'USB', app.repoPath, PASSPHRASE);
    const config = path.join(scratch, 'projects.yaml');
    await writeFile(
      config,
      [
        'source_directories:',
        `    - ${app.sourceDir}`,
        'repositories:',
        `    - path: ${app.repoPath}/`,
        '      label: usb',
        'exclude_patterns:',
        "    - '*.pyc'",
        'keep_daily: 7',
        'healthchecks:',
        '    ping_url: https://hc-ping.com/example',
        '',
      ].join('\n'),
    );
    await goTo(app.page, 'Plans');
    await app.page.getByRole('button', { name: 'Import…' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Import plans' });
    await dialog.getByLabel('Plans file').setInputFiles(config);
    const repos = dialog.getByRole('region', { name: 'Repositories' });
    await repos.getByText('Already in Borgdesk: the plans use it.').waitFor();
    await expect.poll(() => repos.getByText('USB', { exact: true }).count()).toBe(1);
    const plans = dialog.getByRole('region', { name: 'Plans' });
    await plans.getByText('Keeps 7 daily.').waitFor();
    await plans.getByText(/Monitoring with healthchecks is not taken over/).waitFor();
    if (SHOTS) await dialog.screenshot({ path: path.join(SHOTS, 'import-preview.png') });
    await dialog.getByRole('button', { name: 'Import 1 plan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const card = app.page.getByRole('article', { name: 'projects' });
    await card.waitFor();
    // The card names the folder as under home (~/Projects).
    await card
      .getByText(/Projects$/)
      .first()
      .waitFor();
    // Still one repository: the imported plan backs up to the one already here.
    const sidebar = app.page.getByRole('list', { name: 'Repositories' });
    await expect.poll(() => sidebar.getByRole('listitem').count()).toBe(1);
  });

  it('exports the plans to a Borgdesk plans file without the passphrase', async () => {
    const download = app.page.waitForEvent('download');
    await app.page.getByRole('button', { name: 'Export plans…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^borgdesk-plans-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = path.join(scratch, 'export.json');
    await file.saveAs(saved);
    const text = await readFile(saved, 'utf8');
    expect(text).not.toContain(PASSPHRASE);
    const doc = JSON.parse(text) as {
      format: string;
      repositories: { location: string }[];
      plans: { name: string }[];
    };
    expect(doc.format).toBe('borgdesk-plans');
    expect(doc.repositories.map((r) => r.location)).toEqual([app.repoPath]);
    expect(doc.plans.map((p) => p.name)).toEqual(['projects']);
    expect(app.consoleErrors).toEqual([]);
  });
});
