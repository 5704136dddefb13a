/**
 * The worker path's reusable pieces: one papaparse parser for every piece
 * (recordVisitor), and statuses cut from a shared slab (StatusSlab).
 */
import { describe, expect, it } from 'vitest';
import { recordVisitor } from '../../src/household/csv-source.js';
import { StatusSlab } from '../../src/household/status-slab.js';

function rowsOf(read: ReturnType<typeof recordVisitor>, text: string): [string[], string | undefined][] {
  const rows: [string[], string | undefined][] = [];
  read(text, (cells, broken) => rows.push([cells, broken]));
  return rows;
}

describe('recordVisitor', () => {
  it('reads each text on its own, with one parser for all', () => {
    const read = recordVisitor({ delimiter: ',', newline: '\r\n' });
    expect(rowsOf(read, 'a,b\r\n"c\r\nd",e\r\n')).toEqual([
      [['a', 'b'], undefined],
      [['c\r\nd', 'e'], undefined],
    ]);
    // Nothing of the first text carries into the second: no cursor, no rows.
    expect(rowsOf(read, 'x,"y"\r\nz')).toEqual([
      [['x', 'y'], undefined],
      [['z'], undefined],
    ]);
  });

  it('marks a row with a quote problem as broken, and the next text starts clean', () => {
    const read = recordVisitor({ delimiter: ',', newline: '\n' });
    expect(rowsOf(read, 'a,"b"c\n')[0][1]).toBe('InvalidQuotes');
    expect(rowsOf(read, 'd,e\n')).toEqual([[['d', 'e'], undefined]]);
  });

  it('is usable again after a visit throws, and the old visit is not called again', () => {
    const read = recordVisitor({ delimiter: ',', newline: '\n' });
    let calls = 0;
    expect(() =>
      read('a\nb\n', () => {
        calls++;
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(rowsOf(read, 'c\n')).toEqual([[['c'], undefined]]);
    expect(calls).toBe(1);
  });
});

describe('StatusSlab', () => {
  it('hands out zeroed views of the width that never overlap, across slabs', () => {
    const slab = new StatusSlab(78);
    const views = Array.from({ length: 2500 }, () => slab.next());
    for (const v of views) {
      expect(v.length).toBe(78);
      expect(v.every((b) => b === 0)).toBe(true);
    }
    views.forEach((v, i) => v.fill(i % 251));
    views.forEach((v, i) => expect(v.every((b) => b === i % 251)).toBe(true));
    // Views share a few stores rather than each having its own.
    expect(new Set(views.map((v) => v.buffer)).size).toBe(3);
  });
});
