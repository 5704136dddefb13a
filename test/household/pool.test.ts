/** inOrder: results in item order, items read before a failure finished first, the reader closed on any early stop. */
import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/household/parallel/pool.js';

/** Yields 1..n, then throws `fail` if given; records whether its finally ran. */
function reader(n: number, fail?: Error): { items: AsyncIterable<number>; closed: () => boolean } {
  let closed = false;
  async function* items(): AsyncGenerator<number> {
    try {
      for (let i = 1; i <= n; i++) yield i;
      if (fail) throw fail;
    } finally {
      closed = true;
    }
  }
  return { items: items(), closed: () => closed };
}

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('inOrder', () => {
  it('hands results on in item order, whatever order they finish in', async () => {
    const seen: number[] = [];
    await inOrder(reader(6).items, 3, (i) => later(i * 10, (7 - i) * 3), (r) => void seen.push(r));
    expect(seen).toEqual([10, 20, 30, 40, 50, 60]);
  });

  it('finishes the items read before the reader fails, then throws its failure', async () => {
    const seen: number[] = [];
    const r = reader(4, new Error('quote never closed'));
    await expect(inOrder(r.items, 8, (i) => later(i, 5), (x) => void seen.push(x))).rejects.toThrow('quote never closed');
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(r.closed()).toBe(true);
  });

  it('closes the reader when handing on a result fails part way', async () => {
    const r = reader(100);
    const done = (x: number) => {
      if (x === 3) throw new Error('write failed');
    };
    await expect(inOrder(r.items, 2, (i) => Promise.resolve(i), done)).rejects.toThrow('write failed');
    expect(r.closed()).toBe(true);
  });
});
