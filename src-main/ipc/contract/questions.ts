/** The questions domain of the contract: borg's questions that wait for the user's answer. */
import { z } from 'zod';
import { pendingQuestionSchema, questionAnswerResultSchema } from '../../model/question.js';

/** Requests about borg's pending questions. */
export const questionRequests = {
  /** Every pending question (or security warning); only one repository's with `repoId`. */
  'questions:list': {
    params: z.object({ repoId: z.string().optional() }),
    result: z.array(pendingQuestionSchema),
  },
  /** Yes: the stopped task runs once more with that consent. No: the question is dismissed. */
  'questions:answer': {
    params: z.object({ questionId: z.string(), answer: z.enum(['yes', 'no']) }),
    result: questionAnswerResultSchema,
  },
} as const;

/** Events of the questions domain. */
export const questionEvents = {
  /** The pending questions after a change (one asked, answered, or made moot by a good run). */
  'questions:changed': z.array(pendingQuestionSchema),
} as const;
