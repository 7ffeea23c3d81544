import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveCommentProblem } from '../../../src-main/model/archive-info.js';
import { renamedArchiveNameProblem } from '../../../src-main/model/archive-name.js';
import { archiveNameProblem, BORG2_ARCHIVE_NAME_RULES } from '../../../src-main/model/archive-name-syntax.js';
import { archiveTagProblem } from '../../../src-main/model/archive.js';
import {
  INPUT_PROBLEM_ENGLISH,
  inputProblemEnglish,
  type InputProblemCode,
} from '../../../src-main/model/input-problems.js';
import deCore from '../../i18n/locales/de/core.json';
import deErrors from '../../i18n/locales/de/errors.json';
import enCore from '../../i18n/locales/en/core.json';
import enErrors from '../../i18n/locales/en/errors.json';
import { setFormatLocale } from '../../i18n/locale-state.js';
import { inputProblemText } from './input-problem.js';

type Reasons = Readonly<Record<string, { readonly message?: string } | undefined>>;
type ErrorCatalog = Readonly<Record<string, { readonly reasons?: Reasons } | undefined>>;

const codes = Object.keys(INPUT_PROBLEM_ENGLISH) as InputProblemCode[];
const placeholders = (text: string): string =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

// The error codes each problem is rejected with (borg/commands/*, core/jobs/backup-job.ts).
const isName = (code: InputProblemCode): boolean => !/^(tag|comment)/.test(code);
const errorCodesOf = (code: InputProblemCode): string[] =>
  !isName(code)
    ? ['InvalidArguments']
    : code === 'renameHasBrace'
      ? ['InvalidArchiveName']
      : ['InvalidArchiveName', 'InvalidInput'];

describe('input problem words', () => {
  afterEach(async () => {
    setFormatLocale('en');
    await i18next.changeLanguage('en');
  });

  it('has the core’s English in the English catalog, and German with the same placeholders', () => {
    const { location: _en, ...english } = enCore.inputProblem;
    const { location: _de, ...german } = deCore.inputProblem;
    expect(english).toEqual(INPUT_PROBLEM_ENGLISH);
    expect(Object.keys(german).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(placeholders(deCore.inputProblem[code]), code).toBe(placeholders(INPUT_PROBLEM_ENGLISH[code]));
    }
  });

  it('has the same words for the core’s rejections, under each error code they come with', () => {
    for (const [core, errors] of [
      [enCore, enErrors],
      [deCore, deErrors],
    ] as const) {
      for (const code of codes) {
        for (const errorCode of errorCodesOf(code)) {
          const words = (errors as ErrorCatalog)[errorCode]?.reasons?.[code]?.message;
          expect(words, `${errorCode}.reasons.${code}`).toBe(core.inputProblem[code]);
        }
      }
    }
  });

  it('words the problems of a tag, a comment and a new name in English and German', async () => {
    const tag = archiveTagProblem('two words');
    const comment = archiveCommentProblem('x'.repeat(1001));
    const rename = renamedArchiveNameProblem('a-{now}');
    const long = archiveNameProblem('a'.repeat(250), undefined, BORG2_ARCHIVE_NAME_RULES);
    expect([tag, comment, rename, long]).toEqual([
      { code: 'tagHasSeparator' },
      { code: 'commentTooLong', params: { limit: 1000 } },
      { code: 'renameHasBrace' },
      { code: 'nameTooLongForMount', params: { limit: 200, length: 250 } },
    ]);
    if (!tag || !comment || !rename || !long) throw new Error('no problem');
    expect(inputProblemText(tag)).toBe(inputProblemEnglish(tag));
    expect(inputProblemText(comment)).toBe('A comment can have at most 1,000 characters.');
    expect(inputProblemEnglish(comment)).toBe('A comment can have at most 1000 characters.');
    expect(inputProblemText(long)).toBe(inputProblemEnglish(long));
    await i18next.changeLanguage('de');
    setFormatLocale('de');
    expect(inputProblemText(tag)).toBe(
      'Ein Tag darf keine Leerzeichen, Kommas oder Steuerzeichen enthalten.',
    );
    expect(inputProblemText(comment)).toBe('Ein Kommentar darf höchstens 1.000 Zeichen haben.');
    expect(inputProblemText(rename)).toBe(
      'Ein neuer Name darf weder „{“ noch „}“ enthalten: Beim Umbenennen werden keine Platzhalter ausgefüllt.',
    );
  });

  it('keeps literal braces in the words (they are not placeholders)', () => {
    expect(inputProblemText({ code: 'nameBraceUnclosed' })).toBe(INPUT_PROBLEM_ENGLISH.nameBraceUnclosed);
    expect(inputProblemText({ code: 'nameEmpty' })).toBe(INPUT_PROBLEM_ENGLISH.nameEmpty);
  });
});
