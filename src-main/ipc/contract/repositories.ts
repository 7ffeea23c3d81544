/** The repositories domain of the contract: adding, unlocking, removing and inspecting repositories. */
import { z } from 'zod';
import { anyEncryptionModeSchema } from '../../model/encryption.js';
import { passcommandTestResultSchema } from '../../model/passcommand.js';
import { repositoryDetailsSchema, repositorySummarySchema } from '../../model/repository.js';
import { empty, repoRef } from './shared.js';

// "Remember the passphrase on this computer"; absent: on where the store lasts and needs no consent.
const remember = z.boolean().optional();
const sshKey = z.string().min(1).optional();

const attemptId = z.string().min(1).max(100).optional();

/** Requests about repositories. */
export const repositoryRequests = {
  'repos:list': { params: empty, result: z.array(repositorySummarySchema) },
  'repos:create': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      encryption: anyEncryptionModeSchema,
      passphrase: z.string().optional(),
      remember: remember,
      /** The private key file ssh logs in with (ssh:// locations); absent: ssh's own defaults. */
      sshKey: sshKey,
      /** Names this attempt, so `repos:cancel-attempt` can stop its borg (the dialog's Cancel). */
      attemptId: attemptId,
    }),
    result: repositorySummarySchema,
  },
  'repos:add-existing': {
    params: z.object({
      name: z.string().min(1),
      location: z.string().min(1),
      passphrase: z.string().optional(),
      remember: remember,
      /** Instead of a passphrase: the command that prints it (BORG_PASSCOMMAND), stored with the repository. */
      passcommand: z.string().optional(),
      sshKey: sshKey,
      /** Borg's questions the user answered yes to in the question dialog, for this add only. */
      consentedPrompts: z.array(z.string()).max(4).optional(),
      attemptId: attemptId,
    }),
    result: repositorySummarySchema,
  },
  /** Stops the borg of a running create/add-existing (it rejects with Cancelled); unknown ids are ignored. */
  'repos:cancel-attempt': { params: z.object({ attemptId: z.string().min(1).max(100) }), result: empty },
  'repos:unlock': {
    params: z.object({ repoId: z.string(), passphrase: z.string(), remember: remember }),
    result: repositorySummarySchema,
  },
  /** Forget the remembered passphrase (keychain copy and memory): the repository is locked again. */
  'repos:forget-passphrase': { params: repoRef, result: repositorySummarySchema },
  'repos:remove': { params: repoRef, result: z.object({ removed: z.boolean() }) },
  'repos:details': { params: repoRef, result: repositoryDetailsSchema },
  /** Store (after borg accepted what it prints) or clear (null) the repository's passcommand. */
  'repos:set-passcommand': {
    params: z.object({ repoId: z.string(), passcommand: z.string().nullable() }),
    result: repositorySummarySchema,
  },
  /** Try a passcommand on a stored repository (repoId) or on one being added (location); stores nothing. */
  'repos:test-passcommand': {
    params: z.object({
      repoId: z.string().optional(),
      location: z.string().optional(),
      passcommand: z.string(),
      /** With `location`: the SSH key chosen in the add dialog (a stored repository has its own). */
      sshKey: sshKey,
    }),
    result: passcommandTestResultSchema,
  },
  /** Rename a repository and/or point it at its new location (borg must find the same repository there). */
  'repos:edit': {
    params: z.object({ repoId: z.string(), name: z.string().optional(), location: z.string().optional() }),
    result: repositorySummarySchema,
  },
} as const;

/** Events about repositories. */
export const repositoryEvents = {
  /** The repository list changed (added, removed, unlocked, new backup). */
  'repos:changed': z.array(repositorySummarySchema),
} as const;
