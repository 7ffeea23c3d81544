/** Rules of migrating a borg 1.x repository to borg 2 that the core and the dialog share. Pure. */
/**
 * The borg 2 modes a repository can move to: borg's transfer refuses to change the id hash
 * ("You must keep the same ID hash (HMAC-SHA256 or BLAKE2b) or deduplication will break"), so a
 * *-blake2 repository goes to a blake2 mode and any other to a non-blake2 one; "none" stays offered
 * only for an unencrypted one.
 */
export function migrationModes(oldEncryption: string | undefined, modes: readonly string[]): string[] {
  if (oldEncryption === undefined) return [...modes];
  const blake2 = oldEncryption.includes('blake2');
  const unencrypted = oldEncryption === 'none';
  return modes.filter((m) => m.includes('blake2') === blake2 && (m === 'none') === unencrypted);
}
