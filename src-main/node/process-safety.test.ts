import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { installProcessSafetyNet } from './process-safety.js';

describe('installProcessSafetyNet', () => {
  it('logs an escaped exception or rejection instead of letting it end the process', () => {
    const events = new EventEmitter();
    const logged: unknown[] = [];
    installProcessSafetyNet(events, (_message, error) => logged.push(error));
    const boom = new Error('boom');
    // Without a listener, emitting 'uncaughtException' on a bare emitter would throw here.
    expect(events.listenerCount('uncaughtException')).toBe(1);
    events.emit('uncaughtException', boom);
    events.emit('unhandledRejection', 'late');
    expect(logged).toEqual([boom, 'late']);
  });
});
