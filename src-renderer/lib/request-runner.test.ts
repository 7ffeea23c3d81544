import { describe, expect, it } from 'vitest';
import { RequestRunner, type RequestSnapshot } from './request-runner.js';

/** A promise the test settles by hand, to make replies arrive in any order. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(reason: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function recorded(): { runner: RequestRunner<string>; seen: RequestSnapshot<string>[] } {
  const seen: RequestSnapshot<string>[] = [];
  return { runner: new RequestRunner<string>((s) => seen.push(s)), seen };
}

describe('RequestRunner', () => {
  it('keeps the newest reply and drops an older one that arrives after it', async () => {
    const { runner, seen } = recorded();
    const older = deferred<string>();
    const newer = deferred<string>();
    const successes: string[] = [];
    runner.run(
      () => older.promise,
      'It failed.',
      (v) => successes.push(v),
    );
    runner.run(
      () => newer.promise,
      'It failed.',
      (v) => successes.push(v),
    );
    newer.resolve('new');
    await settle();
    older.resolve('old');
    await settle();
    expect(runner.snapshot).toEqual({ data: 'new', error: undefined, loading: false });
    expect(seen.map((s) => s.data)).not.toContain('old');
    expect(successes).toEqual(['new']);
  });

  it('drops an older failure too, and keeps the last data while a new request loads', async () => {
    const { runner } = recorded();
    runner.run(() => Promise.resolve('first'), 'It failed.');
    await settle();
    const older = deferred<string>();
    const newer = deferred<string>();
    runner.run(() => older.promise, 'It failed.');
    runner.run(() => newer.promise, 'It failed.');
    expect(runner.snapshot).toEqual({ data: 'first', error: undefined, loading: true });
    older.reject(new Error('stale failure'));
    await settle();
    expect(runner.snapshot.error).toBeUndefined();
    expect(runner.snapshot.loading).toBe(true);
    newer.reject({ code: 'x', message: 'Borg said no.', remedy: 'Try again.' });
    await settle();
    expect(runner.snapshot).toEqual({
      data: 'first',
      error: { code: 'x', message: 'Borg said no.', remedy: 'Try again.' },
      loading: false,
    });
  });

  it('reports nothing after detach (unmount), not even onSuccess', async () => {
    const { runner, seen } = recorded();
    const reply = deferred<string>();
    let succeeded = false;
    runner.run(
      () => reply.promise,
      'It failed.',
      () => (succeeded = true),
    );
    const before = seen.length;
    runner.detach();
    reply.resolve('late');
    await settle();
    expect(seen.length).toBe(before);
    expect(succeeded).toBe(false);
  });

  it('delivers again once attached (StrictMode remounts) for requests started after', async () => {
    const { runner } = recorded();
    runner.detach();
    runner.attach();
    runner.run(() => Promise.resolve('again'), 'It failed.');
    await settle();
    expect(runner.snapshot.data).toBe('again');
  });

  it('reset drops the running reply and forgets data and error', async () => {
    const { runner } = recorded();
    runner.run(() => Promise.resolve('kept'), 'It failed.');
    await settle();
    const late = deferred<string>();
    runner.run(() => late.promise, 'It failed.');
    runner.reset();
    expect(runner.snapshot).toEqual({ data: undefined, error: undefined, loading: false });
    late.resolve('late');
    await settle();
    expect(runner.snapshot.data).toBeUndefined();
  });

  it('turns a perform that throws synchronously into an error with the fallback message', async () => {
    const { runner } = recorded();
    runner.run(() => {
      throw 42;
    }, 'It failed.');
    await settle();
    expect(runner.snapshot).toEqual({ data: undefined, error: { message: 'It failed.' }, loading: false });
  });
});
