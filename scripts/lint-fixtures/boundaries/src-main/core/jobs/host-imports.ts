// The core may use borg, the contract and itself, never a host.
import type { Settings } from '../../ipc/contract.js';
import { runBorg } from '../../borg/exec.js';
import { createCore } from '../create-core.js';
import { createElectronEnvironment } from '../../electron/environment.js'; // ✗ paths
import type { TestHost } from '../../node/test-host.js'; // ✗ paths
import { PRELOAD_CHANNELS } from '../../preload/channels.js'; // ✗ paths
import '../../index.js'; // ✗ paths
import { listen } from '../../server'; // ✗ paths
import { mount } from '../../../src-renderer/main.js'; // ✗ paths
import { app } from 'electron'; // ✗ packages
import { execa } from 'execa'; // ✗ packages

export { startBrowserHost } from '../../node/browser-host.js'; // ✗ paths
export type { Settings, TestHost };
export const used = [
  runBorg,
  createCore,
  createElectronEnvironment,
  PRELOAD_CHANNELS,
  listen,
  mount,
  app,
  execa,
];
