/**
 * What is wrong with a typed value (an archive's tag, comment or name), worded from the problem's
 * code: the same code the core's rejection carries as its error reason.
 */
import i18next from 'i18next';
import type { InputProblem } from '../../../src-main/model/input-problems.js';
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
