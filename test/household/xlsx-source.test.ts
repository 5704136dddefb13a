/** Reading .xlsx rosters with exceljs's streaming reader. */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openXlsx } from '../../src/household/xlsx-source.js';
import { tempDir } from './helpers.js';

describe('sheets', () => {
  it('passes over the sheets it does not read without leaving exceljs a temporary file to trip on', async () => {
    const path = join(tempDir(), 'book.xlsx');
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['这一页不是名单']);
    book.addWorksheet('花名册').addRows([['姓名'], ['甲']]);
    await book.xlsx.writeFile(path);
    // A sheet left unread used to open its temporary file after exceljs removed it: an uncaught ENOENT, now and then.
    for (let i = 0; i < 100; i++) {
      await expect(openXlsx(path, { sheet: '第九页' })).rejects.toMatchObject({ problem: 'SHEET_NOT_FOUND' });
      const second = await openXlsx(path, { sheet: '2' });
      expect(second.header).toEqual(['姓名']);
      await second.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }, 60_000);
});
