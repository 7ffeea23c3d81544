/**
 * The power-source events Electron's powerMonitor fires on each platform (electron.d.ts: 'on-ac' on
 * macOS and Windows, 'on-battery' on macOS only; none on Linux). Listening only to those keeps the
 * code from promising a prompt reaction where the next poll is what notices the change.
 */
export type PowerSourceEvent = 'on-ac' | 'on-battery';

/** The events to listen to on `platform`. */
export function powerEventsFor(platform: NodeJS.Platform): PowerSourceEvent[] {
  if (platform === 'darwin') return ['on-battery', 'on-ac'];
  if (platform === 'win32') return ['on-ac'];
  return [];
}
