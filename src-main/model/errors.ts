/** The one error shape that crosses from the core to every UI. Pure data: imports only zod. */
import { z } from 'zod';

/** The one error shape that crosses the boundary, so the UI can say what happened and what to do. */
export const serializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  remedy: z.string().optional(),
  msgid: z.string().optional(),
  rc: z.number().optional(),
  /** For DiskFull: which disk ran full, so the UI offers what frees space there. */
  fullDisk: z.enum(['repository', 'cache', 'unknown']).optional(),
  /** For PromptRefused: borg's own question, word for word (the UI shows it in the question dialog). */
  question: z.string().optional(),
  /** For SshHostKeyUnknown / SshHostKeyChanged: the server whose key the UI offers to check. */
  sshHost: z.object({ host: z.string(), port: z.number().int() }).optional(),
  /** For RepositoryFromOtherBorg: the major version of borg that made the repository (1 or 2). */
  major: z.number().int().optional(),
});
export type SerializedError = z.infer<typeof serializedErrorSchema>;
