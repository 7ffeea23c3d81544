/** Fan-out of core events to every subscriber (each UI connection subscribes once). */
import type { EventName, EventPayload } from '../ipc/contract.js';
import type { CoreEventListener } from './services.js';
import { log } from './logging/log.js';

/** Emits typed core events; a throwing listener is logged and never stops the others. */
export class EventBus {
  private readonly listeners = new Set<CoreEventListener>();

  /** Send `payload` to every subscriber. */
  emit<N extends EventName>(event: N, payload: EventPayload<N>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch (e) {
        log.error(`a listener for ${event} failed`, e);
      }
    }
  }

  /** Add a listener; returns the function that removes it. */
  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Drop every listener (on dispose). */
  clear(): void {
    this.listeners.clear();
  }
}
