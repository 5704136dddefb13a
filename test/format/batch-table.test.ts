/** The CSV bytes written straight into a buffer are the xlsx row cells joined the plain string way, for any row. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableCsvBytes, tableRow, type TableOptions } from '../../src/format/batch-table.js';
import { ByteBuffer, utf8 } from '../../src/format/byte-buffer.js';
import { csvLine, csvField, needsQuotes } from '../../src/format/csv.js';
import type { OutRow } from '../../src/household/out-row.js';

const items = Array.from({ length: 19 }, (_, i) => ({ id: `item-${i}`, name: `项目${i}`, domain: 'd' }));
/** Input cells: quotes, commas, line ends, formula starts and Chinese, as rosters have them. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', '张', '"', ',', '\n', '\r', '\t', '=', '+', '-', '@', ' ', "'", '；', '😀') }),
  fc.string({ unit: 'binary' }),
);
const outRow = fc.record({
  row: fc.integer({ min: 2, max: 1_000_000 }),
  shown: fc.array(cell, { minLength: 3, maxLength: 3 }),
  statuses: fc.uint8Array({ min: 0, max: 2, minLength: items.length, maxLength: items.length }),
  issues: fc.array(fc.record({ code: fc.constant('X'), message: cell, field: fc.option(cell, { nil: undefined }) }), { minLength: 1, maxLength: 2 }),
  failed: fc.boolean(),
});

describe('batch table CSV bytes', () => {
  it('equal csvLine(tableRow(row)) in UTF-8, for answer rows and error rows, narrow and wide, zh and en', () => {
    fc.assert(
      fc.property(fc.array(outRow, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.constantFrom('zh' as const, 'en' as const), (rows, wide, lang) => {
        const options: TableOptions = { shownLabels: ['户编号', '姓名', '备注'], items, wide, lang };
        const write = tableCsvBytes(options);
        const row = tableRow(options);
        const buffer = new ByteBuffer(32);
        let expected = '';
        for (const r of rows) {
          const out: OutRow = r.failed
            ? { row: r.row, householdId: 'H', shown: r.shown, issues: r.issues }
            : { row: r.row, householdId: 'H', shown: r.shown, statuses: r.statuses };
          write(out, buffer);
          expected += csvLine(row(out));
        }
        expect(buffer.take()).toEqual(utf8(expected));
      }),
      { numRuns: 300 },
    );
  });
});

describe('CSV quoting', () => {
  it('quotes exactly the cells with a quote, comma, LF or CR', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const want = ['"', ',', '\n', '\r'].some((c) => text.includes(c));
        expect(needsQuotes(text)).toBe(want);
        expect(csvField(text)).toBe(want ? `"${text.replace(/"/g, '""')}"` : text);
      }),
      { numRuns: 500 },
    );
  });
});
