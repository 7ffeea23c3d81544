/** IPC channel names shared by the preload and the main process; nothing else crosses Electron IPC. */

/** Renderer → main: one request envelope, answered with a reply envelope. */
export const INVOKE_CHANNEL = 'borgdesk:invoke';
/** Main → renderer: one `{event, payload}` envelope per core event. */
export const EVENT_CHANNEL = 'borgdesk:event';
