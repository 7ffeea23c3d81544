/** The request handlers of the job history. */
import type { RequestHandlers } from '../../ipc/contract.js';
import type { HistoryStore } from './history-store.js';

/** The requests this module answers. */
export type HistoryRequestName = 'history:list' | 'history:log';

/** One handler per history request. */
export function historyHandlers(history: HistoryStore): Pick<RequestHandlers, HistoryRequestName> {
  return {
    'history:list': async (params) => history.list(params),
    'history:log': ({ id }) => history.log(id),
  };
}
