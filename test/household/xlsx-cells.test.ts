/**
 * What an .xlsx cell reads as: formulas (their cached result, as a date
 * when shown as one; blank when there is none; an error as its text), and
 * every other kind of value exceljs gives. No cell reads as "[object Object]".
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellText, openXlsx, sheetXml } from '../../src/household/xlsx-source.js';
import { parseCsvOutput, tempDir } from './helpers.js';
import { runBatchCli } from './run.js';
import { writeSheetXml } from './xlsx-parts.js';

const AS_OF = ['--as-of', '2025-06-01'];

/** The header and the rows of a workbook's first sheet, as the batch reads them. */
async function readBack(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const source = await openXlsx(path);
  const rows: string[][] = [];
  for await (const batch of source.batches) rows.push(...batch.rows);
  await source.close();
  return { header: source.header, rows };
}

async function writeBook(path: string, fill: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<void> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('花名册'), book);
  await book.xlsx.writeFile(path);
}

describe('a formula shown as a date', () => {
  it('reads as the date Excel shows, as a plain date cell does', async () => {
    const path = join(tempDir(), 'dates.xlsx');
    await writeBook(path, (sheet) => {
      sheet.addRow(['公式', '共享公式', '日期时间', '普通日期']);
      const row = sheet.addRow([
        { formula: 'DATE(1960,6,1)', result: 22068 },
        null,
        { formula: 'DATE(2023,3,15)+0.75', result: 45000.75 },
        new Date(Date.UTC(1960, 5, 1)),
      ]);
      row.getCell(1).numFmt = 'yyyy-mm-dd';
      row.getCell(3).numFmt = 'yyyy-mm-dd hh:mm';
      row.getCell(4).numFmt = 'yyyy-mm-dd';
      sheet.getCell('A3').value = { formula: 'A2+1', result: 22069, shareType: 'shared', ref: 'A3:B3' } as ExcelJS.CellValue;
      sheet.getCell('B3').value = { sharedFormula: 'A3', result: 22070 };
      sheet.getCell('A3').numFmt = 'yyyy-mm-dd';
      sheet.getCell('B3').numFmt = 'yyyy/m/d';
      // A number not shown as a date stays a number.
      sheet.addRow([{ formula: '22000+68', result: 22068 }]);
    });
    expect((await readBack(path)).rows).toEqual([
      ['1960-06-01', '', '2023-03-15', '1960-06-01'],
      ['1960-06-02', '1960-06-03'],
      ['22068'],
    ]);
  });

  it('counts days as the workbook does (the 1904 date system of old Mac workbooks)', async () => {
    const path = join(tempDir(), '1904.xlsx');
    writeSheetXml(path, {
      date1904: true,
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>出生日期</t></is></c></row><row r="2"><c r="A2" s="1"><f>DATE(1960,6,1)</f><v>20606</v></c><c r="B2" s="1"><v>20606</v></c></row>',
    });
    expect((await readBack(path)).rows).toEqual([['1960-06-01', '1960-06-01']]);
  });

  it('gives a birth date a roster row is checked with (it used to fail: 不是有效日期：“22068”)', async () => {
    const dir = tempDir();
    await writeBook(join(dir, 'roster.xlsx'), (sheet) => {
      sheet.addRow(['户编号', '姓名', '出生日期']);
      const row = sheet.addRow(['H1', '甲', { formula: 'DATE(1960,6,1)', result: 22068 }]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
    });
    const r = await runBatchCli(['roster.xlsx', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout.trim());
    expect(line.error).toBeUndefined();
    expect(line.person.birth_date).toBe('1960-06-01');
  });
});

describe('a formula without a cached result, or with an error', () => {
  it('reads as a blank cell when there is no result, as its error text when the result is an error', async () => {
    const path = join(tempDir(), 'formulas.xlsx');
    await writeBook(path, (sheet) => {
      sheet.addRow(['无结果', '#N/A', '#DIV/0!', '零', '空文本', '真', '假', '文本']);
      sheet.addRow([
        { formula: 'A1+1' },
        { formula: 'NA()', result: { error: '#N/A' } },
        { formula: '1/0', result: { error: '#DIV/0!' } },
        { formula: '1-1', result: 0 },
        { formula: '""', result: '' },
        { formula: '1=1', result: true },
        { formula: '1=0', result: false },
        { formula: '"低"&"保"', result: '低保' },
      ] as ExcelJS.CellValue[]);
      sheet.getCell('A2').numFmt = 'yyyy-mm-dd';
    });
    expect((await readBack(path)).rows).toEqual([['', '#N/A', '#DIV/0!', '0', '', 'TRUE', 'FALSE', '低保']]);
  });

  it('reads openpyxl’s formulas (an empty <v>) as blank, and errors of shared formulas as their text', async () => {
    const path = join(tempDir(), 'openpyxl.xlsx');
    writeSheetXml(path, {
      rows: [
        '<row r="1"><c r="A1" t="inlineStr"><is><t>出生日期</t></is></c><c r="B1" t="inlineStr"><is><t>年龄</t></is></c><c r="C1" t="inlineStr"><is><t>查找</t></is></c><c r="D1" t="inlineStr"><is><t>查找2</t></is></c></row>',
        '<row r="2"><c r="A2" s="1"><f>DATE(1960,6,1)</f><v></v></c><c r="B2"><f>2025-1960</f><v/></c><c r="C2" t="e"><f t="shared" ref="C2:D2" si="0">VLOOKUP(A2,X:Y,2,0)</f><v>#N/A</v></c><c r="D2" t=\'e\'><f t="shared" si="0"/><v>#REF!</v></c></row>',
        '<row r="3"><c r="A3" t="b"><f>TRUE()</f><v>1</v></c><c r="B3" t="str"><f>""</f><v></v></c><c r="C3"><f>1+1</f></c><c r="D3" t="e"><v>#VALUE!</v></c></row>',
      ].join(''),
    });
    expect((await readBack(path)).rows).toEqual([
      ['', '', '#N/A', '#REF!'],
      ['TRUE', '', '', '#VALUE!'],
    ]);
  });

  it('leaves a fact unknown, never no, and shows an error in the output', async () => {
    const dir = tempDir();
    await writeBook(join(dir, 'roster.xlsx'), (sheet) => {
      sheet.addRow(['户编号', '姓名', '出生日期', '是否残疾', '备注']);
      sheet.addRow(['H1', '甲', { formula: 'DATE(1960,6,1)' }, { formula: 'B9="是"' }, { formula: 'VLOOKUP(B2,X:Y,2,0)', result: { error: '#N/A' } }] as ExcelJS.CellValue[]);
    });
    const csv = await runBatchCli(['roster.xlsx', ...AS_OF], { cwd: dir });
    expect(csv.code).toBe(0);
    const [header, row] = parseCsvOutput(csv.stdout);
    expect(row[header.indexOf('备注')]).toBe('#N/A');
    expect(row[header.indexOf('error')]).toBe('');
    expect(csv.stdout).not.toContain('[object Object]');
    const jsonl = await runBatchCli(['roster.xlsx', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    const person = JSON.parse(jsonl.stdout.trim()).person;
    expect(person.birth_date).toBeUndefined();
    expect(Object.values(person)).not.toContain('[object Object]');
  });
});

describe('every other kind of cell', () => {
  it('reads rich text and hyperlinks as their text, booleans, numbers, dates and errors as Excel shows them', async () => {
    const path = join(tempDir(), 'kinds.xlsx');
    await writeBook(path, (sheet) => {
      sheet.addRow(['富文本', '链接', '布尔', '数字', '身份证号（数字）', '日期', '错误', '文本']);
      const row = sheet.addRow([
        { richText: [{ text: '张', font: { bold: true } }, { text: '三' }] },
        { text: '家庭档案', hyperlink: 'https://example.org/h1' },
        true,
        3.5,
        511028196006010011,
        new Date(Date.UTC(2016, 4, 5)),
        { error: '#REF!' },
        '低保',
      ]);
      row.getCell(6).numFmt = 'yyyy-mm-dd';
    });
    // An ID number in a number cell has lost its digits from the 16th on: it reads in E notation, as Excel writes it.
    expect((await readBack(path)).rows).toEqual([['张三', '家庭档案', 'TRUE', '3.5', '5.1102819600601E+17', '2016-05-05', '#REF!', '低保']]);
  });

  it('gives a number too big to be exact in E notation, and smaller ones whole', () => {
    expect([511083196006011000, 511083196006011237, 2 ** 53 + 2, 1234567890123456, -1e15, 51102800000001, 3.5].map((n) => cellText(n))).toEqual([
      '5.11083196006011E+17',
      '5.1108319600601126E+17',
      '9.007199254740994E+15',
      '1234567890123456',
      '-1000000000000000',
      '51102800000001',
      '3.5',
    ]);
  });

  it('keeps two 16-digit household ids that are numbers apart', async () => {
    const dir = tempDir();
    await writeBook(join(dir, 'roster.xlsx'), (sheet) => {
      sheet.addRow(['户编号', '与户主关系', '户籍性质', '救助身份']);
      sheet.addRow([1234567890123456, '户主', '农村', '低保']);
      sheet.addRow([1234567890123457, '户主', '农村', '']);
    });
    const r = await runBatchCli(['roster.xlsx', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    const [first, second] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect([first.household_id, second.household_id]).toEqual(['1234567890123456', '1234567890123457']);
    expect(second.person.household_assistance).toBeUndefined();
  });

  it('makes an ID number typed into a number cell an error row that says what happened and how to mend it', async () => {
    const dir = tempDir();
    await writeBook(join(dir, 'roster.xlsx'), (sheet) => {
      sheet.addRow(['户编号', '身份证号', '户籍性质']);
      sheet.addRow([51102800000001, 511083196006011237, '农村']);
      sheet.addRow([51102800000001, '511083196006011237', '农村']);
    });
    const r = await runBatchCli(['roster.xlsx', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    const [header, bad, good] = parseCsvOutput(r.stdout);
    expect(bad[header.indexOf('error')]).toContain('身份证号在 Excel 中被存成了数字，第 16 位起的数字已丢失；把该列设为文本格式');
    expect(good[header.indexOf('error')]).toBe('');
    expect(r.stdout).not.toMatch(/19600601/);
  });

  it('never gives "[object Object]" for any value exceljs can hold', () => {
    const values: unknown[] = [
      { richText: [{ text: '张' }, { text: '三' }] },
      { text: { richText: [{ text: '链' }, { text: '接' }] }, hyperlink: 'https://example.org' },
      { formula: 'NA()', result: { error: '#N/A' } },
      { sharedFormula: 'A1', result: 3 },
      { formula: 'A1' },
      { error: '#NULL!' },
      {},
    ];
    expect(values.map((v) => cellText(v))).toEqual(['张三', '链接', '#N/A', '3', '', '#NULL!', '{}']);
  });

  it('refuses a workbook whose cells name shared strings it does not have, rather than read them as garbage', async () => {
    const path = join(tempDir(), 'no-shared-strings.xlsx');
    writeSheetXml(path, { rows: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c></row>' });
    await expect(openXlsx(path)).rejects.toMatchObject({ problem: 'BAD_XLSX', message: expect.stringContaining('xl/sharedStrings.xml') });
  });
});

describe('Chinese text', () => {
  // Each name is nine 3-byte characters and digits: the XML is cut into chunks somewhere inside a character, again and again.
  const names = Array.from({ length: 6000 }, (_, i) => `张王李赵刘陈杨黄${String.fromCharCode(0x4e00 + i)}${i}`);

  it('reads whole, however the shared strings are cut into chunks as they are unzipped', async () => {
    const path = join(tempDir(), 'names.xlsx');
    await writeBook(path, (sheet) => {
      sheet.addRow(['姓名']);
      for (const name of names) sheet.addRow([name]);
    });
    const rows = (await readBack(path)).rows.map((r) => r[0]);
    expect(rows.filter((name, i) => name !== names[i])).toEqual([]);
  });

  it('reads whole in the sheet itself (inline strings)', async () => {
    const path = join(tempDir(), 'inline.xlsx');
    // Long remarks, nearly all 3-byte characters: every cut between chunks has two chances in three to fall inside one.
    const remarks = Array.from({ length: 3000 }, (_, i) => `${i}号`.padEnd(120, '家庭成员情况说明'));
    const cells = remarks.map((remark, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${remark}</t></is></c></row>`);
    writeSheetXml(path, { rows: `<row r="1"><c r="A1" t="inlineStr"><is><t>备注</t></is></c></row>${cells.join('')}` });
    const rows = (await readBack(path)).rows.map((r) => r[0]);
    expect(rows.filter((remark, i) => remark !== remarks[i])).toEqual([]);
  });

  it('sheet XML cut anywhere (inside a character, a tag or a cell) is rewritten as it is whole', async () => {
    const xml =
      '<sheetData><row r="1"><c r="A1" t="e"><f>NA()</f><v>#N/A</v></c><c r="B1" t="inlineStr"><is><t>张三</t></is></c><c r="C1" s="1"/>' +
      '<c r="D1" t="b"><f>1=1</f><v>1</v></c><c r="E1" t="e"><v>#REF!</v></c></row></sheetData><cols><col min="1" max="2"/></cols>';
    const whole = await text(sheetXml(chunks(Buffer.from(xml), [])));
    expect(whole).toBe(
      '<sheetData><row r="1"><c r="A1" t="str"><f>NA()</f><v>#N/A</v></c><c r="B1" t="inlineStr"><is><t>张三</t></is></c><c r="C1" s="1"/>' +
        '<c r="D1" t="str"><f>1=1</f><v>TRUE</v></c><c r="E1" t="e"><v>#REF!</v></c></row></sheetData><cols><col min="1" max="2"/></cols>',
    );
    const bytes = Buffer.from(xml);
    for (let a = 1; a < bytes.length; a++) {
      expect(await text(sheetXml(chunks(bytes, [a])))).toBe(whole);
      expect(await text(sheetXml(chunks(bytes, [a, Math.min(a + 7, bytes.length)])))).toBe(whole);
    }
  });
});

async function* chunks(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(from, cut);
    from = cut;
  }
}

async function text(parts: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const part of parts) out += part;
  return out;
}

describe('the parts of a workbook', () => {
  it('are all read, every time: no sheet, shared strings or sheet names lost to a race in the streaming unzip', async () => {
    const dir = tempDir();
    // exceljs stores the sheets first, then the shared strings and xl/workbook.xml: the parts that used to be lost.
    const paths = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const path = join(dir, `book${n}.xlsx`);
        await writeBook(path, (sheet, book) => {
          sheet.addRows([['姓名'], ['甲']]);
          book.addWorksheet('说明').addRows([['说明'], ['这一页不是名单']]);
        });
        return path;
      }),
    );
    const failures: string[] = [];
    for (let i = 0; i < 100; i++) {
      for (const path of paths) {
        try {
          const source = await openXlsx(path, { sheet: '说明' });
          for await (const _batch of source.batches);
          await source.close();
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);
});
