/**
 * Encodings a roster arrives in: UTF-16 without a byte order mark is read
 * as UTF-16 (not as NUL-riddled UTF-8), NUL bytes that are no UTF-16 stop
 * the run, and a forced --encoding that garbles what detection reads
 * cleanly is caught: an error when the header is garbled, a doubt on the
 * reader (for a warning) when only cells are.
 */
import iconv from 'iconv-lite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCsv } from '../../src/household/csv-source.js';
import { classifyBytes } from '../../src/household/encoding.js';
import { openRoster } from '../../src/household/source.js';
import { csvText, idFor, parseCsvOutput, tempDir } from './helpers.js';
import { runBatchCli } from './run.js';

const AS_OF = ['--as-of', '2025-06-01'];
const ZHANG = idFor('1958-03-02', 'male');
const LI = idFor('1960-08-08', 'female');
const ROSTER = [
  ['户编号', '与户主关系', '姓名', '身份证号', '备注'],
  ['H1', '户主', '张大', ZHANG, '低保'],
  ['H1', '配偶', '李二', LI, `身份证 ${LI}`],
];
const TEXT = csvText(ROSTER);

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();

/** Writes `bytes` as `name` and runs the CLI on it into result.csv: exit code, stderr, and the output rows if written. */
async function runOn(name: string, bytes: Buffer, args: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  const r = await runBatchCli([name, ...args, ...AS_OF, '--out', 'result.csv'], { cwd: dir });
  const out = join(dir, 'result.csv');
  return { ...r, rows: existsSync(out) ? parseCsvOutput(readFileSync(out, 'utf8')) : undefined, path: join(dir, name) };
}

