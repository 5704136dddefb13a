/**
 * An .xlsx result holds what Excel can open: at most 16,384 columns and
 * 1,048,576 rows (a bigger table stops the run, exit 2, and points to CSV),
 * cells of at most 32,767 characters (a longer one is cut, with a mark).
 * The limits are options, so the tests use small ones.
 */
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { EXCEL_LIMITS, XlsxTableWriter, type XlsxWriterOptions } from '../../src/format/xlsx.js';
import { CliError } from '../../src/issues.js';
import { tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

const AS_OF = ['--as-of', '2025-06-01'];

/** Writes the rows (the first as the header) and reads the workbook back: the cells as text. */
async function roundTrip(rows: string[][], options: XlsxWriterOptions = {}): Promise<{ cells: string[][]; writer: XlsxTableWriter }> {
  const stream = new PassThrough();
  const bytes = buffer(stream);
  const writer = new XlsxTableWriter(stream, options);
  rows.forEach((row, i) => writer.addRow(row, i > 0));
  await writer.end();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await bytes) as unknown as ExcelJS.Buffer);
  const cells: string[][] = [];
  book.worksheets[0].eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v))));
  return { cells, writer };
}

function thrown(f: () => void): CliError {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('nothing was thrown');
}

describe('the limits of a sheet', () => {
  it('are Excel’s by default', () => {
    expect(EXCEL_LIMITS).toEqual({ rows: 1_048_576, columns: 16_384, cellChars: 32_767 });
  });

  it('refuse a table wider than a sheet at its header, before any row is written (exit 2, use --format csv)', () => {
    const writer = new XlsxTableWriter(new PassThrough(), { maxColumns: 3 });
    const e = thrown(() => writer.addRow(['row', '姓名', '备注', 'error']));
    expect(e.exitCode).toBe(2);
    expect(e.issues.map((i) => [i.code, i.field])).toEqual([['BAD_ARGUMENT', '--format']]);
    expect(e.message).toBe('参数错误：--format xlsx：结果有 4 列，xlsx 工作表最多 3 列；请改用 --format csv');
  });

  it('refuse the row after the last a sheet holds, the header counted', async () => {
    const rows = [['row', '姓名'], ['2', '甲'], ['3', '乙']];
    expect((await roundTrip(rows, { maxRows: 3 })).cells).toEqual(rows.map((r, i) => (i === 0 ? r : [r[0], r[1]])));
    const writer = new XlsxTableWriter(new PassThrough(), { maxRows: 3, lang: 'en' });
    rows.forEach((row, i) => writer.addRow(row, i > 0));
    const e = thrown(() => writer.addRow(['4', '丙'], true));
    expect(e.exitCode).toBe(2);
    expect(e.issues[0].detail).toBe('--format xlsx: the result has more than 3 rows (header included), more than an xlsx sheet holds (Excel would drop the rest); use --format csv');
  });

  it('cut a longer cell to the limit with a mark that says so, and count it', async () => {
    const long = '说明'.repeat(200);
    const { cells, writer } = await roundTrip([['row', '备注', '姓名'], ['2', long, '甲'], ['3', 'x'.repeat(120), '乙']], { maxCellChars: 120 });
    expect(cells[1][1]).toHaveLength(120);
    expect(cells[1][1]).toMatch(/^(说明)+说?…〔已截断：原文 400 字符，xlsx 单元格最多 120 字符；全文请用 --format csv〕$/);
    expect(cells[1][2]).toBe('甲');
    expect(cells[2][1]).toBe('x'.repeat(120));
    expect([writer.cutCells, writer.firstCut]).toEqual([1, { row: 2, column: 2 }]);
  });

  it('never cut a character in two', async () => {
    const mark = '…〔已截断：原文 247 字符，xlsx 单元格最多 100 字符；全文请用 --format csv〕';
    // '𠀀' is two UTF-16 units (as Excel counts): the cut falls between them unless it moves.
    const text = 'a'.repeat(100 - mark.length - 1) + '𠀀'.repeat(100);
    expect(text).toHaveLength(247);
    const { cells } = await roundTrip([['row', '备注'], ['2', text]], { maxCellChars: 100 });
    expect(cells[1][1]).toBe('a'.repeat(100 - mark.length - 1) + mark);
  });

  it('hold a cell of 32,767 characters and cut one longer (Excel would refuse the file)', async () => {
    const fits = '家'.repeat(EXCEL_LIMITS.cellChars);
    const { cells } = await roundTrip([['row', '备注', '说明'], ['2', fits, '家'.repeat(40_000)]]);
    expect(cells[1][1]).toBe(fits);
    expect(cells[1][2]).toHaveLength(EXCEL_LIMITS.cellChars);
    expect(cells[1][2]).toContain('原文 40,000 字符，xlsx 单元格最多 32,767 字符');
  });
});

describe('batch --out result.xlsx', () => {
  it('refuses more columns than a sheet holds with a clear error (exit 2) and leaves nothing behind; CSV takes them', async () => {
    const dir = tempDir();
    // 16,384 columns in (as many as Excel shows), and row, eligible, undetermined and error besides.
    const header = ['姓名', ...Array.from({ length: 16_383 }, (_, i) => `列${i + 1}`)];
    writeCsv(dir, 'wide.csv', [header, ['甲', ...header.slice(1).map(() => '1')]]);
    const r = await runBatchCli(['wide.csv', ...AS_OF, '--out', 'result.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BAD_ARGUMENT [--format]');
    expect(r.stderr).toContain('结果有 16,388 列，xlsx 工作表最多 16,384 列；请改用 --format csv');
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(['wide.csv']);
    const csv = await runBatchCli(['wide.csv', ...AS_OF, '--out', 'result.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
  }, 60_000);
});
