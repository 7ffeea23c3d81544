/**
 * Languages: in the pseudo-locale every catalog string and every figure shows in ⟦ ⟧, so any visible
 * letters outside them on the main screens and dialogs are text that is not from a catalog (names,
 * paths and borg's words are data, marked translate="no"). Then the same app in German, as a screenshot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { backUpPath, createRepository, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { tourScreens, type TourStop } from './support/screen-tour.js';
import { findUntranslatedText, type UntranslatedText } from './support/untranslated-text.js';

const PASSPHRASE = 'many words in many languages';
const DATA = { repositoryName: 'Laptop', archiveName: 'laptop-first' };
const GERMAN_SHOT = path.resolve('docs/screenshot-german.png');

function withLocale(url: string, locale: string): string {
  const page = new URL(url);
  page.searchParams.set('locale', locale);
  return page.toString();
}

describe('every visible string comes from a catalog', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Papers', fileCount: 6, fileSize: 4096 },
      repo: 'repos/laptop',
    });
    await createRepository(app.page, DATA.repositoryName, app.repoPath, PASSPHRASE, false);
    await backUpPath(app.page, app.sourceDir, DATA.archiveName);
    await savePlan(await openNewPlan(app.page, 'Papers daily', app.sourceDir));
  });

  afterAll(() => app?.close());

  it('shows nothing outside the catalogs in the pseudo-locale', async () => {
    await app.page.goto(withLocale(app.host.url, 'pseudo'));
    const found = new Map<TourStop, UntranslatedText>();
    await tourScreens(app.page, DATA, async (stop) => {
      const left = await findUntranslatedText(app.page);
      if (left.text.length > 0 || left.attributes.length > 0) found.set(stop, left);
    });
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('speaks German throughout', async () => {
    await app.page.goto(withLocale(app.host.url, 'de'));
    await app.page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('de');
    await app.page.screenshot({ path: GERMAN_SHOT });
    expect(app.consoleErrors).toEqual([]);
  });
});
