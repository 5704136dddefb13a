/**
 * A few worker threads taking requests; replies are handed back in the
 * order the requests were made, and no more than a few are in flight, so
 * memory stays bounded however long the file.
 */
import { Worker, type Transferable } from 'node:worker_threads';
import type { FailedReply, Request } from './protocol.js';

interface Pending {
  resolve: (reply: unknown) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  private readonly workers: Worker[];
  private readonly load: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  /** `setup(i)` gives worker i its data and what in it is transferred (message ports). */
  constructor(script: URL, count: number, setup: (i: number) => { workerData: unknown; transferList?: Transferable[] }) {
    // The young generation is the worker's own: a process-wide --max-semi-space-size=1 (tried
    // to keep the main thread small) made every worker collect four times as often. The old
    // generation is not capped: a 96 MB cap made V8 start a full marking every few MB promoted
    // (about 1 s more CPU per million rows), and ran a worker out of memory on a --sorted
    // household of 150,000 rows that one thread checks.
    const resourceLimits = { maxYoungGenerationSizeMb: 12 };
    this.workers = Array.from({ length: count }, (_, i) => {
      const { workerData, transferList } = setup(i);
      return new Worker(script, { workerData, transferList, resourceLimits });
    });
    this.load = this.workers.map(() => 0);
    this.workers.forEach((worker, w) => {
      worker.on('message', (reply: { id: number; error?: string }) => {
        const p = this.pending.get(reply.id);
        if (!p) return;
        this.pending.delete(reply.id);
        this.load[w]--;
        if ((reply as FailedReply).error !== undefined) p.reject(new Error((reply as FailedReply).error));
        else p.resolve(reply);
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`batch worker stopped (exit code ${code})`));
      });
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(e);
    }
  }

  /** The worker with the fewest requests in hand. */
  leastBusy(): number {
    let w = 0;
    for (let i = 1; i < this.load.length; i++) if (this.load[i] < this.load[w]) w = i;
    return w;
  }

  /** Sends a request to the least busy worker; its buffers are transferred, not copied. */
  request<R>(make: (id: number) => Request, transfer: ArrayBuffer[]): Promise<R> {
    return this.requestTo(this.leastBusy(), make, transfer);
  }

  /** Sends a request to worker `w` (one that holds what the request refers to). */
  requestTo<R>(w: number, make: (id: number) => Request, transfer: ArrayBuffer[]): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    this.load[w]++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (reply: unknown) => void, reject });
      this.workers[w].postMessage(make(id), transfer);
    });
  }

  /** A message that asks for no reply (a buffer handed back); its buffers are transferred. */
  send(w: number, message: Request, transfer: ArrayBuffer[]): void {
    if (!this.failure) this.workers[w].postMessage(message, transfer);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Runs `start` for each item with at most `limit` in flight, and hands the
 * results to `done` in item order. When reading the items fails, the items
 * already started are finished before the failure is thrown.
 */
export async function inOrder<T, R>(items: AsyncIterable<T>, limit: number, start: (item: T) => Promise<R>, done: (result: R, item: T) => Promise<void> | void): Promise<void> {
  const queue: { item: T; result: Promise<R> }[] = [];
  const finishHead = async () => {
    const head = queue.shift()!;
    await done(await head.result, head.item);
  };
  const iterator = items[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (e) {
        // The items before the failure are finished first: a problem in them comes first.
        while (queue.length > 0) await finishHead();
        throw e;
      }
      if (next.done) break;
      const result = start(next.value);
      result.catch(() => {}); // awaited in order by finishHead
      queue.push({ item: next.value, result });
      while (queue.length >= limit) await finishHead();
    }
    while (queue.length > 0) await finishHead();
  } finally {
    // Stopped early by a failure: the reader still closes its file.
    await iterator.return?.();
  }
}
