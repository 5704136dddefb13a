/** The memory bounds of the worker-thread runs: finishing pieces a few at a time, and keeping few spare buffers. */
import { describe, expect, it } from 'vitest';
import { OrderedWindow } from '../../src/household/parallel/ordered-window.js';
import { SpareBuffers } from '../../src/household/parallel/spare-buffers.js';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: Error) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('OrderedWindow', () => {
  it('starts no more than the limit, counting results taken until resume()', async () => {
    const started: number[] = [];
    const pending = new Map<number, ReturnType<typeof deferred<string>>>();
    const window = new OrderedWindow<number, string>(3, (n) => {
      started.push(n);
      const d = deferred<string>();
      pending.set(n, d);
      return d.promise;
    });
    window.add([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([0, 1, 2]);
    expect(window.inFlight).toBe(3);
    expect(window.queued).toBe(4);

    // Finished out of order, taken in order.
    pending.get(2)!.resolve('two');
    pending.get(0)!.resolve('zero');
    const first = await window.next();
    expect(first).toEqual({ item: 0, result: 'zero' });
    // Taken but not yet written: its room is still in use.
    window.add([]);
    expect(started).toEqual([0, 1, 2]);
    window.resume();
    expect(started).toEqual([0, 1, 2, 3]);

    pending.get(1)!.resolve('one');
    expect(await window.next()).toEqual({ item: 1, result: 'one' });
    expect(await window.next()).toEqual({ item: 2, result: 'two' });
    expect(started).toEqual([0, 1, 2, 3]);
    window.resume();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(window.inFlight).toBe(3);
    expect(window.queued).toBe(1);
  });

  it('reports a failure at its own turn, without an unhandled rejection before it', async () => {
    const results = [deferred<string>(), deferred<string>()];
    const window = new OrderedWindow<number, string>(2, (n) => results[n].promise);
    window.add([0, 1]);
    results[1].reject(new Error('piece 1 failed'));
    await new Promise((r) => setTimeout(r, 5));
    results[0].resolve('ok');
    expect((await window.next()).result).toBe('ok');
    await expect(window.next()).rejects.toThrow('piece 1 failed');
  });

  it('says so when asked for a result with nothing in flight', async () => {
    const window = new OrderedWindow<number, number>(1, async (n) => n);
    await expect(window.next()).rejects.toThrow('nothing in flight');
  });
});

describe('SpareBuffers', () => {
  it('keeps at most `max` buffers, each whole, and none over the byte cap', () => {
    const spares = new SpareBuffers(2, 1024);
    const a = new ArrayBuffer(512);
    spares.keep(new Uint8Array(a, 0, 10)); // a view: the whole memory is kept
    spares.keep(new ArrayBuffer(2048)); // grown by a huge piece: let go
    expect(spares.size).toBe(1);
    spares.keep(new ArrayBuffer(1024));
    spares.keep(new ArrayBuffer(16)); // no room
    expect(spares.size).toBe(2);
    expect(spares.take()!.length).toBe(1024);
    const first = spares.take()!;
    expect(first.length).toBe(512);
    expect(first.buffer).toBe(a);
    expect(spares.take()).toBeUndefined();
  });
});
