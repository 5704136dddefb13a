/** `batch --summary`: counts that line up under their headings, and bars that fit the terminal. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { formatBatchSummary } from '../../src/format/batch-summary.js';

const items = [
  { id: 'dibao', name: '最低生活保障', domain: 'assistance' },
  { id: 'public-rental-housing', name: '公租房保障', domain: 'housing' },
];
const counts = Int32Array.from([5, 3, 2, 1, 8, 1]);
const input = { items, counts, rows: 11, errors: 1 };

describe('formatBatchSummary', () => {
  it('ends each count under the end of its heading, in English too', () => {
    for (const lang of ['zh', 'en'] as const) {
      const [, heading, ...rows] = formatBatchSummary(input, { lang, chart: false }).trimEnd().split('\n');
      const ends = (line: string) => [...line.matchAll(/\S+/g)].slice(-3).map((m) => stringWidth(line.slice(0, m.index! + m[0].length)));
      for (const row of rows) expect(ends(row)).toEqual(ends(heading));
    }
  });

  it('draws bars only as wide as the terminal allows, and none when it is too narrow', () => {
    const wide = formatBatchSummary(input, { lang: 'en', chart: true, columns: 200 });
    expect(wide).toMatch(/[█▒·]{24}$/m);
    for (const lang of ['zh', 'en'] as const) {
      for (const columns of [60, 80, 100, 120]) {
        const lines = formatBatchSummary(input, { lang, chart: true, columns }).trimEnd().split('\n');
        // A line with a bar never wraps; where the counts alone fill the terminal, no bar is drawn.
        for (const line of lines.filter((l) => /[█▒·]/.test(l))) expect(stringWidth(line)).toBeLessThan(columns);
      }
    }
    expect(formatBatchSummary(input, { lang: 'en', chart: true, columns: 100 })).toMatch(/[█▒·]{8,}$/m);
    expect(formatBatchSummary(input, { lang: 'en', chart: true, columns: 60 })).not.toMatch(/[█▒·]/);
  });
});
