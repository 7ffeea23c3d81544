/** The one error shape that crosses from the core to every UI. Pure data: imports only zod. */
import { z } from 'zod';

/** The one error shape that crosses the boundary, so the UI can say what happened and what to do. */
export const serializedErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  remedy: z.string().optional(),
  /**
   * The specific variant of `code` (a camelCase key), when the core says more than the code's
   * generic words; the UI words it from its catalog (`<code>.reasons.<reason>`). `message` and
   * `remedy` stay English, for logs and as the UI's last fallback.
   */
  reason: z.string().optional(),
  /** The values the UI's sentence needs (names, paths, counts), shown as given. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
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

/** The values a catalog sentence interpolates (`{{name}}`). */
export type ErrorParams = Record<string, string | number>;

/** What names an error's words beyond its code: the variant and the values of its sentence. */
export interface ErrorDetail {
  readonly reason?: string;
  readonly params?: ErrorParams;
}
