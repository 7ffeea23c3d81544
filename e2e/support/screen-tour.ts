/**
 * A walk over the main screens and dialogs, for the checks that hold on every screen (text from the
 * catalogs, axe, no sideways overflow). Selectors match English names as substrings, so the walk works
 * in the pseudo-locale too (⟦Overview⟧ contains "Overview"), and each also names the German
 * words, so the same walk works with &locale=de.
 */
import type { Locator, Page } from 'playwright-core';
import { deResources, enResources } from '../../src-renderer/i18n/resources.js';

type Catalogs = typeof enResources;

/** A name in any shipped language (and so in the pseudo-locale, whose strings contain the English). */
function named<N extends keyof Catalogs>(ns: N, key: string): RegExp {
  const lookup = (catalogs: Catalogs | typeof deResources): string => {
    let node: unknown = catalogs[ns];
    for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
    if (typeof node !== 'string') throw new Error(`no catalog string ${ns}:${key}`);
    return node.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  };
  return new RegExp(`${lookup(enResources)}|${lookup(deResources)}`);
}

/** What the tour needs to exist: a repository with an archive and a plan (see the specs' setup). */
export interface TourData {
  readonly repositoryName: string;
  readonly archiveName: string;
}

export type TourStop =
  | 'overview'
  | 'plans'
  | 'history'
  | 'repository'
  | 'archive'
  | 'settings-dialog'
  | 'add-repository-dialog'
  | 'plan-editor-dialog'
  | 'backup-dialog'
  | 'restore-dialog';

const dialogs = (page: Page): Locator => page.getByRole('dialog');

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await dialogs(page).waitFor({ state: 'detached' });
}

async function nav(page: Page, name: RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: named('shell', 'sidebar.screens') })
    .getByRole('button', { name })
    .click();
}

/**
 * Visits each stop and calls `atStop` there, once the screen has settled. Dialogs are closed again
 * with Escape, so every stop starts from a screen without a dialog.
 */
export async function tourScreens(
  page: Page,
  data: TourData,
  atStop: (stop: TourStop) => Promise<void>,
): Promise<void> {
  await nav(page, named('shell', 'sidebar.overview'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await atStop('overview');

  await nav(page, named('shell', 'sidebar.plans'));
  await page.getByRole('button', { name: named('plans', 'screen.newPlan') }).waitFor();
  await atStop('plans');
  await page.getByRole('button', { name: named('plans', 'screen.newPlan') }).click();
  await dialogs(page).waitFor();
  await atStop('plan-editor-dialog');
  await closeDialog(page);

  await nav(page, named('shell', 'sidebar.history'));
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await atStop('history');

  await page.getByRole('complementary').getByText(data.repositoryName, { exact: true }).first().click();
  const archives = page.getByRole('table', { name: named('repositories', 'archives.label') });
  await archives.getByText(data.archiveName).waitFor({ timeout: 30_000 });
  await atStop('repository');

  await page
    .getByRole('button', { name: named('repositories', 'view.backUpNow') })
    .first()
    .click();
  await dialogs(page).waitFor();
  await atStop('backup-dialog');
  await closeDialog(page);

  await archives
    .getByRole('row')
    .filter({ hasText: data.archiveName })
    .getByRole('button', { name: named('repositories', 'archives.browse') })
    .click();
  const grid = page.getByRole('grid', { name: named('archives', 'folder.gridLabel') });
  await grid.getByRole('row').nth(1).waitFor({ timeout: 60_000 });
  await atStop('archive');
  await grid.getByRole('row').nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: named('archives', 'selectionBar.restore') }).click();
  await dialogs(page).waitFor();
  await atStop('restore-dialog');
  await closeDialog(page);

  await page
    .getByRole('button', { name: named('shell', 'sidebar.addRepository') })
    .first()
    .click();
  await dialogs(page).waitFor();
  await atStop('add-repository-dialog');
  await closeDialog(page);

  await page
    .getByRole('button', { name: named('shell', 'sidebar.settings') })
    .last()
    .click();
  await dialogs(page).waitFor();
  await atStop('settings-dialog');
  await closeDialog(page);
}
