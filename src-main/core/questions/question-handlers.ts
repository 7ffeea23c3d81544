/**
 * The request handlers of the questions domain (see ipc/contract/questions.ts), and the watch on
 * `repos:details`: a repository screen that cannot read the repository because borg asks a
 * question records that question, so the screen can offer Answer….
 */
import type { HandlersFor, RequestHandlers } from '../../ipc/contract.js';
import type { questionRequests } from '../../ipc/contract/questions.js';
import { isKnownError, serializeError } from '../serialize-error.js';
import type { QuestionBook } from './question-book.js';

/** One handler per question request. */
export function questionHandlers(book: QuestionBook): HandlersFor<typeof questionRequests> {
  return {
    'questions:list': async ({ repoId }) => book.list(repoId),
    'questions:answer': (params) => book.answer(params),
  };
}

/** `repos:details` that tells the book what borg asked (or that borg accepted the repository). */
export function watchDetails(
  details: RequestHandlers['repos:details'],
  book: QuestionBook,
): RequestHandlers['repos:details'] {
  return async (params) => {
    try {
      const result = await details(params);
      book.noteAccepted(params.repoId);
      return result;
    } catch (e) {
      if (isKnownError(e)) book.noteFailure(params.repoId, serializeError(e), { kind: 'read' });
      throw e;
    }
  };
}
