/** No cell of a batch table (CSV or xlsx, header included) can start a formula: = + - @ TAB CR get a leading apostrophe. */
import { describe, expect, it } from 'vitest';
import { tableCsvBytes, tableHeader, tableRow, type TableOptions } from '../../src/format/batch-table.js';
import { ByteBuffer } from '../../src/format/byte-buffer.js';
import { neutraliseFormula, startsFormula } from '../../src/format/safe-cell.js';
import type { OutRow } from '../../src/household/out-row.js';
import { parseCsvOutput } from './helpers.js';

const DANGEROUS = ['=1+1', '+86 138', '-2 @家', '@SUM(A1)', '\tcmd', '\rcmd'];
const HARMLESS = ['', 'a=b', '张三', '13800000001', ' =1', "'=1"];

describe('formula neutralisation', () => {
  it('prefixes every cell that a spreadsheet would run, and only those', () => {
    for (const text of DANGEROUS) {
      expect(startsFormula(text)).toBe(true);
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    }
    for (const text of HARMLESS) {
      expect(startsFormula(text)).toBe(false);
      expect(neutraliseFormula(text)).toBe(text);
    }
  });

  const options: TableOptions = {
    shownLabels: ['=HEADER()', '@名', '\t备注', '户编号'],
    items: [{ id: 'x', name: 'X', domain: 'd' }],
    wide: false,
    lang: 'zh',
  };
  const out: OutRow = { row: 2, householdId: 'H1', shown: ['=1+1', '\tcmd', '\rcmd', 'H1'], statuses: new Uint8Array([2]) };

  it('neutralises the header labels taken from the input', () => {
    expect(tableHeader(options).slice(1, 5)).toEqual(["'=HEADER()", "'@名", "'\t备注", '户编号']);
  });

  it('neutralises the shown cells alike in the xlsx rows and the CSV bytes', () => {
    expect(tableRow(options)(out).slice(1, 5)).toEqual(["'=1+1", "'\tcmd", "'\rcmd", 'H1']);
    const buffer = new ByteBuffer();
    tableCsvBytes(options)(out, buffer);
    const [cells] = parseCsvOutput(new TextDecoder().decode(buffer.take()));
    expect(cells.slice(1, 5)).toEqual(["'=1+1", "'\tcmd", "'\rcmd", 'H1']);
    expect(cells.slice(5)).toEqual(['x', '', '']);
  });
});
