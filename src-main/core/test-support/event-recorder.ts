/** Test helper: records every core event and waits for one that matches, without sleeping. */
import type { EventName, EventPayload } from '../../ipc/contract.js';
import type { Core } from '../services.js';

/** One recorded event, typed by name. */
export type RecordedEvent = { [N in EventName]: { event: N; payload: EventPayload<N> } }[EventName];

/** Subscribes to `core` and keeps every event in order. */
export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private waiters: { match: (e: RecordedEvent) => boolean; resolve: (e: RecordedEvent) => void }[] = [];
  private readonly unsubscribe: () => void;

  constructor(core: Core) {
    this.unsubscribe = core.subscribe((event, payload) => {
      const recorded = { event, payload } as RecordedEvent;
      this.events.push(recorded);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(recorded)) return true;
        w.resolve(recorded);
        return false;
      });
    });
  }

  /** Events of one name, in order. */
  of<N extends EventName>(name: N): EventPayload<N>[] {
    return this.events.filter((e) => e.event === name).map((e) => e.payload as EventPayload<N>);
  }

  /** Resolve with the first event (already seen or future) named `name` that satisfies `match`. */
  waitFor<N extends EventName>(
    name: N,
    match: (payload: EventPayload<N>) => boolean = () => true,
    timeoutMs = 30_000,
  ): Promise<EventPayload<N>> {
    const test = (e: RecordedEvent): boolean => e.event === name && match(e.payload as EventPayload<N>);
    const seen = this.events.find(test);
    if (seen !== undefined) return Promise.resolve(seen.payload as EventPayload<N>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${name}`)), timeoutMs);
      this.waiters.push({
        match: test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e.payload as EventPayload<N>);
        },
      });
    });
  }

  /** Stop recording. */
  stop(): void {
    this.unsubscribe();
  }
}
