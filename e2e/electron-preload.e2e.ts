/**
 * The BUILT preload (dist/main/preload.cjs) under a stand-in contextBridge and ipcRenderer (the real
 * Electron cannot be installed here): exactly what it exposes to the page and which channels it uses.
 */
import { describe, expect, it } from 'vitest';
import { loadPreload } from './support/electron-standin/preload.js';

describe('the preload bundle (under a stand-in contextBridge and ipcRenderer)', () => {
  it('exposes only window.borgdesk with invoke and on, and asks for electron alone', () => {
    const preload = loadPreload(() => ({ id: 1, ok: true, result: 'answer' }));
    expect([...preload.exposed.keys()]).toEqual(['borgdesk']);
    expect(Object.keys(preload.exposed.get('borgdesk') as object).sort()).toEqual(['invoke', 'on']);
    expect(preload.required).toEqual(['electron']);
    expect(preload.listenedChannels()).toEqual(['borgdesk:event']);
    expect(preload.missing).toEqual([]);
  });

  it('forwards contract requests on borgdesk:invoke only, and refuses other names', async () => {
    const preload = loadPreload(() => ({ id: 1, ok: true, result: { fine: true } }));
    const api = preload.exposed.get('borgdesk') as {
      invoke(name: string, params: unknown): Promise<unknown>;
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    await expect(api.invoke('app:status', {})).resolves.toEqual({ fine: true });
    await expect(api.invoke('shell:openExternal', { url: 'https://evil.example' })).rejects.toMatchObject({
      code: 'UnknownMethod',
    });
    expect(preload.invokes.map((i) => i.channel)).toEqual(['borgdesk:invoke']);
    expect(() => api.on('not:an-event', () => undefined)).toThrow(/Unknown event/);
  });

  it('hands listeners the payload only, never the IPC event with its sender', () => {
    const preload = loadPreload(() => undefined);
    const api = preload.exposed.get('borgdesk') as {
      on(event: string, listener: (...args: unknown[]) => void): () => void;
    };
    const got: unknown[][] = [];
    const off = api.on('job:updated', (...args) => got.push(args));
    preload.deliver('borgdesk:event', { event: 'job:updated', payload: { n: 1 } });
    preload.deliver('borgdesk:event', { event: 'made:up', payload: { n: 2 } });
    off();
    preload.deliver('borgdesk:event', { event: 'job:updated', payload: { n: 3 } });
    expect(got).toEqual([[{ n: 1 }]]);
  });
});
