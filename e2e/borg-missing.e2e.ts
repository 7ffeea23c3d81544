/** Without borg the app opens on a screen that says so and how to install it, instead of failing later. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppSession, type AppSession } from './support/app-session.js';

describe('borg is not installed', () => {
  let app: AppSession;

  beforeAll(async () => {
    // A PATH with no borg on it; the server itself is started by absolute path.
    app = await openAppSession({ hostEnv: { PATH: '/nonexistent-borgdesk-bin' } });
  });

  afterAll(() => app?.close());

  it('explains how to install borg and offers to check again', async () => {
    await app.page.getByRole('button', { name: 'Check again' }).waitFor({ timeout: 20_000 });
    const text = (await app.page.locator('body').textContent()) ?? '';
    expect(text).toMatch(/apt(-get)? install borgbackup/);
    expect(text).toContain('brew install borgbackup');
    expect(await app.page.getByRole('button', { name: 'Add repository' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
