/** What the UI shows when Borgdesk asks the user to trust an ssh server's key. Pure data: zod only. */
import { z } from 'zod';

/** A server as ssh names it: host (no brackets) and port. */
export const sshHostSchema = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
});
export type SshHostRef = z.infer<typeof sshHostSchema>;

/** One host key: its type (ED25519, RSA, ECDSA) and SHA256 fingerprint as ssh-keygen -l prints it. */
export const hostKeyFingerprintSchema = z.object({ type: z.string(), fingerprint: z.string() });
export type HostKeyFingerprint = z.infer<typeof hostKeyFingerprintSchema>;

/**
 * A scan of a server's keys against Borgdesk's known_hosts: `new` (never accepted), `known` (what
 * was accepted before) or `changed` (a key of a type Borgdesk knows differs: warn loudly).
 */
export const hostKeyScanSchema = sshHostSchema.extend({
  status: z.enum(['new', 'known', 'changed']),
  keys: z.array(hostKeyFingerprintSchema),
  /** What Borgdesk had accepted for this server before (for `changed`: the old fingerprints). */
  knownKeys: z.array(hostKeyFingerprintSchema),
});
export type HostKeyScan = z.infer<typeof hostKeyScanSchema>;
