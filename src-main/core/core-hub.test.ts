import { describe, expect, it } from 'vitest';
import { CoreHub } from './core-hub.js';

describe('CoreHub', () => {
  it('calls subscribers in the order they subscribed, synchronously', () => {
    const hub = new CoreHub();
    const calls: string[] = [];
    hub.on('repository-removed', (id) => void calls.push(`first ${id}`));
    hub.on('repository-removed', (id) => void calls.push(`second ${id}`));
    void hub.publish('repository-removed', 'r1');
    expect(calls).toEqual(['first r1', 'second r1']);
  });

  it('lets the publisher wait for the work subscribers return', async () => {
    const hub = new CoreHub();
    let done = false;
    hub.on('upcoming-changed', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      done = true;
    });
    await hub.publish('upcoming-changed', undefined);
    expect(done).toBe(true);
  });

  it('passes a subscriber throw to the publisher, as a direct call would', () => {
    const hub = new CoreHub();
    hub.on('upcoming-changed', () => {
      throw new Error('boom');
    });
    expect(() => hub.publish('upcoming-changed', undefined)).toThrow('boom');
  });
});
