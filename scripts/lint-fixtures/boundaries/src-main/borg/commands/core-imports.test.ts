// borg's tests follow borg's boundary; one core helper is allowed until it moves to src-main/model.
import { describe, it } from 'vitest';
import { pruneKeepArgs } from '../../core/plans/retention.js';
import { AppError } from '../../core/app-error.js'; // ✗ paths

process.env['BORG_BASE_DIR'] = '/tmp/borg-base';
describe('a borg test', () => it('runs', () => [pruneKeepArgs, AppError]));
