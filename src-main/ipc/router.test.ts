import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../core/app-error.js';
import type { Core } from '../core/services.js';
import { appStatusSchema } from '../model/app.js';
import type { RequestHandlers } from './contract.js';
import { createRouter, INVALID_ENVELOPE_ID } from './router.js';
import { startTestCore } from '../core/test-support/test-core.js';
import { log as coreLog } from '../core/logging/log.js';

// A handful of handlers is enough to drive every validation path of the router itself.
function handlersCore(
  handlers: Partial<Record<keyof RequestHandlers, (params: unknown) => Promise<unknown>>>,
) {
  return { handlers: handlers as unknown as RequestHandlers };
}

const settings = {
  borgPath: '',
  defaultCompression: 'lz4',
  notificationLevel: 'problems',
  staleAfterDays: 3,
};

describe('createRouter validation', () => {
  const seen: unknown[] = [];
  const router = createRouter(
    handlersCore({
      'settings:update': async (params) => {
        seen.push(params);
        return { ...settings, ...(params as object) };
      },
      'repos:details': async () => {
        throw new AppError('NotFound', 'No repository with that id.', 'Pick one from the list.');
      },
      'repos:remove': async () => {
        throw new Error('secret internal detail at /home/someone');
      },
      'settings:get': async () => ({ borgPath: 42 }),
    }),
  );

  it('rejects envelopes that are not objects with an integer id', async () => {
    for (const bad of [null, 'x', [], { method: 'app:status' }, { id: 1.5, method: 'app:status' }]) {
      const reply = await router.handle(bad);
      expect(reply).toMatchObject({ id: INVALID_ENVELOPE_ID, ok: false, error: { code: 'InvalidEnvelope' } });
    }
  });

  it('rejects a missing or unknown method, keeping the id', async () => {
    expect(await router.handle({ id: 3, params: {} })).toMatchObject({
      id: 3,
      error: { code: 'InvalidEnvelope' },
    });
    const reply = await router.handle({ id: 4, method: 'fs:delete-everything', params: {} });
    expect(reply).toMatchObject({ id: 4, ok: false, error: { code: 'UnknownMethod' } });
    // Inherited object keys are not methods either.
    expect(await router.handle({ id: 5, method: 'toString', params: {} })).toMatchObject({
      error: { code: 'UnknownMethod' },
    });
  });

  it('names every invalid field in InvalidParams and never calls the handler', async () => {
    const reply = await router.handle({
      id: 6,
      method: 'settings:update',
      params: { borgPath: 7, defaultCompression: 'brotli' },
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.error.code).toBe('InvalidParams');
    expect(reply.error.message).toContain('settings:update');
    expect(reply.error.message).toContain('borgPath');
    expect(reply.error.message).toContain('defaultCompression');
    expect(seen).toEqual([]);
  });

  it('passes parsed params to the handler and returns its result', async () => {
    const reply = await router.handle({
      id: 7,
      method: 'settings:update',
      params: { borgPath: '/usr/bin/borg' },
    });
    expect(reply).toEqual({ id: 7, ok: true, result: { ...settings, borgPath: '/usr/bin/borg' } });
    expect(seen).toEqual([{ borgPath: '/usr/bin/borg' }]);
  });

  it('treats missing params as empty, but rejects extra keys on parameterless requests', async () => {
    const strict = await router.handle({ id: 8, method: 'settings:get', params: { extra: true } });
    expect(strict).toMatchObject({ id: 8, ok: false, error: { code: 'InvalidParams' } });
    const missing = await router.handle({ id: 9, method: 'settings:get' });
    expect(missing).toMatchObject({ id: 9, ok: true });
  });

  it('serializes known errors with their code and remedy, and hides unexpected ones', async () => {
    const known = await router.handle({ id: 10, method: 'repos:details', params: { repoId: 'r1' } });
    expect(known).toEqual({
      id: 10,
      ok: false,
      error: { code: 'NotFound', message: 'No repository with that id.', remedy: 'Pick one from the list.' },
    });
    // The stack goes to the core's log only.
    const consoleError = vi.spyOn(coreLog, 'error').mockImplementation(() => undefined);
    const unknown = await router.handle({ id: 11, method: 'repos:remove', params: { repoId: 'r1' } });
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
    expect(unknown.ok).toBe(false);
    expect(JSON.stringify(unknown)).not.toContain('secret internal detail');
    expect(JSON.stringify(unknown)).not.toContain('at ');
  });

  it('checks results only when asked to', async () => {
    const lax = await router.handle({ id: 12, method: 'settings:get', params: {} });
    expect(lax.ok).toBe(true);
    const strictRouter = createRouter(handlersCore({ 'settings:get': async () => ({ borgPath: 42 }) }), {
      validateResults: true,
    });
    const strict = await strictRouter.handle({ id: 13, method: 'settings:get', params: {} });
    expect(strict).toMatchObject({ id: 13, ok: false, error: { code: 'InvalidResult' } });
  });
});

describe('createRouter and the test-mode requests', () => {
  const advance = vi.fn(async ({ ms }: { ms: number }) => ({ now: new Date(ms).toISOString() }));
  const handlers = { 'test:advance-clock': advance } as unknown as RequestHandlers;

  it('treats a test request as an unknown method unless the core is in test mode', async () => {
    const router = createRouter({ handlers });
    const reply = await router.handle({ id: 1, method: 'test:advance-clock', params: { ms: 5 } });
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'UnknownMethod' } });
    expect(advance).not.toHaveBeenCalled();
  });

  it('routes and validates a test request in test mode', async () => {
    const router = createRouter({ handlers, testMode: true });
    const bad = await router.handle({ id: 2, method: 'test:advance-clock', params: { ms: -1 } });
    expect(bad).toMatchObject({ id: 2, ok: false, error: { code: 'InvalidParams' } });
    const good = await router.handle({ id: 3, method: 'test:advance-clock', params: { ms: 5 } });
    expect(good).toEqual({ id: 3, ok: true, result: { now: new Date(5).toISOString() } });
  });
});

describe('createRouter with the real core', () => {
  let dir = '';
  let core: Core | undefined;
  afterAll(async () => {
    await core?.dispose();
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('answers app:status with a result that satisfies the contract', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'borgdesk-router-'));
    process.env['BORG_BASE_DIR'] = path.join(dir, 'borg-base');
    core = await startTestCore({ configDir: path.join(dir, 'config'), homeDir: dir });
    const router = createRouter(core, { validateResults: true });
    const reply = await router.handle({ id: 1, method: 'app:status', params: {} });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const status = appStatusSchema.parse(reply.result);
    expect(status.host).toBe('browser');
    expect(status.homeDir).toBe(dir);
  });
});
