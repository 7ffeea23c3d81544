import { describe, expect, it } from 'vitest';
import { describeCause, causeLabel, type FailureCause } from '../../model/failure-cause.js';
import { describeStale, formatAge, staleSummary, type StaleItem } from '../../model/stale-check.js';
import { desktopWords } from '../i18n/desktop-words.js';
import { ageText, causeLabelText, causeText, staleLine, staleText } from './notice-words.js';

const CAUSES: readonly FailureCause[] = [
  'drive-absent',
  'network',
  'passphrase',
  'lock',
  'question',
  'interrupted',
  'borg-error',
];
const item = (overrides: Partial<StaleItem>): StaleItem => ({
  id: 'docs',
  label: 'Documents',
  repoName: 'USB drive',
  staleForMs: 4 * 86_400_000,
  lastSuccessAt: 1,
  ...overrides,
});

describe('notice words', () => {
  it('say in English exactly what the model says (the logs keep that English)', () => {
    for (const ms of [0, 3_600_000, 26 * 3_600_000, 5 * 86_400_000]) expect(ageText(ms)).toBe(formatAge(ms));
    for (const cause of CAUSES) {
      expect(causeLabelText(cause)).toBe(causeLabel(cause));
      expect(causeText(cause, 'USB drive')).toBe(describeCause(cause, 'USB drive'));
      expect(causeText(cause, 'USB drive', ' lock\n timeout ')).toBe(
        describeCause(cause, 'USB drive', ' lock\n timeout '),
      );
    }
    const items = [item({}), item({ lastSuccessAt: undefined }), item({ cause: 'passphrase' })];
    for (const stale of items) {
      expect(staleText(stale)).toBe(describeStale(stale));
      expect(staleLine(stale)).toBe(staleSummary(stale));
    }
  });

  it('say it in German', () => {
    const de = desktopWords('de');
    expect(ageText(26 * 3_600_000, de)).toBe('26 Stunden');
    expect(staleLine(item({ cause: 'passphrase' }), de)).toBe(
      'Documents: seit 4 Tagen keine Sicherung, falsche Passphrase',
    );
    expect(staleText(item({ lastSuccessAt: undefined }), de)).toBe(
      'Documents wurde noch nie erfolgreich gesichert (seit 4 Tagen). Es ist keine Sicherung gelaufen; prüfen Sie, ob der Zeitplan eingeschaltet ist.',
    );
    expect(causeText('network', 'NAS', undefined, de)).toBe(
      'Borgdesk konnte den Server von „NAS“ nicht erreichen. Prüfen Sie die Netzwerkverbindung.',
    );
  });
});
