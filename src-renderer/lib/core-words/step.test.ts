import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { StepWords } from '../../../src-main/model/job.js';
import { stepEnglish } from '../../../src-main/model/step-words.js';
import { stepText } from './step.js';

const steps: readonly StepWords[] = [
  { code: 'restoring-files' },
  { code: 'migrate-creating' },
  { code: 'migrate-counting' },
  { code: 'migrate-copied', done: 3, total: 7 },
  { code: 'migrate-copying', archive: 'pc-2024-01-01', index: 4, total: 7 },
];

describe('stepText', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('words every step in the English the core keeps for the log', () => {
    for (const words of steps) expect(stepText(words)).toBe(stepEnglish(words));
  });

  it('words the steps in German', async () => {
    await i18next.changeLanguage('de');
    expect(stepText({ code: 'restoring-files' })).toBe('Dateien werden wiederhergestellt');
    expect(stepText({ code: 'migrate-copied', done: 3, total: 7 })).toBe('3 von 7 Archiven kopiert');
    expect(stepText(steps[4] as StepWords)).toBe('pc-2024-01-01 wird kopiert (Archiv 4 von 7)');
  });
});
