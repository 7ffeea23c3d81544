/**
 * What is wrong with a typed value (an archive's tag, comment or name, a repository's location), worded from the problem's
 * code: the same code the core's rejection carries as its error reason.
 */
import i18next from 'i18next';
import type { InputProblem } from '../../../src-main/model/input-problems.js';
import {
  LOCATION_MESSAGE_ENGLISH,
  LOCATION_REMEDY_ENGLISH,
  type CharacterName,
  type LocationMessageCode,
  type LocationRemedyCode,
  type LocationWords,
} from '../../../src-main/model/location-problem-words.js';
import type { LocationProblem } from '../../../src-main/model/location-syntax.js';
import { formatCount } from '../format.js';

/** The problem in the UI's language; numbers (limits, lengths) formatted for it. */
export function inputProblemText(problem: InputProblem): string {
  const t = i18next.getFixedT(null, 'core', 'inputProblem');
  const params = Object.fromEntries(
    Object.entries(problem.params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'number' ? formatCount(value) : value,
    ]),
  );
  return t(problem.code, { ...params, interpolation: { escapeValue: false } });
}

/** The words of a check's result: undefined when there is no problem. */
export function inputProblemTextOf(problem: InputProblem | undefined): string | undefined {
  return problem === undefined ? undefined : inputProblemText(problem);
}

/** A location's problem in the UI's language: what is wrong, then what to do. */
export function locationProblemText(problem: LocationProblem): string {
  const { message, remedy } = locationWordsText(problem.words);
  return `${message} ${remedy}`;
}

function locationWordsText(words: LocationWords): { message: string; remedy: string } {
  const t = i18next.getFixedT(null, 'core', 'inputProblem.location');
  const { message, remedy, params = {} } = words;
  const options = {
    ...params,
    ...(params['characterName'] === undefined
      ? {}
      : { characterName: t(`characterName.${params['characterName'] as CharacterName}`) }),
    interpolation: { escapeValue: false },
  };
  return { message: t(`message.${message}`, options), remedy: t(`remedy.${remedy}`, options) };
}

/** The core's reason for refusing a typed location (core/repositories/location.ts). */
export const LOCATION_PROBLEM_REASON = 'locationProblem';

/**
 * The words of a `locationProblem` error from its params (`problem` and `fix` are the codes, the
 * rest their values), or undefined when they are not codes this renderer knows.
 */
export function locationErrorWords(
  params: Readonly<Record<string, string | number>> | undefined,
): { message: string; remedy: string } | undefined {
  const { problem, fix, ...values } = params ?? {};
  if (typeof problem !== 'string' || !Object.hasOwn(LOCATION_MESSAGE_ENGLISH, problem)) return undefined;
  if (typeof fix !== 'string' || !Object.hasOwn(LOCATION_REMEDY_ENGLISH, fix)) return undefined;
  const strings = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, String(value)]));
  return locationWordsText({
    message: problem as LocationMessageCode,
    remedy: fix as LocationRemedyCode,
    params: strings,
  });
}
