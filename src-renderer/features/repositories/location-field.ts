/**
 * The message under a repository's Location field: the same parser the core runs before borg
 * (location-syntax.ts), so the form names the wrong part and the fix before anything is sent.
 */
import { locationProblem } from '../../../src-main/model/location-syntax.js';

/** What is wrong with a typed location (`whenEmpty` when nothing is typed), or undefined when it is usable. */
export function locationFieldError(location: string, whenEmpty: string): string | undefined {
  // The forms send the trimmed text, so judge exactly that.
  const typed = location.trim();
  if (typed === '') return whenEmpty;
  const problem = locationProblem(typed);
  return problem === undefined ? undefined : `${problem.message} ${problem.remedy}`;
}
