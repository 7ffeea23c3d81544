/**
 * Accessibility: axe (WCAG 2.1 A and AA) finds nothing on the main screens and dialogs, in light and
 * dark; focus goes back to the opener when a dialog closes; Enter on a folder in the archive grid
 * opens it and keeps focus on a row of the grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { backUpPath, createRepository, openNewPlan, savePlan } from './support/app-flows.js';
import { openAppSession, type AppSession } from './support/app-session.js';
import { tourScreens, type TourData } from './support/screen-tour.js';

const PASSPHRASE = 'many words for an accessible app';
const DATA: TourData = { repositoryName: 'Laptop', archiveName: 'laptop-first' };
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One readable line per violation and node: rule, selector and axe's summary of what is wrong. */
async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    // Still "experimental" in axe, so off by default; WCAG 2.5.3 (label in name) is level A.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return result.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} ${node.target.join(' ')}: ${node.failureSummary ?? violation.help}`,
    ),
  );
}

describe('accessibility', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openAppSession({
      source: { folder: 'Papers', fileCount: 4, fileSize: 2048 },
      repo: 'repos/laptop',
    });
    await createRepository(app.page, DATA.repositoryName, app.repoPath, PASSPHRASE, false);
    await backUpPath(app.page, app.sourceDir, DATA.archiveName);
    await savePlan(await openNewPlan(app.page, 'Papers daily', app.sourceDir));
  });

  afterAll(() => app?.close());

  it('axe finds no WCAG 2.1 AA violation on any screen or dialog, light and dark', async () => {
    const found: Record<string, string[]> = {};
    await tourScreens(app.page, DATA, async (stop) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await app.page.emulateMedia({ colorScheme });
        // Colours change with a short transition: measure them once it has run.
        await app.page.evaluate(() =>
          Promise.all(
            document
              .getAnimations()
              .filter((animation) => animation instanceof CSSTransition)
              .map((animation) => animation.finished),
          ),
        );
        const violations = await axeViolations(app.page);
        if (violations.length > 0) found[`${stop} (${colorScheme})`] = violations;
      }
      await app.page.emulateMedia({ colorScheme: 'light' });
    });
    expect(found).toEqual({});
  });

  it('opens a folder with Enter and keeps focus on a row of the grid', async () => {
    const { page } = app;
    const grid = page.getByRole('grid', { name: /Archive contents/ });
    await grid.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
    const crumbsBefore = await page
      .getByRole('navigation', { name: /Folder in archive/ })
      .textContent()
      .catch(() => '');
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect
      .poll(
        async () =>
          (await page
            .getByRole('navigation', { name: /Folder in archive/ })
            .textContent()
            .catch(() => '')) !== crumbsBefore,
      )
      .toBe(true);
    await grid.getByRole('row').nth(1).waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => {
          const active = document.activeElement;
          if (active?.getAttribute('role') !== 'grid') return `focus on ${active?.tagName ?? 'nothing'}`;
          const rowId = active.getAttribute('aria-activedescendant');
          const row = rowId ? document.getElementById(rowId) : null;
          return row?.getAttribute('role') === 'row' ? 'row' : `active descendant ${rowId ?? 'none'}`;
        }),
      )
      .toBe('row');
  });

  it('gives focus back to the control that opened a dialog', async () => {
    const { page } = app;
    await page.getByRole('complementary').getByText(DATA.repositoryName, { exact: true }).first().click();
    const openers: [string, Locator][] = [
      ['Settings', page.getByRole('complementary').getByRole('button', { name: /Settings/ })],
      ['Add repository', page.getByRole('complementary').getByRole('button', { name: /Add repository/ })],
      ['Back up now', page.getByRole('button', { name: /Back up now/ }).first()],
    ];
    for (const [name, opener] of openers) {
      await opener.click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await expect
        .poll(() => opener.evaluate((el) => el === document.activeElement), { message: name, timeout: 2000 })
        .toBe(true);
    }
  });

  it('logs no errors', () => {
    expect(app.consoleErrors).toEqual([]);
  });
});
