/** The keys domain of the contract: passphrase change, key export and import, recovery kit, self-test. */
import { z } from 'zod';
import {
  exportedKeySchema,
  keyExportFormatSchema,
  keyImportSourceSchema,
  recoveryKitSchema,
  selfTestResultSchema,
} from '../../model/keys.js';
import { repositorySummarySchema } from '../../model/repository.js';
import { empty, repoRef } from './shared.js';

/** Requests about repository keys. Passphrases travel only toward the core, never back. */
export const keyRequests = {
  'keys:change-passphrase': {
    params: z.object({
      repoId: z.string(),
      /** Empty or absent: the passphrase Borgdesk holds. */
      currentPassphrase: z.string().optional(),
      newPassphrase: z.string().min(1),
    }),
    result: repositorySummarySchema,
  },
  'keys:export': {
    params: z.object({ repoId: z.string(), format: keyExportFormatSchema }),
    result: exportedKeySchema,
  },
  'keys:import': {
    params: z
      .object({
        repoId: z.string().optional(),
        location: z.string().optional(),
        /** With `location`: the SSH key chosen in the add dialog (a stored repository has its own). */
        sshKey: z.string().min(1).optional(),
        source: keyImportSourceSchema,
      })
      .refine((p) => p.repoId !== undefined || p.location !== undefined, 'repoId or location'),
    result: z.object({ imported: z.literal(true) }),
  },
  'keys:recovery-kit': { params: repoRef, result: recoveryKitSchema },
  'keys:self-test': {
    params: z.object({
      repoId: z.string(),
      /** Empty or absent: the passphrase Borgdesk holds. */
      passphrase: z.string().optional(),
      /** A saved key (file, paper or QR page) to test; absent: a fresh export. */
      keyText: z.string().max(1_000_000).optional(),
    }),
    result: selfTestResultSchema,
  },
  'keys:folder': { params: empty, result: z.object({ folder: z.string() }) },
} as const;
