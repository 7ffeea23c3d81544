/**
 * Config files with one bad entry, as a user meets them in Chromium against the browser host: the
 * valid repository and plan are there, and the Overview's "Needs attention" card names what was set
 * aside and the file that keeps it. With only a bad repository entry, the welcome screen says so too
 * instead of looking like a first start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { goTo } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const SCREENSHOT = path.resolve('docs/screenshot-config-notice.png');
// Set to a folder to also save a shot of the welcome screen with the notice, for a visual check.
const SHOTS = process.env['BORGDESK_E2E_SHOTS'];

const plan = (id: string, name: string, repoId: string): Record<string, unknown> => ({
  id,
  archivePrefix: id,
  name,
  targets: [{ repoId, schedule: { kind: 'daily', at: '02:00' } }],
  sourcePaths: ['~/Documents'],
});

// Config and borg folders of our own (the host's sandbox is made only when it starts), handed to
// the host through its environment.
async function prepareConfig(
  files: Record<string, unknown>,
): Promise<{ root: string; env: Record<string, string> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-e2e-config-'));
  const configDir = path.join(root, 'config');
  await mkdir(configDir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    await writeFile(path.join(configDir, name), JSON.stringify(content, null, 2));
  }
  return { root, env: { BORGDESK_CONFIG_DIR: configDir, BORG_BASE_DIR: path.join(root, 'borg') } };
}

describe('a plans.json and repositories.json with one bad entry each', () => {
  let app: AppSession;
  let root: string;
  let configDir: string;

  beforeAll(async () => {
    const prepared = await prepareConfig({});
    root = prepared.root;
    configDir = prepared.env.BORGDESK_CONFIG_DIR ?? '';
    const repoPath = path.join(root, 'laptop-repo');
    // A real, unencrypted repository, known to the borg folder the host will use.
    await execa('borg', ['init', '--encryption=none', repoPath], {
      env: { BORG_BASE_DIR: prepared.env.BORG_BASE_DIR, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    await writeFile(
      path.join(configDir, 'repositories.json'),
      JSON.stringify({
        version: 1,
        repositories: [
          { id: 'r1', name: 'Laptop backup', location: repoPath, encryption: 'none', needsPassphrase: false },
          // No needsPassphrase: set aside.
          { id: 'r2', name: 'Old NAS', location: 'ssh://backup@nas.local/./borg' },
        ],
      }),
    );
    await writeFile(
      path.join(configDir, 'plans.json'),
      JSON.stringify({
        version: 1,
        plans: [
          plan('documents', 'Documents', 'r1'),
          { ...plan('photos', 'Photos', 'r1'), compression: 'brotli,9' },
        ],
      }),
    );
    app = await openAppSession({ hostEnv: prepared.env });
  });

  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('keeps the valid plan and repository and names what was set aside and where', async () => {
    const card = app.page.getByRole('region', { name: 'Needs attention' });
    await card.waitFor();
    const notices = card.getByRole('list', { name: 'Config files needing attention' }).getByRole('listitem');
    expect(await notices.count()).toBe(2);

    const kept = (await readdir(configDir)).filter((n) => n.includes('.set-aside-')).sort();
    expect(kept).toHaveLength(2);
    const [plansKept, reposKept] = [
      kept.find((n) => n.startsWith('plans.')),
      kept.find((n) => n.startsWith('repositories.')),
    ];
    const repoText = (await notices.filter({ hasText: 'repository' }).textContent()) ?? '';
    expect(repoText).toContain('1 repository could not be read');
    expect(repoText).toContain('"Old NAS"');
    expect(repoText).toContain(`The original is kept in ${path.join(configDir, reposKept ?? '?')}`);
    const planText = (await notices.filter({ hasText: 'plan could not' }).textContent()) ?? '';
    expect(planText).toContain('1 plan could not be read');
    expect(planText).toContain('"Photos"');
    expect(planText).toContain('kept everything else');
    expect(planText).toContain(`The original is kept in ${path.join(configDir, plansKept ?? '?')}`);
    // The set-aside copy holds the plan as it was.
    const copy = JSON.parse(await readFile(path.join(configDir, plansKept ?? '?'), 'utf8')) as {
      entries: { entry: { name: string; compression: string } }[];
    };
    expect(copy.entries.map((e) => e.entry)).toMatchObject([{ name: 'Photos', compression: 'brotli,9' }]);

    await app.page.getByRole('heading', { name: 'Laptop backup' }).first().waitFor();
    // The repository is real: its card fills in from borg before the shot.
    await app.page
      .getByText('Reading archives', { exact: false })
      .waitFor({ state: 'detached', timeout: 30_000 });
    await app.page.screenshot({ path: SCREENSHOT });

    await goTo(app.page, 'Plans');
    await app.page.getByText('Documents', { exact: true }).first().waitFor();
    expect(await app.page.getByText('Photos', { exact: true }).count()).toBe(0);
  });

  it('dismisses a notice', async () => {
    await goTo(app.page, 'Overview');
    const card = app.page.getByRole('region', { name: 'Needs attention' });
    await card.getByRole('button', { name: 'Dismiss: 1 plan could not be read' }).click();
    await card.getByText('1 plan could not be read').waitFor({ state: 'detached' });
    await card.getByText('1 repository could not be read').waitFor();
    expect(app.consoleErrors).toEqual([]);
  });
});

describe('a repositories.json whose only entry is bad', () => {
  let app: AppSession;
  let root: string;

  beforeAll(async () => {
    const prepared = await prepareConfig({
      'repositories.json': {
        version: 1,
        repositories: [{ id: 'r1', name: 'Home server', location: '', needsPassphrase: true }],
      },
    });
    root = prepared.root;
    app = await openAppSession({ hostEnv: prepared.env });
  });

  afterAll(async () => {
    await app?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('says on the welcome screen that a repository was set aside', async () => {
    await app.page.getByRole('heading', { name: 'Welcome to Borgdesk' }).waitFor();
    const card = app.page.getByRole('region', { name: 'Needs attention' });
    // Not hidden above the fold by the welcome form's focused passphrase field.
    const box = await card.boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(app.page.viewportSize()?.height ?? 0);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('1 repository could not be read');
    expect(text).toContain('"Home server"');
    expect(text).toMatch(/The original is kept in .*repositories\.json\.set-aside-.*\.json/);
    if (SHOTS)
      await app.page.screenshot({ path: path.join(SHOTS, 'welcome-config-notice.png'), fullPage: true });
    expect(app.consoleErrors).toEqual([]);
  });
});