describe('UTF-16 without a byte order mark', () => {
  it.each([
    ['UTF-16LE', Buffer.from(TEXT, 'utf16le')],
    ['UTF-16BE', utf16be(TEXT)],
    ['UTF-16LE, tab-separated (Excel "Unicode text" without its mark)', Buffer.from(TEXT.replace(/,/g, '\t'), 'utf16le')],
  ])('is read as %s: the same output as the roster in UTF-8', async (_what, bytes) => {
    const wide = await runOn('roster.csv', bytes);
    const plain = await runOn('roster.csv', Buffer.from(TEXT));
    expect(wide.code).toBe(0);
    expect(wide.rows![0].slice(0, 5)).toEqual(['row', '户编号', '与户主关系', '姓名', '身份证号']);
    expect(wide.rows!.slice(1).map((row) => row.slice(0, 5))).toEqual([
      ['2', 'H1', '户主', '张大', `${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`],
      ['3', 'H1', '配偶', '李二', `${LI.slice(0, 6)}********${LI.slice(-4)}`],
    ]);
    expect(wide.rows!.flat().join('')).not.toContain('\u0000');
    expect(wide.rows).toEqual(plain.rows);
    expect(wide.stderr).toBe(plain.stderr);
  });

  it('is told from the bytes', () => {
    expect(classifyBytes(Buffer.from(TEXT, 'utf16le'), true)).toBe('utf-16le');
    expect(classifyBytes(utf16be(TEXT), true)).toBe('utf-16be');
    // A Chinese character whose low byte is NUL (U+4E00 一) does not spoil it.
    expect(classifyBytes(Buffer.from(`一${TEXT}`, 'utf16le'), true)).toBe('utf-16le');
    expect(classifyBytes(Buffer.from(TEXT), true)).toBe('utf-8');
    expect(classifyBytes(iconv.encode(TEXT, 'gb18030'), true)).toBe('gb18030');
  });

  it('forced as UTF-8 stops with exit 2, naming the file and the encoding the bytes say', async () => {
    const r = await runOn('roster.csv', Buffer.from(TEXT, 'utf16le'), ['--encoding', 'utf-8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roster\.csv:1: 错误 FILE_UNREADABLE \[--encoding\]: .*roster\.csv 用 --encoding utf-8 读出的表头含 NUL 字符.*按字节看是 utf-16le/m);
    expect(r.rows).toBeUndefined();
  });
});

describe('NUL bytes that are not UTF-16', () => {
  it('stop the run: an .xls workbook renamed .csv is no roster', async () => {
    // The start of an OLE2 compound file (the old .xls), mostly NUL bytes.
    const xls = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(xls);
    xls.fill(0xff, 512, 640);
    const r = await runOn('roster.csv', xls);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^roster\.csv: 错误 FILE_UNREADABLE: .*roster\.csv 不是文本文件：开头有大量 NUL 字节/m);
    expect(r.rows).toBeUndefined();
  });

  it('in the header stop the run even when there are few', async () => {
    const r = await runOn('roster.csv', Buffer.from(`户编号,姓\u0000名\r\nH1,张大\r\n${'H1,张大\r\n'.repeat(200)}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/roster\.csv:1: .*roster\.csv 的表头含 NUL 字符/);
  });

  it('in a row further down decide nothing about the file', async () => {
    expect(classifyBytes(Buffer.from(`${TEXT}H2,户主,王\u0000三,,\r\n`), true)).toBe('utf-8');
  });
});

describe('a forced encoding that garbles the bytes', () => {
  const GB = iconv.encode(TEXT, 'gb18030');

  it('stops with exit 2 when the header comes out garbled, suggesting the detected encoding', async () => {
    const r = await runOn('roster.csv', GB, ['--encoding', 'utf-8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^roster\.csv:1: 错误 FILE_UNREADABLE \[--encoding\]: .*roster\.csv 用 --encoding utf-8 读出的表头有无法解码的字符（U\+FFFD）；按字节看是 gb18030：去掉 --encoding 或改用 --encoding gb18030/m,
    );
    expect(r.rows).toBeUndefined();
  });

  it.each([['gb18030'], ['gbk'], ['GB18030']])('is not doubted when right (--encoding %s)', async (encoding) => {
    const r = await runOn('roster.csv', GB, ['--encoding', encoding]);
    expect(r.code).toBe(0);
    expect(r.rows!.slice(1).map((row) => row[3])).toEqual(['张大', '李二']);
    const source = await openCsv(r.path, { encoding });
    await source.close();
    expect(source.encodingDoubt).toBeUndefined();
  });

  it('with a clean header but garbled cells, tells the reader how many characters it could not decode', async () => {
    // English keys: the header is ASCII, so only the names and remarks are garbled.
    const english = iconv.encode(csvText([['household_id', 'relationship', 'name', 'id_number'], ['H1', '户主', '张大', ZHANG], ['H1', '配偶', '李二', LI]]), 'gb18030');
    const dir = tempDir();
    const path = join(dir, 'roster.csv');
    writeFileSync(path, english);
    // openRoster hands the CSV reader's source on as it is: the CLI can read the doubt there.
    const forced = (await openRoster(path, { encoding: 'utf-8', file: 'roster.csv' }));
    await forced.close();
    expect(forced.encodingDoubt).toEqual({ forced: 'utf-8', detected: 'gb18030', replaced: expect.any(Number) });
    expect(forced.encodingDoubt!.replaced).toBeGreaterThan(0);
    const detected = (await openRoster(path, { file: 'roster.csv' }));
    await detected.close();
    expect(detected.encodingDoubt).toBeUndefined();
  });

  it('is not doubted for U+FFFD the file itself holds (it is in UTF-8 already)', async () => {
    const dir = tempDir();
    const path = join(dir, 'roster.csv');
    writeFileSync(path, csvText([['户编号', '姓名'], ['H1', '张\uFFFD']]));
    const source = await openCsv(path, { encoding: 'utf-8' });
    await source.close();
    expect(source.encodingDoubt).toBeUndefined();
  });
});

describe('the warning an analyst sees for a wrong --encoding', () => {
  it('names the file, the count of undecodable characters and the encoding the bytes look like', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), iconv.encode(csvText([['household_id', 'name'], ['H1', '张大'], ['H1', '李二']]), 'gb18030'));
    const r = await runBatchCli(['roster.csv', '--as-of', '2025-06-01', '--encoding', 'utf-8'], { cwd: dir });
    expect(r.stderr).toMatch(/roster\.csv：用 --encoding utf-8 解码时有 \d+ 个字符无法解码（显示为 �）；按字节看是 gb18030，可去掉 --encoding 或改用 --encoding gb18030/);
    const clean = await runBatchCli(['roster.csv', '--as-of', '2025-06-01'], { cwd: dir });
    expect(clean.stderr).not.toContain('无法解码');
  });
});
