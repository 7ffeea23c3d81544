import { describe, expect, it } from 'vitest';
import type { BorgdeskApi } from '../../src-main/ipc/contract.js';
import { ApiError, toApiError } from './api-error.js';
import { createElectronClient } from './electron-client.js';

// Electron cannot run here; this stands in for what contextBridge hands the page: failures arrive as
// plain SerializedError objects, because the bridge would strip an Error's extra fields.
function bridgeRejectingWith(reason: unknown): BorgdeskApi {
  return {
    invoke: () => Promise.reject(reason),
    on: () => () => undefined,
  } as BorgdeskApi;
}

describe('electron-client', () => {
  it('turns the bridge rejection back into an ApiError with every field', async () => {
    const client = createElectronClient(
      bridgeRejectingWith({
        code: 'Repository.DoesNotExist',
        message: 'No repo there.',
        remedy: 'Check the path.',
        rc: 2,
      }),
    );
    const error = await client.invoke('repos:list', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'Repository.DoesNotExist',
      message: 'No repo there.',
      remedy: 'Check the path.',
      rc: 2,
    });
  });

  it('passes results through untouched', async () => {
    const bridge = { invoke: async () => [], on: () => () => undefined } as unknown as BorgdeskApi;
    expect(await createElectronClient(bridge).invoke('repos:list', {})).toEqual([]);
  });
});

describe('toApiError', () => {
  it('keeps ApiErrors, wraps Errors and anything else as Internal', () => {
    const original = new ApiError({ code: 'X', message: 'x' });
    expect(toApiError(original)).toBe(original);
    expect(toApiError(new Error('boom'))).toMatchObject({ code: 'Internal', message: 'boom' });
    expect(toApiError('text')).toMatchObject({ code: 'Internal', message: 'text' });
    expect(toApiError({ code: 'NotFound', message: 'gone' }).remedy).toBeUndefined();
  });
});
