/**
 * The SSH keys domain of the contract: Borgdesk's own key, the keys in ~/.ssh, the restricted
 * `authorized_keys` line for a repository, and which key a repository logs in with. Only public
 * keys and file paths travel; a private key's contents never do.
 */
import { z } from 'zod';
import { repositorySummarySchema } from '../../model/repository.js';
import { authorizedKeysEntrySchema, sshKeyListSchema, sshKeySchema } from '../../model/ssh-keys.js';
import { empty } from './shared.js';

/** Requests about SSH keys. */
export const sshKeyRequests = {
  'ssh-keys:list': { params: empty, result: sshKeyListSchema },
  /** Make Borgdesk's own ed25519 key; refused when it exists. */
  'ssh-keys:generate': { params: empty, result: sshKeySchema },
  /** The public key and its `authorized_keys` line for a stored repository (repoId) or one being added (location). */
  'ssh-keys:authorized-line': {
    params: z
      .object({
        keyFile: z.string().min(1),
        repoId: z.string().optional(),
        location: z.string().optional(),
        appendOnly: z.boolean().default(false),
      })
      .refine((p) => p.repoId !== undefined || p.location !== undefined, 'repoId or location'),
    result: authorizedKeysEntrySchema,
  },
  /** The private key file an ssh repository logs in with; null: ssh's own defaults. */
  'ssh-keys:set-repository-key': {
    params: z.object({ repoId: z.string(), keyFile: z.string().min(1).nullable() }),
    result: repositorySummarySchema,
  },
} as const;
