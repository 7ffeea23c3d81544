import { describe, expect, it } from 'vitest';
import { HOOK_VARIABLES } from '../../model/hook-variables.js';
import { buildHookEnv, type HookContext } from './hook-env.js';

const parent = {
  PATH: '/usr/bin:/bin',
  HOME: '/home/ann',
  BORG_PASSPHRASE: 'hunter2',
  BORG_NEW_PASSPHRASE: 'new secret',
  BORG_PASSCOMMAND: 'pass show borg',
  BORG_PASSPHRASE_FD: '3',
  BORG_OTHER_PASSPHRASE: 'other secret',
  BORG_FUTURE_PASSWORD: 'a name borg might add',
  BORG_BASE_DIR: '/srv/borg-base',
  // A value left over from a hook that started Borgdesk must not leak into this run.
  BORGDESK_ERROR_CODE: 'Stale',
  UNSET: undefined,
};

const base = {
  planId: 'plan-1',
  planName: 'Documents',
  repositoryName: 'USB disk',
  repositoryLocation: '/media/usb/repo',
  logFile: '/tmp/borgdesk-hook-x/job-log.txt',
};

function envFor(context: Partial<HookContext> & Pick<HookContext, 'hook' | 'result'>) {
  return buildHookEnv(parent, { ...base, ...context });
}

function ours(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('BORGDESK_')));
}

describe('buildHookEnv', () => {
  it('tells the before hook the plan and repository, with no archive name yet', () => {
    expect(ours(envFor({ hook: 'before', result: 'running' }))).toEqual({
      BORGDESK_HOOK: 'before',
      BORGDESK_PLAN_NAME: 'Documents',
      BORGDESK_PLAN_ID: 'plan-1',
      BORGDESK_REPOSITORY_NAME: 'USB disk',
      BORGDESK_REPOSITORY_LOCATION: '/media/usb/repo',
      BORGDESK_ARCHIVE_NAME: '',
      BORGDESK_RESULT: 'running',
      BORGDESK_LOG_FILE: '/tmp/borgdesk-hook-x/job-log.txt',
    });
  });

  it('gives the after-success and always hooks the archive and the result', () => {
    const after = envFor({ hook: 'after-success', result: 'warnings', archiveName: 'documents-pc-2026' });
    expect(after).toMatchObject({
      BORGDESK_HOOK: 'after-success',
      BORGDESK_ARCHIVE_NAME: 'documents-pc-2026',
      BORGDESK_RESULT: 'warnings',
    });
    expect(after).not.toHaveProperty('BORGDESK_ERROR_CODE');
    expect(envFor({ hook: 'always', result: 'succeeded' })['BORGDESK_HOOK']).toBe('always');
  });

  it('gives the after-failure hook the error code and message', () => {
    const env = envFor({
      hook: 'after-failure',
      result: 'failed',
      error: { code: 'RepositoryDoesNotExist', message: 'The repository was not found.' },
    });
    expect(env).toMatchObject({
      BORGDESK_RESULT: 'failed',
      BORGDESK_ERROR_CODE: 'RepositoryDoesNotExist',
      BORGDESK_ERROR_MESSAGE: 'The repository was not found.',
    });
  });

  it('keeps the host environment but no passphrase of any kind', () => {
    const env = envFor({ hook: 'always', result: 'cancelled' });
    expect(env).toMatchObject({ PATH: '/usr/bin:/bin', HOME: '/home/ann', BORG_BASE_DIR: '/srv/borg-base' });
    expect(Object.keys(env).filter((k) => /PASS/.test(k))).toEqual([]);
    expect(Object.values(env)).not.toContain('hunter2');
    expect(env).not.toHaveProperty('BORGDESK_ERROR_CODE');
    expect(env).not.toHaveProperty('UNSET');
  });

  it('lists every variable it can set', () => {
    const env = envFor({ hook: 'after-failure', result: 'failed', error: { code: 'c', message: 'm' } });
    expect(Object.keys(ours(env)).sort()).toEqual(HOOK_VARIABLES.map((v) => v.name).sort());
  });
});
