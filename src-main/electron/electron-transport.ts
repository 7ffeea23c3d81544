/**
 * Electron's transport: one `ipcMain.handle` channel carrying request envelopes through the shared
 * router, and core events pushed to our windows. Every message's sender frame is checked, because
 * any frame in any web contents can call ipcRenderer
 * (https://www.electronjs.org/docs/latest/tutorial/security#17-validate-the-sender-of-all-ipc-messages).
 */
import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import type { Core } from '../core/services.js';
import type { EventEnvelope, ReplyEnvelope } from '../ipc/contract.js';
import { createRouter, INVALID_ENVELOPE_ID } from '../ipc/router.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/channels.js';
import { isAppUrl } from './app-url.js';

/** True only for the top-level frame of a page served from app://borgdesk/. */
export function isTrustedFrame(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Options for {@link attachElectronTransport}. */
export interface ElectronTransportOptions {
  /** Check results against the contract (unpackaged builds). */
  readonly validateResults: boolean;
}

/** Route IPC requests to the core and push its events; returns a function that detaches both. */
export function attachElectronTransport(core: Core, options: ElectronTransportOptions): () => void {
  const router = createRouter(core, { validateResults: options.validateResults });

  ipcMain.handle(INVOKE_CHANNEL, async (event, envelope: unknown): Promise<ReplyEnvelope> => {
    if (!isTrustedFrame(event.senderFrame)) {
      const id =
        typeof envelope === 'object' &&
        envelope !== null &&
        typeof (envelope as { id?: unknown }).id === 'number'
          ? (envelope as { id: number }).id
          : INVALID_ENVELOPE_ID;
      return {
        id,
        ok: false,
        error: { code: 'UntrustedSender', message: 'This page may not talk to Borgdesk.' },
      };
    }
    return router.handle(envelope);
  });

  const unsubscribe = core.subscribe((name, payload) => {
    const message: EventEnvelope = { event: name, payload };
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, message);
    }
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
