// Tests play the host: they may set and read the environment, but still import no host folder.
import { describe, it } from 'vitest';
import { startTestHost } from '../../node/test-host.js'; // ✗ paths

process.env['TZ'] = 'UTC';
export const onMac = process.platform === 'darwin';
describe('a core test', () => it('runs', () => startTestHost()));
