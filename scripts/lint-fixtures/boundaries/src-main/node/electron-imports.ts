// The browser host starts without Electron: it uses the core, never the Electron host.
import { createCore } from '../core/create-core.js';
import { createTray } from '../electron/tray.js'; // ✗ paths
import { PRELOAD_CHANNELS } from '../preload/channels.js'; // ✗ paths

export const used = [createCore, createTray, PRELOAD_CHANNELS];
