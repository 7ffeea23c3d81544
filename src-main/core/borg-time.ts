/** Borg's timestamps, converted for the UI. */

/**
 * Borg 1.2 prints naive local times such as `2024-05-01T10:00:00.000000` (no offset); Date parses
 * those as local time, which is what borg meant. Returns an ISO UTC string, or undefined if unparsable.
 */
export function borgTimeToIso(value: string): string | undefined {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
