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

/** borg 2's `repo-create --encryption` modes (2.0.0b19 `--help`), recommended first; 1.x names are refused there. */
export const borg2EncryptionModeSchema = z.enum([
  'repokey-aes-ocb',
  'repokey-chacha20-poly1305',
  'repokey-blake2-aes-ocb',
  'repokey-blake2-chacha20-poly1305',
  'keyfile-aes-ocb',
  'keyfile-chacha20-poly1305',
  'keyfile-blake2-aes-ocb',
  'keyfile-blake2-chacha20-poly1305',
  'authenticated-blake2',
  'authenticated',
  'none',
]);

/** Any mode a create request may carry; the borg in use decides which of them it accepts. */
export const anyEncryptionModeSchema = z.union([encryptionModeSchema, borg2EncryptionModeSchema]);
export type AnyEncryptionMode = z.infer<typeof anyEncryptionModeSchema>;

/** True for the modes whose key lives only in the keys folder of the computer that uses it (keyfile, keyfile-blake2). */
export function isKeyfileMode(encryption: string | undefined): boolean {
  return encryption !== undefined && encryption.startsWith('keyfile');
}
