/**
 * Plan monitoring as a user sets it up, in Chromium against the browser host and the real borg, with
 * a real HTTP receiver on 127.0.0.1 standing in for Healthchecks and a webhook: the editor's "Send
 * test" reaches the webhook and says so, a bad address is refused beside its field, and a run's start
 * and success pings and JSON summary arrive, after which the plan card says the ping was delivered.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpReceiver, type HttpReceiver } from '../src-main/core/test-support/http-receiver.js';
import { createRepository, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';

const PASSPHRASE = 'pings arrive 5521';
const UUID = '3d1f7a2c-9b4e-4c6a-8f0d-2e5b7c9a1d34';
const SCREENSHOT = '/tmp/monitoring-editor.png';
const CARD_SCREENSHOT = '/tmp/monitoring-card.png';

describe('plan monitoring', () => {
  let app: AppSession;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    app = await openAppSession({
      source: {
        folder: 'Notes',
        write: async (dir) => {
          await mkdir(dir, { recursive: true });
          await writeFile(path.join(dir, 'todo.txt'), 'ping me');
        },
      },
      repo: 'repos/monitored',
    });
  });

  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('tests a webhook from the editor and pings a run’s start and success', async () => {
    await createRepository(app.page, 'Monitored', app.repoPath, PASSPHRASE);
    const dialog = await openNewPlan(app.page, 'Notes', app.sourceDir);
    const section = dialog.getByRole('group', { name: 'Monitoring' });
    await section.getByRole('textbox', { name: 'Ping URL' }).fill('hc-ping.com/no-scheme');
    await section.getByRole('button', { name: 'Send test to Ping URL' }).click();
    await section.getByText('Enter a full address such as https://hc-ping.com/your-uuid.').waitFor();
    await section.getByRole('textbox', { name: 'Ping URL' }).fill(`${receiver.base}/ping/${UUID}`);
    await section.getByRole('textbox', { name: 'Webhook URL' }).fill(`${receiver.base}/hook`);
    await section.getByRole('button', { name: 'Send test to Webhook URL' }).click();
    await section.getByText('Delivered (HTTP 200).').waitFor();
    // The ping URL's old message went when its address was corrected.
    expect(
      await section.getByText('Enter a full address such as https://hc-ping.com/your-uuid.').count(),
    ).toBe(0);
    const [test] = receiver.to('/hook');
    expect(JSON.parse(test?.body ?? '{}')).toMatchObject({ event: 'test', plan: { name: 'Notes' } });
    expect(receiver.to('/ping/')).toHaveLength(0);
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: SCREENSHOT });
    await savePlan(dialog);

    const card = app.page.getByRole('article', { name: 'Notes' });
    await card.getByText('Healthchecks: nothing sent yet').waitFor();
    await card.getByRole('button', { name: 'Run now' }).click();
    const pings = await receiver.waitFor('/ping/', 2, 120_000);
    expect(pings.map((r) => r.method)).toEqual(['POST', 'POST']);
    expect(pings[0]?.path).toMatch(new RegExp(`^/ping/${UUID}/start\\?rid=`));
    expect(pings[1]?.path).toMatch(new RegExp(`^/ping/${UUID}\\?rid=`));
    expect(pings[1]?.body).toMatch(/^Backup of “Notes” to “Monitored” succeeded in /);
    const hooks = await receiver.waitFor('/hook', 2);
    expect(JSON.parse(hooks[1]?.body ?? '{}')).toMatchObject({
      event: 'plan-run-finished',
      result: 'succeeded',
    });
    await card.getByText('Healthchecks: success report delivered just now').waitFor();
    await card.getByText('Webhook: success report delivered just now').waitFor();
    await card.screenshot({ path: CARD_SCREENSHOT });
    expect(app.consoleErrors).toEqual([]);
  }, 120_000);
});
