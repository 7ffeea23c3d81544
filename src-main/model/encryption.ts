/** Encryption modes of a borg repository. Pure data: imports only zod. */
import { z } from 'zod';

/** Encryption modes offered when creating a repository (borg 1.2/1.4 `borg init --encryption`). */
export const encryptionModeSchema = z.enum([
  'repokey-blake2',
  'repokey',
  'keyfile-blake2',
  'keyfile',
  'authenticated-blake2',
  'authenticated',
  'none',
]);
export type EncryptionMode = z.infer<typeof encryptionModeSchema>;

/** True for the modes whose key lives only in the keys folder of the computer that uses it (keyfile, keyfile-blake2). */
export function isKeyfileMode(encryption: string | undefined): boolean {
  return encryption !== undefined && encryption.startsWith('keyfile');
}
