/**
 * Renderer tests render components that speak through i18next: start it in English once per test file.
 * Core tests share the config and skip this (they never load the catalogs).
 */
import { expect } from 'vitest';

if (expect.getState().testPath?.includes('/src-renderer/')) {
  const { setupI18n } = await import('./i18n/i18n.js');
  setupI18n('en');
}
