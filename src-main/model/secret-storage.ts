/** Where this Borgdesk keeps remembered passphrases, as Settings states it. Pure data: imports only zod. */
import { z } from 'zod';

/** The kinds of secret store a host can choose at start. */
export const secretStorageKinds = ['secret-service', 'electron-safe-storage', 'memory'] as const;

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
