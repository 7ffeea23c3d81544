/**
 * What is wrong with a typed value (an archive's tag, comment or name, a repository's location), worded from the problem's
 * code: the same code the core's rejection carries as its error reason.
 */
import i18next from 'i18next';
import type { InputProblem } from '../../../src-main/model/input-problems.js';
import type { CharacterName } from '../../../src-main/model/location-problem-words.js';
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
  const t = i18next.getFixedT(null, 'core', 'inputProblem.location');
  const { message, remedy, params = {} } = problem.words;
  const options = {
    ...params,
    ...(params['characterName'] === undefined
      ? {}
      : { characterName: t(`characterName.${params['characterName'] as CharacterName}`) }),
    interpolation: { escapeValue: false },
  };
  return `${t(`message.${message}`, options)} ${t(`remedy.${remedy}`, options)}`;
}
