// borg's tests follow borg's boundary: no core helper either.
import { describe, it } from 'vitest';
import { pruneKeepArgs } from '../../core/plans/retention.js'; // ✗ paths
import { AppError } from '../../core/app-error.js'; // ✗ paths

process.env['BORG_BASE_DIR'] = '/tmp/borg-base';
describe('a borg test', () => it('runs', () => [pruneKeepArgs, AppError]));
