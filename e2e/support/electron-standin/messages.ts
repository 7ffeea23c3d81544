/**
 * What the test process and the stand-in child say to each other over Node's IPC channel: each
 * recorded call as it happens, and commands (with their replies) that play the parts Electron's
 * runtime would play (a renderer invoking IPC, Chromium asking the protocol handler, the OS quitting).
 */

/** One call the bundle made on the stand-in, or one lifecycle step the stand-in fired. */
export interface RecordedCall {
  /** Order across the whole run, from 1. */
  readonly seq: number;
  /** `app.enableSandbox`, `BrowserWindow.new`, `lifecycle:ready`, `standin:missing`, ... */
  readonly name: string;
  /** The arguments as JSON (functions as "[Function]", images as `{ image: path }`). */
  readonly args: readonly unknown[];
}

/** The commands the child understands; each answers with a {@link CommandReply} of the same id. */
export type Command =
  | {
      readonly op: 'invoke';
      readonly channel: string;
      readonly payload: unknown;
      readonly sender: SenderFrame;
    }
  | { readonly op: 'fetch-app'; readonly url: string; readonly method: string }
  | { readonly op: 'emit-app'; readonly event: string; readonly args: readonly unknown[] }
  | {
      readonly op: 'permission';
      readonly kind: 'request' | 'check';
      readonly permission: string;
      /** False plays a request from a sub-frame (an iframe) of the page. */
      readonly isMainFrame: boolean;
      readonly url: string;
    }
  | { readonly op: 'click-tray-item'; readonly labels: readonly string[] }
  | { readonly op: 'window-event'; readonly event: string; readonly url?: string }
  /** Answered after everything the child did before it: a barrier for calls made in the same tick. */
  | { readonly op: 'ping' };

/** The frame an IPC message claims to come from (Electron's `event.senderFrame`). */
export interface SenderFrame {
  readonly url: string;
  /** A sub-frame has a parent; the main frame has none. */
  readonly isSubFrame?: boolean;
}

/** A command with its id, as sent to the child. */
export type CommandMessage = Command & { readonly id: number };

/** What the child sends to the test process. */
export type ChildMessage =
  | { readonly type: 'call'; readonly call: RecordedCall }
  /** The last message before the child exits; its delivery callback ends the process. */
  | { readonly type: 'exit-flush' }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

/** The answer of the app:// protocol handler, body as text. */
export interface ProtocolAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Options the child reads from BORGDESK_STANDIN_OPTIONS (JSON). */
export interface StandinOptions {
  /** What `app.requestSingleInstanceLock()` answers (false: another instance runs). */
  readonly singleInstanceLock: boolean;
  /** What `Notification.isSupported()` answers. */
  readonly notificationsSupported: boolean;
  /** The bundle to load (`dist/main/index.cjs`). */
  readonly bundle: string;
}
