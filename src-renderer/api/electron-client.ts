/** The Electron host's API client: a thin wrapper over the preload's `window.borgdesk` bridge. */
import type {
  BorgdeskApi,
  EventName,
  EventPayload,
  RequestName,
  RequestParams,
  RequestResult,
} from '../../src-main/ipc/contract.js';
import { toApiError } from './api-error.js';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    readonly borgdesk?: BorgdeskApi;
  }
}

/** Wrap the bridge so failures reject with ApiError (the preload rejects with plain error objects). */
export function createElectronClient(bridge: BorgdeskApi): BorgdeskApi {
  return {
    invoke<N extends RequestName>(name: N, params: RequestParams<N>): Promise<RequestResult<N>> {
      return bridge.invoke(name, params).catch((reason: unknown) => {
        throw toApiError(reason);
      });
    },
    on<N extends EventName>(event: N, listener: (payload: EventPayload<N>) => void): () => void {
      return bridge.on(event, listener);
    },
  };
}
