/**
 * Window sizes: at 1280×800, 1024×700 and 800×600 (and at 1024×700 in German, whose words are longer)
 * no main screen or dialog scrolls sideways and nothing visible reaches past the window's right edge,
 * with a repository whose location is long. Screenshots of the Overview and the archive browser at each
 * size when BORGDESK_E2E_SHOTS is set; the narrow-window screenshot for the README always.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { backUpPath, createRepository, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { tourScreens, type TourStop } from './support/screen-tour.js';
import { findSidewaysOverflow } from './support/sideways-overflow.js';

const PASSPHRASE = 'a window of any size';
const DATA = { repositoryName: 'Family photos and scanned papers', archiveName: 'photos-first' };
// One long word: a location has no spaces to wrap at, so it must wrap anywhere or truncate.
const LONG_REPO = `repos/${'a-rather-long-folder-name-'.repeat(4)}for-the-family-photo-archive`;
const SIZES = [
  { width: 1280, height: 800, locale: 'en' },
  { width: 1024, height: 700, locale: 'en' },
  { width: 1024, height: 700, locale: 'de' },
  { width: 800, height: 600, locale: 'en' },
] as const;
const SHOTS = process.env.BORGDESK_E2E_SHOTS !== undefined;
const SHOT_STOPS: ReadonlySet<TourStop> = new Set(['overview', 'archive']);
const NARROW_SHOT = path.resolve('docs/screenshot-narrow.png');

function withLocale(url: string, locale: string): string {
  const page = new URL(url);
  page.searchParams.set('locale', locale);
  return page.toString();
}

describe('the app fits the window at every size', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Photos', fileCount: 6, fileSize: 4096 },
      repo: LONG_REPO,
    });
    await createRepository(app.page, DATA.repositoryName, app.repoPath, PASSPHRASE, false);
    await backUpPath(app.page, app.sourceDir, DATA.archiveName);
    await savePlan(await openNewPlan(app.page, 'Photos every evening', app.sourceDir));
  });

  afterAll(() => app?.close());

  for (const size of SIZES) {
    it(`nothing sticks out sideways at ${size.width}×${size.height} (${size.locale})`, async () => {
      const { page } = app;
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(withLocale(app.host.url, size.locale));
      // One line per offender, so a failure reads as a list of what to fix.
      const found: string[] = [];
      await tourScreens(page, DATA, async (stop) => {
        const overflow = await findSidewaysOverflow(page);
        if (overflow.scrollWidth > overflow.innerWidth) {
          found.push(`${stop}: the page scrolls sideways to ${overflow.scrollWidth}px`);
        }
        for (const { element, text, right } of overflow.elements) {
          found.push(`${stop}: ${element} "${text}" reaches ${right}px`);
        }
        for (const { element, text, right } of overflow.hiddenButtons) {
          found.push(`${stop}: ${element} "${text}" is scrolled out of sight (${right}px)`);
        }
        if (SHOTS && SHOT_STOPS.has(stop)) {
          const locale = size.locale === 'en' ? '' : `-${size.locale}`;
          const file = `docs/screenshot-size-${size.width}x${size.height}${locale}-${stop}.png`;
          await page.screenshot({ path: path.resolve(file) });
        }
        if (size.width === 800 && size.locale === 'en' && stop === 'archive')
          await page.screenshot({ path: NARROW_SHOT });
      });
      expect(found).toEqual([]);
    });
  }

  it('logs no console errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
