/** The migration domain of the contract: a borg 1.x repository copied into a new borg 2 repository. */
import { z } from 'zod';
import { jobRef } from './shared.js';

/** What the "Migrate to borg 2…" dialog sends. */
export const migrateParamsSchema = z.object({
  repoId: z.string(),
  location: z.string().min(1),
  name: z.string().min(1),
  encryption: z.string().min(1),
  passphrase: z.string().optional(),
  samePassphrase: z.boolean().optional(),
  oldPassphrase: z.string().optional(),
  remember: z.boolean().optional(),
});

/** Requests about migration. */
export const migrationRequests = {
  /** repo-create --from-borg1 + transfer as one job with progress; running it again continues it. */
  'repos:migrate': { params: migrateParamsSchema, result: jobRef },
  /** Points every plan of one repository at another (after a migration); returns how many moved. */
  'plans:move-to-repository': {
    params: z.object({ fromRepoId: z.string(), toRepoId: z.string() }),
    result: z.object({ moved: z.number() }),
  },
} as const;
