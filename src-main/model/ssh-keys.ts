/**
 * SSH keys that log Borgdesk in to a repository server, as the UI sees them: where the private key
 * file is and what ssh-keygen says about its public half. A private key's contents never appear here.
 */
import { z } from 'zod';

/**
 * Whether borg's ssh can use the key without anyone at the keyboard (BatchMode): `passphrase` keys
 * would ask for their passphrase, `permissions` ones are readable by others (ssh ignores them).
 */
export const sshKeyUsabilitySchema = z.enum(['ok', 'passphrase', 'permissions', 'unreadable']);
export type SshKeyUsability = z.infer<typeof sshKeyUsabilitySchema>;

/** One key pair: a private key file with its `.pub` beside it. */
export const sshKeySchema = z.object({
  /** The private key file (absolute path). */
  file: z.string(),
  /** Borgdesk's own key (in its config folder), one from ~/.ssh, or one a repository names. */
  origin: z.enum(['borgdesk', 'ssh-folder', 'other']),
  /** As ssh-keygen names it: ED25519, RSA, ECDSA… */
  type: z.string(),
  bits: z.number().optional(),
  /** SHA256:… as `ssh-keygen -lf` prints it. */
  fingerprint: z.string(),
  comment: z.string(),
  /** The one-line public key (type, base64, comment), as in the `.pub` file. */
  publicKey: z.string(),
  usable: sshKeyUsabilitySchema,
  /** Why the key cannot be used unattended and what to do, when `usable` is not `ok`. */
  problem: z.object({ message: z.string(), remedy: z.string() }).optional(),
});
export type SshKey = z.infer<typeof sshKeySchema>;

/** `ssh-keys:list`: where Borgdesk's own key lives (or would) and every key found. */
export const sshKeyListSchema = z.object({
  borgdeskKeyFile: z.string(),
  keys: z.array(sshKeySchema),
});
export type SshKeyList = z.infer<typeof sshKeyListSchema>;

/** A public key and the `authorized_keys` line that lets it run only `borg serve` on one path. */
export const authorizedKeysEntrySchema = z.object({
  publicKey: z.string(),
  line: z.string(),
  /** The path given to `--restrict-to-path`, as the server's shell reads it. */
  restrictPath: z.string(),
});
export type AuthorizedKeysEntry = z.infer<typeof authorizedKeysEntrySchema>;
