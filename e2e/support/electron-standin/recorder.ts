/**
 * The stand-in's memory: every call the bundle makes is recorded here and streamed to the test
 * process, and every stand-in object is wrapped so that touching a member the stand-in does not
 * have fails loudly instead of passing silently (the bundle may catch the error, so it is also
 * recorded as `standin:missing`, which the spec asserts never happens).
 */
import type { ChildMessage, RecordedCall } from './messages.js';

/** Marks stand-in objects that serialize as something shorter than their fields. */
export const SNAPSHOT = Symbol('standin snapshot');

interface Snapshottable {
  [SNAPSHOT](): unknown;
}

let seq = 0;
const calls: RecordedCall[] = [];

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Arguments as JSON: functions and stand-in objects by a short description, cycles cut. */
export function snapshot(value: unknown, depth = 0): unknown {
  if (typeof value === 'function') return '[Function]';
  if (value === null || typeof value !== 'object') return value === undefined ? null : value;
  if (depth > 6) return '[Deep]';
  if (SNAPSHOT in value) return (value as Snapshottable)[SNAPSHOT]();
  if (value instanceof Error) return { error: value.message };
  if (Array.isArray(value)) return value.map((item: unknown) => snapshot(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = snapshot(item, depth + 1);
  return out;
}

/** Record one call (or lifecycle step) and tell the test process at once. */
export function record(name: string, ...args: readonly unknown[]): void {
  seq += 1;
  const call: RecordedCall = { seq, name, args: args.map((arg) => snapshot(arg)) };
  calls.push(call);
  send({ type: 'call', call });
}

/** The calls so far with this name (the child's own view, for commands that need it). */
export function recorded(name: string): readonly RecordedCall[] {
  return calls.filter((call) => call.name === name);
}

// Read by Node, vitest's printer or Promise resolution on any object; never a missing API.
const HARMLESS = new Set([
  'then',
  'toJSON',
  'constructor',
  '__esModule',
  'inspect',
  'asymmetricMatch',
  'nodeType',
]);

/**
 * Wrap a stand-in object: known members pass through, an unknown one is recorded as
 * `standin:missing` and throws, naming what to add to the stand-in.
 */
export function strict<T extends object>(label: string, target: T): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || key in object) return Reflect.get(object, key, receiver) as unknown;
      if (HARMLESS.has(key)) return undefined;
      record('standin:missing', `${label}.${key}`);
      throw new Error(
        `The electron stand-in has no ${label}.${key}: add it to e2e/support/electron-standin so the test covers it.`,
      );
    },
  });
}
