import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import {
  LOCATION_MESSAGE_ENGLISH,
  LOCATION_REMEDY_ENGLISH,
} from '../../../src-main/model/location-problem-words.js';
import { unsupportedSchemeProblem } from '../../../src-main/model/location-schemes.js';
import { locationProblem, type LocationProblem } from '../../../src-main/model/location-syntax.js';
import deCore from '../../i18n/locales/de/core.json';
import enCore from '../../i18n/locales/en/core.json';
import { wordError } from '../error-info.js';
import { locationProblemText } from './input-problem.js';

const placeholders = (text: string): string =>
  [...text.matchAll(/\{\{(\w+)\}\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

// One location for each kind of problem the parser finds.
const BAD_LOCATIONS = [
  '',
  'x'.repeat(5000),
  'ssh://ho st/repo',
  `ssh://${'h'.repeat(300)}/repo`,
  'a\nb',
  'a\u200bb',
  'SSH://host/repo',
  'http://host/repo',
  'RCLONE:remote:path',
  'rclone::path',
  'file://relative',
  'a@b@host:repo',
  'ssh://[2001:db8::1/repo',
  'ssh://[2001:db8::1]x/repo',
  '@host:repo',
  '-user@host:repo',
  'ssh://us er@host/repo',
  'us%er@host:repo',
  'ssh:///repo',
  'ssh://-host/repo',
  '[zz]:repo',
  'ssh://ho%st/repo',
  'ho%st:repo',
  'ssh://host:/repo',
  'ssh://host:99999/repo',
  'ssh://host/',
  'host://repo',
  'host:://repo',
  '/srv/a::b',
  '-folder',
];

const problemOf = (location: string): LocationProblem => {
  const problem = locationProblem(location);
  if (problem === undefined) throw new Error(`no problem with ${location}`);
  return problem;
};

describe('location problem words', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('has the core’s English in the English catalog, and German with the same keys and placeholders', () => {
    const en = enCore.inputProblem.location;
    const de = deCore.inputProblem.location;
    expect(en.message).toEqual(LOCATION_MESSAGE_ENGLISH);
    expect(en.remedy).toEqual(LOCATION_REMEDY_ENGLISH);
    expect(Object.keys(de.characterName)).toEqual(Object.keys(en.characterName));
    for (const part of ['message', 'remedy'] as const) {
      const english: Readonly<Record<string, string>> = en[part];
      const german: Readonly<Record<string, string>> = de[part];
      expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort());
      for (const [code, text] of Object.entries(english)) {
        expect(placeholders(german[code] ?? ''), code).toBe(placeholders(text));
      }
    }
  });

  it('words every kind of problem as the core says it in English, and differently in German', async () => {
    const problems = [
      ...BAD_LOCATIONS.map(problemOf),
      unsupportedSchemeProblem('sftp://host/repo', []),
      unsupportedSchemeProblem('rclone:remote:repo', []),
    ].filter((p): p is LocationProblem => p !== undefined);
    const covered = new Set(problems.map((p) => p.words.message));
    expect([...covered].sort()).toEqual(Object.keys(LOCATION_MESSAGE_ENGLISH).sort());
    const english = problems.map(locationProblemText);
    expect(english).toEqual(problems.map((p) => `${p.message} ${p.remedy}`));
    await i18next.changeLanguage('de');
    const german = problems.map(locationProblemText);
    german.forEach((text, i) => expect(text).not.toBe(english[i]));
    expect(german.join('\n')).not.toMatch(/\{\{/);
  });

  it('names an invisible character in German, with its code point', async () => {
    await i18next.changeLanguage('de');
    expect(locationProblemText(problemOf('a\tb'))).toBe(
      'Der Ort enthält ein unsichtbares Zeichen (ein Tabulator, U+0009). Tippen Sie den Ort neu ein: Beim Kopieren aus einem Dokument oder Chat kommen leicht versteckte Zeichen mit.',
    );
    expect(locationProblemText(problemOf('-host:repo'))).toBe(
      'Der Host „-host“ darf nicht mit „-“ beginnen: ssh würde ihn als Option lesen. Schreiben Sie user@host:path oder ssh://user@host:port/path. Für einen Ordner mit „:“ im Namen geben Sie seinen vollständigen Pfad ab / ein.',
    );
  });
});

describe('a refused location from the core', () => {
  afterEach(() => i18next.changeLanguage('en'));

  it('is worded from its codes, as the Location field words it', async () => {
    const problem = problemOf('ssh://host:99999/repo');
    const error = {
      code: 'InvalidInput',
      message: problem.message,
      remedy: problem.remedy,
      reason: 'locationProblem',
      params: { ...problem.words.params, problem: problem.words.message, fix: problem.words.remedy },
    };
    expect(wordError(error)).toEqual({ message: problem.message, remedy: problem.remedy });
    await i18next.changeLanguage('de');
    expect(wordError(error).message).toBe('Der Port „99999“ ist keine Zahl von 1 bis 65535.');
    // Codes this renderer does not know fall back to the catalog's words.
    expect(wordError({ ...error, params: { problem: 'somethingNew', fix: 'retype' } }).message).toBe(
      'Borgdesk kann diesen Ort nicht verwenden.',
    );
  });
});
