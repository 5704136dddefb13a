/**
 * `batch --out result.xlsx` at a sheet's limits, as the user meets them:
 * the writer's limits are made small here (a million rows is no test), the
 * rest of the command is the real one.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it, vi } from 'vitest';
import type { XlsxWriterOptions } from '../../src/format/xlsx.js';
import { tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

const limits = vi.hoisted(() => ({ maxRows: 4, maxCellChars: 200 }));

vi.mock('../../src/format/xlsx.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/format/xlsx.js')>();
  class SmallSheet extends real.XlsxTableWriter {
    constructor(stream: NodeJS.WritableStream, options: XlsxWriterOptions = {}) {
      super(stream as never, { ...options, ...limits });
    }
  }
  return { ...real, XlsxTableWriter: SmallSheet };
});

const AS_OF = ['--as-of', '2025-06-01'];
const people = (n: number) => Array.from({ length: n }, (_, i) => [`H${i}`, `成员${i}`, '']);

describe('a result longer than a sheet', () => {
  it('stops the run as the first row too many comes (exit 2, use --format csv), and leaves no file, partial or whole', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', [['户编号', '姓名', '备注'], ...people(5)]);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.xlsx'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('BAD_ARGUMENT [--format]');
    expect(r.stderr).toContain('结果超过 4 行（含表头），xlsx 工作表放不下，Excel 打开时会丢掉其余的行；请改用 --format csv');
    expect(r.stderr).not.toContain('internal error');
    expect(readdirSync(dir)).toEqual(['roster.csv']);
    // The same roster fits a CSV.
    const csv = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.csv'], { cwd: dir });
    expect(csv.code).toBe(0);
  });

  it('is not refused when it just fits: the header and three rows', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', [['户编号', '姓名', '备注'], ...people(3)]);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'result.xlsx'))).toBe(true);
  });
});

describe('a cell longer than a sheet holds', () => {
  it('is cut to the limit, and the cell says so', async () => {
    const dir = tempDir();
    const remark = '家庭困难情况说明'.repeat(50);
    writeCsv(dir, 'roster.csv', [['户编号', '姓名', '备注'], ['H1', '甲', remark]]);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'result.xlsx'));
    const cell = String(book.worksheets[0].getRow(2).getCell(4).value);
    expect(book.worksheets[0].getRow(1).getCell(4).value).toBe('备注');
    expect(cell).toHaveLength(200);
    expect(cell.startsWith(remark.slice(0, 100))).toBe(true);
    expect(cell).toMatch(/…〔已截断：原文 400 字符，xlsx 单元格最多 200 字符；全文请用 --format csv〕$/);
  });
});
