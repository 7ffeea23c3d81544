/**
 * A question borg asked about a repository and that only the user may answer (the repository was
 * at another location, an unencrypted repository it never saw), or a security warning borg stopped
 * at (encryption changed, a replayed repository) that has no yes at all. Pure data: imports only zod.
 */
import { z } from 'zod';

/** What stopped at the question: a job (it runs once more on yes), or reading the repository. */
export const questionStoppedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('job'),
    jobId: z.string(),
    title: z.string(),
    /** True when a schedule started it: scheduled runs never answer yes, they wait for the user. */
    scheduled: z.boolean(),
  }),
  z.object({ kind: z.literal('read') }),
]);
export type QuestionStopped = z.infer<typeof questionStoppedSchema>;

/** One pending question (or warning) about a repository. */
export const pendingQuestionSchema = z.object({
  id: z.string(),
  /** 'question': yes/no; 'warning': a possible attack, only safe next steps are offered. */
  kind: z.enum(['question', 'warning']),
  repoId: z.string(),
  repoName: z.string(),
  /** Borg's msgid: for a question the env var that answers it (BORG_RELOCATED_REPO_ACCESS_IS_OK). */
  prompt: z.string(),
  /** Borg's own words, as it printed them; empty when borg gave none. */
  borgText: z.string(),
  /** What it means, in plain words. */
  meaning: z.string(),
  /** For a question: what saying yes does. For a warning: the safe next steps. */
  yesDoes: z.string(),
  /** What saying no (or dismissing) means. */
  noDoes: z.string(),
  stopped: questionStoppedSchema,
  /** ISO time borg first asked (a later run asking again keeps it). */
  since: z.string(),
});
export type PendingQuestion = z.infer<typeof pendingQuestionSchema>;

/** What answering did. */
export const questionAnswerResultSchema = z.object({
  /** On yes for a stopped job: the job that now runs with the consent. */
  jobId: z.string().optional(),
  /** What happens now, in words (shown after the dialog closes). */
  message: z.string(),
});
export type QuestionAnswerResult = z.infer<typeof questionAnswerResultSchema>;

/** The error code a failed run has when borg stopped at a question. */
export const QUESTION_ERROR_CODE = 'PromptRefused';
