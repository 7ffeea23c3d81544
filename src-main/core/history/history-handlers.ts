/** The request handlers of the job history. */
import type { RequestHandlers } from '../../ipc/contract.js';
import type { HistoryStore } from './history-store.js';

/** The requests this module answers. */
export type HistoryRequestName = 'history:list' | 'history:log';

/** One handler per history request. */
export function historyHandlers(history: HistoryStore): Pick<RequestHandlers, HistoryRequestName> {
  return {
    // Recording is asynchronous: wait for writes already under way, so a job that has just finished
    // is in the answer (a UI or test reading right after job:finished would otherwise miss it).
    'history:list': async (params) => {
      await history.idle();
      return history.list(params);
    },
    'history:log': async ({ id }) => {
      await history.idle();
      return history.log(id);
    },
  };
}
