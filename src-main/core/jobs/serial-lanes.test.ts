import { describe, expect, it } from 'vitest';
import { SerialLanes } from './serial-lanes.js';

/** A task whose completion the test controls. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('SerialLanes', () => {
  it('runs tasks of one lane one after another, in order', async () => {
    const lanes = new SerialLanes();
    const log: string[] = [];
    const g1 = gate();
    const g2 = gate();
    const p1 = lanes.run('repo', async () => {
      log.push('start 1');
      await g1.promise;
      log.push('end 1');
    });
    const p2 = lanes.run('repo', async () => {
      log.push('start 2');
      await g2.promise;
      log.push('end 2');
    });
    const p3 = lanes.run('repo', async () => {
      log.push('start 3');
    });
    await tick();
    expect(log).toEqual(['start 1']);
    expect(lanes.isBusy('repo')).toBe(true);
    expect(lanes.waitingCount('repo')).toBe(2);
    g1.open();
    await p1;
    await tick();
    expect(log).toEqual(['start 1', 'end 1', 'start 2']);
    g2.open();
    await Promise.all([p2, p3]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3']);
    expect(lanes.isBusy('repo')).toBe(false);
  });

  it('runs different lanes in parallel', async () => {
    const lanes = new SerialLanes();
    const started: string[] = [];
    const g = gate();
    const a = lanes.run('a', async () => {
      started.push('a');
      await g.promise;
    });
    const b = lanes.run('b', async () => {
      started.push('b');
      await g.promise;
    });
    await tick();
    expect(started).toEqual(['a', 'b']);
    g.open();
    await Promise.all([a, b]);
  });

  it('keeps going after a task fails', async () => {
    const lanes = new SerialLanes();
    const failed = lanes.run('repo', () => Promise.reject(new Error('boom')));
    const ok = lanes.run('repo', async () => 42);
    await expect(failed).rejects.toThrow('boom');
    await expect(ok).resolves.toBe(42);
  });

  it('removes a waiting task whose signal aborts, without disturbing the others', async () => {
    const lanes = new SerialLanes();
    const g = gate();
    const ran: string[] = [];
    const first = lanes.run('repo', async () => {
      ran.push('first');
      await g.promise;
    });
    const controller = new AbortController();
    const second = lanes.run('repo', async () => void ran.push('second'), controller.signal);
    const third = lanes.run('repo', async () => void ran.push('third'));
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'Cancelled' });
    expect(lanes.waitingCount('repo')).toBe(1);
    g.open();
    await Promise.all([first, third]);
    expect(ran).toEqual(['first', 'third']);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const lanes = new SerialLanes();
    const controller = new AbortController();
    controller.abort();
    await expect(lanes.run('repo', async () => 1, controller.signal)).rejects.toMatchObject({
      code: 'Cancelled',
    });
  });

  it('resolves idle() only once every lane has drained', async () => {
    const lanes = new SerialLanes();
    await lanes.idle();
    const g = gate();
    const work = lanes.run('repo', () => g.promise);
    let idle = false;
    const waiting = lanes.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(idle).toBe(false);
    g.open();
    await Promise.all([work, waiting]);
    expect(idle).toBe(true);
  });

  it('runs background work behind other work and asks it to give way when other work arrives', async () => {
    const lanes = new SerialLanes();
    const ran: string[] = [];
    const g = gate();
    const first = lanes.run('repo', async () => {
      ran.push('user 1');
      await g.promise;
    });
    const background = lanes.runYielding('repo', async (yieldSignal) => {
      ran.push('background');
      await new Promise((resolve) => yieldSignal.addEventListener('abort', resolve, { once: true }));
      ran.push('background gave way');
    });
    // Queued after the background task, it still runs before it.
    const second = lanes.run('repo', async () => void ran.push('user 2'));
    g.open();
    await second;
    for (let i = 0; i < 10 && !ran.includes('background'); i++) await tick();
    expect(ran).toEqual(['user 1', 'user 2', 'background']);
    const third = lanes.run('repo', async () => void ran.push('user 3'));
    await Promise.all([first, background, third]);
    expect(ran).toEqual(['user 1', 'user 2', 'background', 'background gave way', 'user 3']);
  });

  it('does not ask background work to give way to other background work', async () => {
    const lanes = new SerialLanes();
    let gaveWay = false;
    const g = gate();
    const a = lanes.runYielding('repo', async (yieldSignal) => {
      await g.promise;
      gaveWay = yieldSignal.aborted;
    });
    const b = lanes.runYielding('repo', async () => undefined);
    g.open();
    await Promise.all([a, b]);
    expect(gaveWay).toBe(false);
  });
});
