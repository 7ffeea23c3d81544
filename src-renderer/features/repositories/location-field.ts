/**
 * The message under a repository's Location field: the same parser the core runs before borg
 * (location-syntax.ts), so the form names the wrong part and the fix before anything is sent; and
 * the same scheme rule as the borg layer (location-schemes.ts) for sftp:// and rclone:.
 */
import { unsupportedSchemeProblem } from '../../../src-main/model/location-schemes.js';
import { locationProblem } from '../../../src-main/model/location-syntax.js';
import { locationProblemText } from '../../lib/core-words/input-problem.js';

/**
 * What is wrong with a typed location (`whenEmpty` when nothing is typed), or undefined when it is
 * usable; `extraSchemes` are the borg's borg.features.extraLocationSchemes.
 */
export function locationFieldError(
  location: string,
  whenEmpty: string,
  extraSchemes: readonly string[],
): string | undefined {
  // The forms send the trimmed text, so judge exactly that.
  const typed = location.trim();
  if (typed === '') return whenEmpty;
  const problem = locationProblem(typed) ?? unsupportedSchemeProblem(typed, extraSchemes);
  return problem === undefined ? undefined : locationProblemText(problem);
}
