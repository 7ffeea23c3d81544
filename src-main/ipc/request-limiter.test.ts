import { describe, expect, it } from 'vitest';
import { createRequestLimiter, HEAVY_REQUESTS, type RequestLimits } from './request-limiter.js';
import { isRequestName } from './names.js';

/** A task that runs until released, recording how many such tasks run at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const started: string[] = [];
  const releases: (() => void)[] = [];
  const task = (name: string) => () =>
    new Promise<void>((resolve) => {
      running += 1;
      peak = Math.max(peak, running);
      started.push(name);
      releases.push(() => {
        running -= 1;
        resolve();
      });
    });
  const releaseAll = async (): Promise<void> => {
    // Released tasks hand their slot on asynchronously; settle, then release what started next.
    for (let round = 0; round < 20; round += 1) {
      for (const release of releases.splice(0)) release();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { task, started, releaseAll, peak: () => peak };
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const limits: RequestLimits = {
  heavyPerConnection: 2,
  heavyQueuePerConnection: 3,
  heavyGlobal: 3,
  pendingPerConnection: 8,
};

describe('createRequestLimiter', () => {
  it('lists only real request names as heavy, fs:list-folder and archive browsing among them', () => {
    for (const name of HEAVY_REQUESTS) expect(isRequestName(name), name).toBe(true);
    for (const name of ['fs:list-folder', 'archives:folder', 'archives:search', 'archives:search-all']) {
      expect(HEAVY_REQUESTS.has(name as never), name).toBe(true);
    }
  });

  it('runs a few heavy requests per connection, queues a few more, and refuses the rest', async () => {
    const g = gate();
    const connection = createRequestLimiter(limits).connection();
    const admitted = Array.from({ length: 7 }, (_, i) => connection.run('fs:list-folder', g.task(`h${i}`)));
    expect(admitted).toEqual([true, true, true, true, true, false, false]);
    await tick();
    expect(g.started).toEqual(['h0', 'h1']);
    await g.releaseAll();
    expect(g.started).toEqual(['h0', 'h1', 'h2', 'h3', 'h4']);
    expect(g.peak()).toBe(2);
    // Once the queue drained, the connection may ask again.
    expect(connection.run('fs:list-folder', g.task('again'))).toBe(true);
    await g.releaseAll();
  });

  it('shares the global slots between connections', async () => {
    const g = gate();
    const limiter = createRequestLimiter(limits);
    const [a, b] = [limiter.connection(), limiter.connection()];
    for (let i = 0; i < 3; i += 1) {
      expect(a.run('archives:search', g.task(`a${i}`))).toBe(true);
      expect(b.run('archives:search', g.task(`b${i}`))).toBe(true);
    }
    await tick();
    expect(g.started).toHaveLength(3);
    await g.releaseAll();
    expect(g.started).toHaveLength(6);
    expect(g.peak()).toBe(3);
  });

  it('never queues cheap requests behind heavy ones, but caps what one connection has unanswered', async () => {
    const g = gate();
    const connection = createRequestLimiter(limits).connection();
    for (let i = 0; i < 5; i += 1) connection.run('fs:list-folder', g.task(`h${i}`));
    expect(connection.run('app:status', g.task('cheap1'))).toBe(true);
    expect(connection.run('not-a-method', g.task('cheap2'))).toBe(true);
    expect(connection.run(undefined, g.task('cheap3'))).toBe(true);
    await tick();
    expect(g.started).toEqual(expect.arrayContaining(['cheap1', 'cheap2', 'cheap3']));
    // 5 heavy + 3 cheap = 8 unanswered: the ninth request of any kind is refused.
    expect(connection.run('app:status', g.task('cheap4'))).toBe(false);
    await g.releaseAll();
    expect(connection.run('app:status', g.task('cheap5'))).toBe(true);
    await g.releaseAll();
  });

  it('drops the queued requests of a closed connection and refuses new ones', async () => {
    const g = gate();
    const connection = createRequestLimiter(limits).connection();
    for (let i = 0; i < 4; i += 1) connection.run('fs:list-folder', g.task(`h${i}`));
    await tick();
    connection.dispose();
    expect(connection.run('app:status', g.task('late'))).toBe(false);
    await g.releaseAll();
    expect(g.started).toEqual(['h0', 'h1']);
  });

  it('survives a task that throws', async () => {
    const connection = createRequestLimiter({ ...limits, pendingPerConnection: 1 }).connection();
    expect(connection.run('app:status', () => Promise.reject(new Error('slip')))).toBe(true);
    await tick();
    await tick();
    expect(connection.run('app:status', () => Promise.resolve())).toBe(true);
  });
});
