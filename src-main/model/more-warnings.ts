/**
 * The English closing line of a capped warning list, which the core keeps for the job log. It must
 * match `coreTextsA.moreWarnings` of the renderer's `components` catalog (a renderer test compares).
 */
export function moreWarningsText(count: number): string {
  return `… and ${count} more warnings (see the job log).`;
}
