/** The ssh domain of the contract: check a server's host key and accept it into Borgdesk's known_hosts. */
import { z } from 'zod';
import { hostKeyScanSchema, sshHostSchema } from '../../model/ssh.js';

/** Requests about ssh servers. */
export const sshRequests = {
  /** Ask the server for its keys (ssh-keyscan) and compare them with what Borgdesk accepted before. */
  'ssh:scan-host': { params: sshHostSchema, result: hostKeyScanSchema },
  /**
   * Trust the keys the user saw: scanned again, accepted only when they are still exactly
   * `fingerprints`. A changed key is replaced only with `replaceChanged` (the user said they know why).
   */
  'ssh:accept-host': {
    params: sshHostSchema.extend({
      fingerprints: z.array(z.string()).min(1).max(20),
      replaceChanged: z.boolean().default(false),
    }),
    result: hostKeyScanSchema,
  },
} as const;
