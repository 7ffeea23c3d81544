// The host passes platform and environment in (Services.platform, Services.env).
import os from 'node:os';
import { env } from 'node:process'; // ✗ paths
import { platform as osPlatform } from 'node:os'; // ✗ paths

export const searchPath = process.env['PATH']; // ✗ host-read
export const home = process.env.HOME; // ✗ host-read
export const isMac = process.platform === 'darwin'; // ✗ host-read
export const { platform } = process; // ✗ host-read
export const osName = os.platform(); // ✗ host-read
export const later = () => import('./late.js'); // ✗ import()
// Other process facts are the process's own, not the host's choice.
export const own = [process.pid, os.hostname(), env, osPlatform];
