/**
 * The one place the UI gets its API from: the Electron bridge when the preload exposed it, otherwise
 * the browser host's WebSocket. Both reject failed requests with ApiError.
 */
import type { BorgdeskApi } from '../../src-main/ipc/contract.js';
import { createElectronClient } from './electron-client.js';
import { createBrowserWsClient, type ConnectionListener, type WsClient } from './ws-client.js';

export { ApiError } from './api-error.js';
export type { ConnectionState, ConnectionListener } from './ws-client.js';

let api: BorgdeskApi | undefined;
let wsClient: WsClient | undefined;

/** The API for this page, created on first use. */
export function getApi(): BorgdeskApi {
  if (api !== undefined) return api;
  const bridge = window.borgdesk;
  if (bridge !== undefined) {
    api = createElectronClient(bridge);
  } else {
    wsClient = createBrowserWsClient();
    api = wsClient;
  }
  return api;
}

/**
 * Follow the connection state (called at once with the current one). Electron's IPC cannot drop,
 * so there the listener hears `open` once.
 */
export function onConnectionChange(listener: ConnectionListener): () => void {
  getApi();
  if (wsClient !== undefined) return wsClient.onConnectionChange(listener);
  listener('open');
  return () => {};
}
