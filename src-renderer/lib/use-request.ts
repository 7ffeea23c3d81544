/**
 * The one way a screen talks to the core. `useRequest` loads what a screen shows whenever the
 * request's params change; `useAction` runs a request (or a store action) when the user clicks.
 * Both keep `{data, error, loading}` and drop a reply that arrives after a newer request or after
 * the component unmounted, so no screen needs its own counter or `cancelled` flag.
 *
 * The rule (eslint.config.js): components under features/ and components/ do not import `getApi`.
 * Data several screens share lives in a zustand store (src-renderer/stores), whose actions may call
 * the API; everything else goes through these hooks. Non-component modules that page or cache many
 * replies at once (archives/folder-pages.ts, archives/use-folder-tree.ts) keep their own requests.
 */
import { useEffect, useState } from 'react';
import type { RequestName, RequestParams, RequestResult } from '../../src-main/ipc/contract.js';
import { getApi } from '../api/select-client.js';
import { IDLE, RequestRunner, type RequestSnapshot } from './request-runner.js';

/** What {@link useRequest} returns. */
export interface RequestState<T> extends RequestSnapshot<T> {
  /** Runs the request again with the same params. */
  reload(): void;
}

/** Options of {@link useRequest}. */
export interface RequestOptions<T> {
  /** The message shown when the failure carries none. */
  readonly fallback: string;
  /** Anything else that should rerun the request when it changes (e.g. an index stamp). */
  readonly refresh?: string;
  /** Runs with each current reply (not with dropped ones), e.g. to follow the answer. */
  readonly onSuccess?: (value: T) => void;
}

/** A runner bound to this component's state: attached while mounted. */
function useRunner<T>(): [RequestRunner<T>, RequestSnapshot<T>] {
  const [snapshot, setSnapshot] = useState<RequestSnapshot<T>>(IDLE);
  const [runner] = useState(() => new RequestRunner<T>(setSnapshot));
  useEffect(() => {
    runner.attach();
    return () => runner.detach();
  }, [runner]);
  return [runner, snapshot];
}

/**
 * Sends `name` with `params` now and whenever their content (or `refresh`) changes. The last data
 * stays while a new request loads; `undefined` params send nothing and clear it (dropping a request
 * still running).
 */
export function useRequest<N extends RequestName>(
  name: N,
  params: RequestParams<N> | undefined,
  options: RequestOptions<RequestResult<N>>,
): RequestState<RequestResult<N>> {
  const [runner, snapshot] = useRunner<RequestResult<N>>();
  const [reloads, setReloads] = useState(0);
  const key = params === undefined ? undefined : JSON.stringify([name, params, options.refresh]);
  useEffect(() => {
    runner.lastKey = key;
    if (params === undefined) {
      runner.reset();
      return;
    }
    runner.run(() => getApi().invoke(name, params), options.fallback, options.onSuccess);
    // `key` stands for name, params and refresh by content: callers rebuild params on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runner, key, reloads]);
  // New params count as loading from the render that brings them, before the effect sends them.
  const loading = snapshot.loading || (key !== undefined && key !== runner.lastKey);
  return { ...snapshot, loading, reload: () => setReloads((n) => n + 1) };
}

/** What {@link useAction} returns. */
export interface ActionState<A extends readonly unknown[], T> extends RequestSnapshot<T> {
  /** Starts the action; a running one is superseded (its reply dropped). */
  run(...args: A): void;
  /** Drops a running action's reply and forgets data and error (the inputs it answered changed). */
  reset(): void;
  /** Alias of `loading`, as buttons call it. */
  readonly pending: boolean;
}

/** Options of {@link useAction}. */
export interface ActionOptions<A extends readonly unknown[], T> {
  /** The message shown when the failure carries none. */
  readonly fallback: string;
  /** Runs after a current success (never after unmount), e.g. to close the dialog. */
  readonly onSuccess?: (value: T, ...args: A) => void;
}

/** A click-triggered request: `run(params)` sends `name`. */
export function useAction<N extends RequestName>(
  name: N,
  options: ActionOptions<[RequestParams<N>], RequestResult<N>>,
): ActionState<[RequestParams<N>], RequestResult<N>>;
/** A click-triggered store action (or any promise): `run(...args)` calls `perform`. */
export function useAction<A extends readonly unknown[], T>(
  perform: (...args: A) => Promise<T>,
  options: ActionOptions<A, T>,
): ActionState<A, T>;
export function useAction(
  action: RequestName | ((...args: readonly unknown[]) => Promise<unknown>),
  options: ActionOptions<readonly unknown[], unknown>,
): ActionState<readonly unknown[], unknown> {
  const [runner, snapshot] = useRunner<unknown>();
  const perform =
    typeof action === 'string'
      ? (...args: readonly unknown[]) => getApi().invoke(action, args[0] as RequestParams<RequestName>)
      : action;
  return {
    ...snapshot,
    pending: snapshot.loading,
    run: (...args) =>
      runner.run(
        () => perform(...args),
        options.fallback,
        (value) => options.onSuccess?.(value, ...args),
      ),
    reset: () => runner.reset(),
  };
}

/** `value`, but only once it has stayed the same for `ms` (a search box's query, say). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
