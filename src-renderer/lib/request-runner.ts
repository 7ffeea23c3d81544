/**
 * The state of one request slot, outside React: `{data, error, loading}`, with every reply checked
 * against the newest request so a late answer to an older one (or one after the screen left) is
 * dropped. `use-request.ts` binds it to a component; keeping it free of React lets it be tested alone.
 */
import { toErrorInfo, type ErrorInfo } from './error-info.js';

/** What a screen shows for one request. */
export interface RequestSnapshot<T> {
  /** The last successful reply; kept while a newer request runs, and after one fails. */
  readonly data: T | undefined;
  /** Why the newest request failed; cleared when another starts. */
  readonly error: ErrorInfo | undefined;
  /** True while the newest request has not answered. */
  readonly loading: boolean;
}

/** The snapshot before any request. */
export const IDLE: RequestSnapshot<never> = { data: undefined, error: undefined, loading: false };

/** One request slot: the newest request wins, and nothing is delivered while detached. */
export class RequestRunner<T> {
  private ticket = 0;
  private attached = true;
  private state: RequestSnapshot<T> = IDLE;
  /** What the owner last asked with (use-request.ts keeps its params key here). */
  lastKey: string | undefined;

  /** `onChange` hears every new snapshot. */
  constructor(private readonly onChange: (snapshot: RequestSnapshot<T>) => void) {}

  /** The current snapshot. */
  get snapshot(): RequestSnapshot<T> {
    return this.state;
  }

  /**
   * Starts `perform`, superseding any request still running; `onSuccess` runs only if this one is
   * current. `fallback` is the message when the failure carries none.
   */
  run(perform: () => Promise<T>, fallback: string, onSuccess?: (value: T) => void): void {
    const ticket = ++this.ticket;
    const current = (): boolean => this.attached && ticket === this.ticket;
    this.set({ data: this.state.data, error: undefined, loading: true });
    // A perform that throws before returning a promise fails like one that rejects.
    new Promise<T>((resolve) => resolve(perform())).then(
      (data) => {
        if (!current()) return;
        this.set({ data, error: undefined, loading: false });
        onSuccess?.(data);
      },
      (reason: unknown) => {
        if (current())
          this.set({ data: this.state.data, error: toErrorInfo(reason, fallback), loading: false });
      },
    );
  }

  /** Drops the running request's reply and forgets data and error. */
  reset(): void {
    this.ticket += 1;
    if (this.state !== IDLE) this.set(IDLE);
  }

  /** Resumes delivering (the component mounted again, as React's StrictMode does). */
  attach(): void {
    this.attached = true;
  }

  /** Stops delivering: replies to requests started before are dropped (the component unmounted). */
  detach(): void {
    this.attached = false;
    this.ticket += 1;
  }

  private set(next: RequestSnapshot<T>): void {
    this.state = next;
    if (this.attached) this.onChange(next);
  }
}
