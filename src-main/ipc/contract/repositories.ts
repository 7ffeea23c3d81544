/** The repositories domain of the contract: adding, unlocking, removing and inspecting repositories. */
import { z } from 'zod';
import { encryptionModeSchema } from '../../model/encryption.js';
import { repositoryDetailsSchema, repositorySummarySchema } from '../../model/repository.js';
import { empty, repoRef } from './shared.js';

/** Requests about repositories. */
export const repositoryRequests = {
  'repos:list': { params: empty, result: z.array(repositorySummarySchema) },
  'repos:create': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      encryption: encryptionModeSchema,
      passphrase: z.string().optional(),
    }),
    result: repositorySummarySchema,
  },
  'repos:add-existing': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      passphrase: z.string().optional(),
    }),
    result: repositorySummarySchema,
  },
  'repos:unlock': {
    params: z.object({ repoId: z.string(), passphrase: z.string() }),
    result: repositorySummarySchema,
  },
  'repos:remove': { params: repoRef, result: z.object({ removed: z.boolean() }) },
  'repos:details': { params: repoRef, result: repositoryDetailsSchema },
} as const;

/** Events about repositories. */
export const repositoryEvents = {
  /** The repository list changed (added, removed, unlocked, new backup). */
  'repos:changed': z.array(repositorySummarySchema),
} as const;
