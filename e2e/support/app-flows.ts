/** User flows several specs start from, written once: the same clicks a person would make. */
import type { Locator, Page } from 'playwright-core';

/** The screens the sidebar's Screens navigation leads to. */
export type Screen = 'Overview' | 'Plans' | 'History';

/** Open one of the main screens from the sidebar. */
export async function goTo(page: Page, screen: Screen): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
}

/** Create an encrypted repository (the default repokey-blake2) through the Add repository dialog. */
export async function createRepository(
  page: Page,
  name: string,
  location: string,
  passphrase: string,
  /** Tick or untick "Remember the passphrase on this computer"; absent: leave the default. */
  remember?: boolean,
): Promise<void> {
  await page.getByRole('button', { name: 'Add repository' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Repository name').fill(name);
  await dialog.getByLabel('Location').fill(location);
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Confirm passphrase').fill(passphrase);
  const rememberBox = dialog.getByRole('checkbox', { name: 'Remember the passphrase on this computer' });
  if (remember !== undefined) await rememberBox.setChecked(remember);
  await dialog.getByRole('button', { name: 'Create repository', exact: true }).click();
  await page.getByRole('heading', { name }).waitFor({ timeout: 30_000 });
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/**
 * Removes the folders the backup dialog suggests, so the archive holds exactly what the test adds.
 * Waits for the dialog's folder field first: `all()` does not wait, and a dialog still loading (its
 * script is fetched on demand) would otherwise list no suggestions and keep them all.
 */
export async function removeSuggestedSources(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Folder path').waitFor();
  for (const remove of await dialog.getByRole('button', { name: /^Remove / }).all()) await remove.click();
}

/** Back up exactly `sourceDir` (typed as a path) into a new archive, and wait until it is listed. */
export async function backUpPath(page: Page, sourceDir: string, archiveName: string): Promise<void> {
  await page.getByRole('button', { name: 'Back up now' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Back up now' });
  await removeSuggestedSources(dialog);
  await dialog.getByLabel('Folder path').fill(sourceDir);
  await dialog.getByRole('button', { name: 'Add path' }).click();
  await dialog.getByLabel('Archive name').fill(archiveName);
  await dialog.getByRole('button', { name: 'Start backup' }).click();
  await page.getByLabel('Backup result').waitFor({ timeout: 120_000 });
  await page.getByRole('table', { name: 'Archives' }).getByText(archiveName).waitFor({ timeout: 30_000 });
}

/** Open the New plan editor from the Plans screen with a name and one typed folder; returns the dialog. */
export async function openNewPlan(page: Page, name: string, sourceDir: string): Promise<Locator> {
  await goTo(page, 'Plans');
  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'New plan' });
  await dialog.getByLabel('Plan name').fill(name);
  await dialog.getByLabel('Folder path').fill(sourceDir);
  await dialog.getByRole('button', { name: 'Add path' }).click();
  return dialog;
}

/** Save the plan in an open editor and wait until the editor has closed. */
export async function savePlan(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save plan' }).click();
  await dialog.waitFor({ state: 'detached' });
}
