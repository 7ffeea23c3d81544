/** Where this Borgdesk keeps remembered passphrases, as Settings states it. Pure data: imports only zod. */
import { z } from 'zod';

/** The kinds of secret store a host can choose at start. */
export const secretStorageKinds = ['secret-service', 'electron-safe-storage', 'memory'] as const;

/** Where a lasting store keeps its key, for the statement's words. */
export const keyPlaces = [
  'secret-service',
  'macos-keychain',
  'windows-dpapi',
  'system-keychain',
  'gnome-keyring',
  'kwallet',
] as const;
/** Why passphrases stay in memory only. */
export const memoryReasons = [
  'none',
  'no-session-bus',
  'no-keyring',
  'keyring-unusable',
  'no-encryption',
] as const;

/** The statement as data, so the window words it in the user's language (`label` stays for logs). */
export const secretStorageWordsSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('stored'), place: z.enum(keyPlaces) }),
  /** Linux without a keychain: Electron's fixed-key fallback, named by its backend. */
  z.object({ code: z.literal('weak'), backend: z.string() }),
  /** `detail`: the bus's or keyring's own words (data, shown as they are). */
  z.object({ code: z.literal('memory'), why: z.enum(memoryReasons), detail: z.string().optional() }),
]);
export type SecretStorageWords = z.infer<typeof secretStorageWordsSchema>;

/** One clear statement of where passphrases are kept, and whether "remember" survives a restart. */
export const secretStorageSchema = z.object({
  kind: z.enum(secretStorageKinds),
  /** True when a remembered passphrase survives a restart of Borgdesk. */
  persistent: z.boolean(),
  /** The sentence Settings and the Remember checkbox show ("kept in the GNOME Keyring …"). */
  label: z.string(),
  /** True when storing is possible but not safe enough to do by default (Linux `basic_text`). */
  needsExplicitConsent: z.boolean().optional(),
  /** Why the store cannot be used right now (a locked keyring, no answer); absent when fine. */
  problem: z.string().optional(),
  words: secretStorageWordsSchema.optional(),
  /** The problem as data: the keyring failed (with its own words), or there is no keychain at all. */
  problemWords: z
    .discriminatedUnion('code', [
      z.object({ code: z.literal('keyring-unusable'), detail: z.string() }),
      z.object({ code: z.literal('no-keychain') }),
    ])
    .optional(),
});
export type SecretStorage = z.infer<typeof secretStorageSchema>;

/** Whether "Remember the passphrase on this computer" starts ticked: only where it is safe and lasting. */
export function rememberByDefault(storage: SecretStorage | undefined): boolean {
  return (
    storage !== undefined &&
    storage.persistent &&
    storage.needsExplicitConsent !== true &&
    storage.problem === undefined
  );
}
