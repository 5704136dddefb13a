/** `longchang-check batch` as an analyst uses it: files in, files out, exit codes, messages. */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitProgress, formatProgress } from '../../src/format/progress.js';
import stringWidth from 'string-width';
import { CATALOGUE } from '../../src/rules/catalogue.js';
import { idFor, parseCsvOutput, tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

const ITEM_IDS = CATALOGUE.flatMap((d) => d.items.map((i) => i.id));
const AS_OF = ['--as-of', '2025-06-01'];

const ZHANG = idFor('1958-03-02', 'male');
const LI = idFor('1960-08-08', 'female');
const KID = idFor('2016-05-05', 'female');
const SPOUSE_ID = idFor('1961-01-01', 'female', '33');

const ROSTER = [
  ['户编号', '与户主关系', '姓名', '身份证号', '户籍性质', '救助身份', '就业状态', '联系电话', '配偶身份证号', '备注'],
  ['H1', '户主', '张大', ZHANG, '农村', '低保', '退休', '13800000001', SPOUSE_ID, ''],
  ['H2', '户主', '=HYPERLINK("http://x")', LI, '城镇', '', '就业', '+8613800000002', '', '-2 @家'],
  ['H1', '子女', '张小', KID, '农村', '', '', '@13800000003', '', `身份证 ${LI}`],
];

describe('CSV output', () => {
  it('writes one row per person in input order, with a BOM, the identifying columns and the answers', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'result.csv'), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsvOutput(text);
    expect(header).toEqual(['row', '户编号', '与户主关系', '姓名', '身份证号', '联系电话', '配偶身份证号', '备注', 'eligible', 'undetermined', 'error']);
    expect(rows.map((row) => row[0])).toEqual(['2', '3', '4']);
    expect(rows.map((row) => row[1])).toEqual(['H1', 'H2', 'H1']);
    for (const row of rows) {
      const answered = [...row[8].split(';'), ...row[9].split(';')].filter(Boolean);
      expect(answered.every((id) => ITEM_IDS.includes(id))).toBe(true);
      expect(row[10]).toBe('');
    }
    // Nothing is left beside it under a temporary name.
    expect(readdirSync(dir).sort()).toEqual(['result.csv', 'roster.csv']);
  });

  it('asks how 特困 support is given where an item names only 分散供养特困 (a roster column 救助身份 says 特困)', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', [
      ['户编号', '姓名', '户籍性质', '居住危房', '救助身份', '突发困难', '受灾', '家庭救助身份'],
      ['1', '甲', '农村', '是', '特困', '否', '否', '无'],
      ['2', '乙', '农村', '是', '分散供养特困', '否', '否', '无'],
    ]);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--domain', '住有所居', '--wide'], { cwd: dir });
    const [header, ...rows] = parseCsvOutput(r.stdout);
    const at = header.indexOf('rural-dangerous-house-renovation');
    expect(rows.map((row) => row[at])).toEqual(['待核实', '符合']);
  });

  it('lets no cell start a formula', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir });
    const rows = parseCsvOutput(r.stdout).slice(1);
    expect(rows[1][3]).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[1][5]).toBe(`'+8613800000002`);
    expect(rows[1][7]).toBe(`'-2 @家`);
    expect(rows[2][5]).toBe(`'@13800000003`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('masks ID numbers: the ID column, a column named for them, and an ID-looking cell', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir });
    for (const id of [ZHANG, LI, KID, SPOUSE_ID]) expect(r.stdout).not.toContain(id);
    const rows = parseCsvOutput(r.stdout).slice(1);
    expect(rows[0][4]).toBe(`${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`);
    expect(rows[0][6]).toBe(`${SPOUSE_ID.slice(0, 6)}********${SPOUSE_ID.slice(-4)}`);
    // A remark that merely mentions an ID is carried as written but for the number itself.
    expect(rows[2][7]).not.toContain(LI.slice(6, 14));
  });

  it('masks a column named for ID numbers whole, even where a cell is no well-formed ID number', async () => {
    const dir = tempDir();
    const typo = SPOUSE_ID.slice(0, 17); // one digit short: not ID-looking, still someone's number
    const spaced = `${SPOUSE_ID.slice(0, 6)} ${SPOUSE_ID.slice(6)}`;
    writeCsv(dir, 'roster.csv', [
      ['户编号', '姓名', '配偶身份证号'],
      ['H1', '张大', typo],
      ['H2', '李', spaced],
    ]);
    for (const format of ['csv', 'jsonl']) {
      const r = await runBatchCli(['roster.csv', ...AS_OF, '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(typo);
      expect(r.stdout).not.toContain(SPOUSE_ID.slice(6));
      expect(r.stdout).not.toContain(SPOUSE_ID.slice(6, 14));
    }
    const rows = parseCsvOutput((await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir })).stdout).slice(1);
    // 17 digits: an 18-digit number without its check digit; the last three (the sequence) are shown, no digit of the birth date.
    expect(rows[0][3]).toBe(`${typo.slice(0, 6)}********${typo.slice(-3)}`);
  });

  it('lets no full ID number out, wherever it stands, in any format', async () => {
    const dir = tempDir();
    // A household id that is the head's ID number; a quote never closed, swallowing the rows after it into a name.
    writeFileSync(join(dir, 'roster.csv'), `户编号,姓名,身份证号\r\n${ZHANG},张大,${ZHANG}\r\n${ZHANG},"张小,${KID}\r\n${LI},李,${LI}\r\n`);
    // A roster saved without its header row: the first person is read as the header, which names no known column (exit 2).
    writeFileSync(join(dir, 'headless.csv'), `${ZHANG},张大\r\n${LI},李\r\n`);
    for (const file of ['roster.csv', 'headless.csv']) {
      for (const format of ['csv', 'jsonl']) {
        const r = await runBatchCli([file, ...AS_OF, '--format', format], { cwd: dir });
        if (file === 'headless.csv') expect(r.stderr).toMatch(/NO_KNOWN_COLUMN.*读到的是：511028\*+\d{3}[\dX]、张大/);
        else expect(r.code).toBeLessThan(2);
        for (const id of [ZHANG, LI, KID]) expect(r.stdout + r.stderr).not.toContain(id);
      }
    }
  });

  it('masks ID numbers in carried columns however they are written, and the month and day of a birth date column', async () => {
    const dir = tempDir();
    const id = ZHANG;
    const grouped = `${id.slice(0, 6)}.${id.slice(6, 14)}.${id.slice(14)}`;
    writeCsv(dir, 'carried.csv', [
      ['户编号', '身份证号', '生日', '出生年月日', '备注', '证件'],
      ['H1', id, '1958-03-02', '1958年3月2日', `身份证 ${id.slice(0, 10)}\n${id.slice(10)} 核实`, grouped],
    ]);
    for (const format of ['csv', 'jsonl']) {
      const r = await runBatchCli(['carried.csv', ...AS_OF, '--format', format], { cwd: dir });
      expect(r.code).toBe(0);
      const digits = r.stdout.replace(/[^0-9]/g, '');
      expect(digits).not.toContain(id.slice(6, 14));
      expect(r.stdout).toContain('1958-**-**');
      expect(r.stdout).toContain('1958年*月*日');
    }
  });

  it('names columns that are not profile keys once on standard error and carries them through', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir });
    expect(r.stderr.match(/联系电话/g)).toHaveLength(1);
    expect(r.stderr).toContain('联系电话、配偶身份证号、备注');
    expect(parseCsvOutput(r.stdout)[1][5]).toBe('13800000001');
  });

  it('writes to standard output with --out -, as - for the roster reads standard input', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('row,');
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('keeps every carried column in JSON lines, two of one name and one named __proto__ included', async () => {
    const dir = tempDir();
    writeCsv(dir, 'dup.csv', [['户编号', '姓名', '备注', '备注', '__proto__'], ['H1', '甲', 'a', 'b', 'p']]);
    const r = await runBatchCli(['dup.csv', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    const columns = JSON.parse(r.stdout.trim()).columns as Record<string, string>;
    expect(Object.entries(columns)).toEqual([
      ['备注', 'a'],
      ['备注（2）', 'b'],
      ['__proto__', 'p'],
    ]);
  });

  it('renames an input column named like one of the output columns, or like an earlier input column, in CSV and xlsx', async () => {
    const dir = tempDir();
    writeCsv(dir, 'clash.csv', [
      ['户编号', '姓名', 'row', 'Eligible', '备注', '备注', '=a', "'=a", 'dibao'],
      ['H1', '甲', '7', 'yes', 'a', 'b', 'c', 'd', 'x'],
    ]);
    const expected = ['row', '户编号', '姓名', 'row（2）', 'Eligible（2）', '备注', '备注（2）', "'=a", "'=a（2）", 'dibao', 'eligible', 'undetermined', 'error'];
    const csv = parseCsvOutput((await runBatchCli(['clash.csv', ...AS_OF], { cwd: dir })).stdout);
    expect(csv[0]).toEqual(expected);
    expect(csv[1].slice(0, 10)).toEqual(['2', 'H1', '甲', '7', 'yes', 'a', 'b', 'c', 'd', 'x']);
    // With --wide the item ids are output columns too.
    const wide = parseCsvOutput((await runBatchCli(['clash.csv', ...AS_OF, '--wide'], { cwd: dir })).stdout);
    expect(wide[0].slice(0, 13)).toEqual([...expected.slice(0, 9), 'dibao（2）', 'eligible', 'undetermined', 'error']);
    expect(wide[0].filter((name) => name === 'dibao')).toHaveLength(1);
    await runBatchCli(['clash.csv', ...AS_OF, '--out', 'clash.xlsx'], { cwd: dir });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'clash.xlsx'));
    expect((book.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(expected);
  });

  it('writes an xlsx that stays valid XML whatever the cells hold (U+FFFE, U+FFFF, a lone surrogate)', async () => {
    const dir = tempDir();
    writeCsv(dir, 'odd.csv', [['户编号', '姓名', '备注'], ['H1', '甲', 'a\uFFFEb\uFFFFc\uD800d']]);
    const r = await runBatchCli(['odd.csv', ...AS_OF, '--out', 'odd.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'odd.xlsx'));
    expect(book.worksheets[0].getRow(2).getCell(4).value).toBe('a\uFFFDb\uFFFDc\uFFFDd');
  });

  it('says how many cells were cut to fit an xlsx sheet, and where the first is', async () => {
    const dir = tempDir();
    writeCsv(dir, 'long.csv', [['户编号', '姓名', '备注'], ['H1', '甲', 'x'.repeat(40000)], ['H1', '乙', '短']]);
    const r = await runBatchCli(['long.csv', ...AS_OF, '--out', 'long.xlsx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 个单元格超过 xlsx 的 32,767 字符上限，已截断并在格内注明（第一个在第 2 行第 4 列）；全文请用 --format csv');
  });

  it('reads a named pipe (FIFO) as it reads standard input, neither hanging nor failing to seek', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFile } = await import('node:fs/promises');
    const dir = tempDir();
    const fifo = join(dir, 'roster.pipe');
    execFileSync('mkfifo', [fifo]);
    const writing = writeFile(fifo, '户编号,姓名\r\nH1,甲\r\nH1,乙\r\n');
    const r = await runBatchCli(['roster.pipe', ...AS_OF, '--domain', 'elderly'], { cwd: dir });
    await writing;
    expect(r.code).toBe(0);
    expect(parseCsvOutput(r.stdout).map((row) => row.slice(0, 3))).toEqual([
      ['row', '户编号', '姓名'],
      ['2', 'H1', '甲'],
      ['3', 'H1', '乙'],
    ]);
  });

  it('says when --sheet or --wide does nothing for this file or format', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const sheet = await runBatchCli(['roster.csv', ...AS_OF, '--sheet', '花名册'], { cwd: dir });
    expect(sheet.stderr).toContain('--sheet 只用于 .xlsx 工作簿：这个文件按 CSV 读取，--sheet 不起作用');
    const wide = await runBatchCli(['roster.csv', ...AS_OF, '--wide', '--format', 'jsonl'], { cwd: dir });
    expect(wide.stderr).toContain('--wide 只用于 CSV 和 xlsx 输出');
    const plain = await runBatchCli(['roster.csv', ...AS_OF, '--wide'], { cwd: dir });
    expect(plain.stderr).not.toMatch(/--wide|--sheet/);
  });

  it('asks about a carried column that looks like a misspelt key, passes over a title above the header, and refuses a table with no known column', async () => {
    const dir = tempDir();
    writeCsv(dir, 'typos.csv', [['户编号', '户籍姓质', 'hukuo_type', '备注', '序号'], ['H1', '农村', 'rural', '', '1']]);
    const typos = await runBatchCli(['typos.csv', ...AS_OF], { cwd: dir });
    expect(typos.stderr).toContain('原样带到输出：户籍姓质（是不是 户籍性质（hukou_type）？）、hukuo_type（是不是 户籍性质（hukou_type）？）、备注、序号');
    writeCsv(dir, 'title.csv', [['隆昌市某镇花名册', '', ''], ['户编号', '姓名', '身份证号'], ['H1', '甲', '']]);
    const title = await runBatchCli(['title.csv', ...AS_OF, '--out', 'out.csv'], { cwd: dir });
    expect(title.code).toBe(0);
    expect(title.stderr).toContain('表头在第 2 行；其上的标题等不是人员，未核查：隆昌市某镇花名册');
    expect(parseCsvOutput(readFileSync(join(dir, 'out.csv'), 'utf8')).map((row) => row.slice(0, 3))).toEqual([['row', '户编号', '姓名'], ['3', 'H1', '甲']]);
    writeCsv(dir, 'other.csv', [['隆昌市某镇花名册', '', ''], ['编号', '品名', '数量'], ['1', '大米', '5']]);
    const other = await runBatchCli(['other.csv', ...AS_OF, '--out', 'out2.csv'], { cwd: dir });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.csv:1: 错误 UNKNOWN_KEY: 未知的字段：[NO_KNOWN_COLUMN] 表头里没有一个认识的列：前 11 行里没有表头（如 户编号、姓名、身份证号、户籍性质）；第 1 行读到的是：隆昌市某镇花名册、第2列、第3列');
    expect(existsSync(join(dir, 'out2.csv'))).toBe(false);
  });

  it('adds one column per item with --wide, and JSON lines with --format jsonl', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const wide = parseCsvOutput((await runBatchCli(['roster.csv', ...AS_OF, '--wide'], { cwd: dir })).stdout);
    expect(wide[0].slice(11)).toEqual(ITEM_IDS);
    for (const word of wide[1].slice(11)) expect(['符合', '不符合', '待核实']).toContain(word);
    const jsonl = await runBatchCli(['roster.csv', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    const lines = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.household_id])).toEqual([[2, 'H1'], [3, 'H2'], [4, 'H1']]);
    expect(lines[0].person.id_number).toBe(`${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`);
    expect(lines[0].person.household_assistance).toEqual(['dibao']);
    expect(lines[2].person.household_assistance).toEqual(['dibao']);
    expect(lines[0].results).toHaveLength(ITEM_IDS.length);
    expect(lines[0].columns['联系电话']).toBe('13800000001');
    expect(jsonl.stdout).not.toContain(ZHANG);
  });

  it('prints per-item counts with --summary', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--summary'], { cwd: dir });
    expect(r.stderr).toContain('共 3 行，其中 0 行无法核查');
    for (const id of ITEM_IDS) {
      const line = r.stderr.split('\n').find((l) => l.startsWith(`${id} `))!;
      const counts = line.trim().split(/\s+/).slice(-3).map(Number);
      expect(counts.reduce((a, b) => a + b)).toBe(3);
    }
  });
});

describe('bad rows and unusable input', () => {
  it('turns bad rows into error rows naming row and field, keeps every row, exits 1', async () => {
    const dir = tempDir();
    const rows = [
      ['户编号', '姓名', '出生日期', '户籍性质'],
      ['H1', '好', '1990-01-01', '农村'],
      ['H1', '坏', '1990-02-30', '农村'],
      ['H2', '也好', '1980-01-01', '城镇'],
      ['H2', '又坏', '1980-01-01', '海外'],
    ];
    writeCsv(dir, 'bad.csv', rows);
    const r = await runBatchCli(['bad.csv', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    const out = parseCsvOutput(r.stdout).slice(1);
    expect(out).toHaveLength(4);
    expect(out.map((row) => row[0])).toEqual(['2', '3', '4', '5']);
    expect(out[1][5]).toMatch(/^第3行 出生日期（birth_date）：/);
    expect(out[3][5]).toMatch(/^第5行 户籍性质（hukou_type）：/);
    expect(out[0][5]).toBe('');
    expect(r.stderr).toContain('2 行无法核查');
  });

  it('masks the birth date a message quotes, since it is what a masked ID number hides', async () => {
    const dir = tempDir();
    const id = idFor('1960-06-01', 'male');
    writeCsv(dir, 'b.csv', [
      ['户编号', '身份证号', '出生日期'],
      ['H1', id, '1960-06-01 99:00'],
      ['H2', id, '1960-06-02'],
    ]);
    const r = await runBatchCli(['b.csv', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(1);
    const [header, ...rows] = parseCsvOutput(r.stdout);
    const errors = rows.map((row) => row[header.indexOf('error')]);
    expect(errors[0]).toContain('“1960-**-** **:**”');
    expect(errors[1]).toContain('出生日期（birth_date）1960-**-** 不一致');
    expect(r.stdout).not.toMatch(/0601|06-01|06-02/);
  });

  it('makes a household id Excel wrote in E notation an error row, rather than join the households it stands for', async () => {
    const dir = tempDir();
    writeCsv(dir, 'e.csv', [
      ['户编号', '与户主关系', '救助身份', '户籍性质'],
      ['5.11028E+13', '户主', '低保', '农村'],
      ['5.11028E+13', '户主', '', '农村'],
      ['12E3', '户主', '', '农村'],
      ['5.11028E+013', '户主', '', '农村'],
      ['5.11028e+13', '户主', '', '农村'],
    ]);
    const r = await runBatchCli(['e.csv', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.issues?.[0]?.code)).toEqual(['HOUSEHOLD_ID_LOST', 'HOUSEHOLD_ID_LOST', undefined, 'HOUSEHOLD_ID_LOST', 'HOUSEHOLD_ID_LOST']);
    expect(lines[1].error).toBe('第3行 户编号（household_id）：户编号写成了科学计数法（如 5.11028E+13）：Excel 把该列存成了数字，位数已经丢失，不同的户会被当成一户；把该列设为文本格式，重新录入后再导出');
    expect(lines[2].person.household_id).toBe('12E3');
    // With --sorted such a row neither ends the household around it nor comes back as one: the same rows, no NOT_SORTED stop.
    const sorted = await runBatchCli(['e.csv', ...AS_OF, '--format', 'jsonl', '--sorted'], { cwd: dir });
    expect([sorted.code, sorted.stdout]).toEqual([1, r.stdout]);
  });

  it('counts the rows without a household id on standard error, on one thread and on workers, and says what merged cells need', async () => {
    const dir = tempDir();
    writeCsv(dir, 'm.csv', [
      ['户编号', '与户主关系', '就业状态'],
      ['H1', '户主', '失业'],
      ['', '配偶', '就业'],
      ['', '子女', '学生'],
      ['', '', ''],
      // A row that cannot be read as cells is not counted: nothing of it is read.
      ['', '户主', '失业', '多出的一格'],
      ['H2', '户主', '就业'],
    ]);
    for (const jobs of ['0', '2']) {
      const r = await runBatchCli(['m.csv', ...AS_OF, '--jobs', jobs], { cwd: dir });
      expect(r.stderr).toContain('2 行没有户编号：');
      expect(r.stderr).toContain('加 --fill-household-ids 让空白沿用上一行的户编号');
    }
    writeCsv(dir, 'full.csv', [['户编号', '与户主关系'], ['H1', '户主']]);
    expect((await runBatchCli(['full.csv', ...AS_OF], { cwd: dir })).stderr).not.toContain('没有户编号');
  });

  it('with --fill-household-ids, reads blank household ids as the one above (merged cells), in every mode', async () => {
    const dir = tempDir();
    writeCsv(dir, 'merged.csv', [
      ['户编号', '姓名', '与户主关系', '出生日期', '就业状态', '救助身份'],
      ['', '无户', '户主', '1980-01-01', '失业', '无'],
      ['H1', '户主甲', '户主', '1980-01-01', '失业', '低保'],
      ['', '妻乙', '配偶', '1982-01-01', '就业', '无'],
      ['', '', '', '', '', ''],
      ['', '子丙', '子女', '2010-01-01', '学生', '无'],
      ['H2', '户主丁', '户主', '1970-01-01', '失业', '无'],
    ]);
    const runs = [];
    for (const mode of [[], ['--sorted'], ['--jobs', '2']]) {
      const r = await runBatchCli(['merged.csv', ...AS_OF, '--format', 'jsonl', '--fill-household-ids', ...mode], { cwd: dir });
      runs.push(r.stdout);
      const people = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(people.map((p) => p.household_id)).toEqual(['', 'H1', 'H1', '', 'H1', 'H2']);
      // The spouse works: H1 is no zero-employment household, and all of H1 is on 低保.
      for (const i of [1, 2, 4]) expect(people[i].person).toMatchObject({ zero_employment_household: false, household_assistance: ['dibao'] });
      expect(people[5].person.zero_employment_household).toBe(true);
      // The row above every id still has none, and says so, without advice to add the flag it has.
      expect(r.stderr).toContain('1 行没有户编号');
      expect(r.stderr).toContain('无从沿用');
      expect(r.stderr).not.toContain('加 --fill-household-ids');
    }
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    const without = await runBatchCli(['merged.csv', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    expect(without.stderr).toContain('3 行没有户编号');
    expect(without.stderr).toContain('--fill-household-ids');
  });

  it('masks the month and day of a date an error message gives as its reason, but not the check date', async () => {
    const dir = tempDir();
    writeCsv(dir, 'a.csv', [
      ['户编号', '身份证号', '出生日期', '年龄'],
      ['H1', idFor('1980-01-01', 'male'), '1980-01-01', '30'],
      ['H2', '', '19800101', '30'],
    ]);
    const r = await runBatchCli(['a.csv', ...AS_OF], { cwd: dir });
    const [header, ...rows] = parseCsvOutput(r.stdout);
    for (const row of rows) expect(row[header.indexOf('error')]).toContain('按出生日期 1980-**-**，2025-06-01 时为 45 岁');
    expect(r.stdout).not.toMatch(/0101/);
  });

  it.each([
    ['a missing file', ['nope.csv', '--out', 'out.csv'], /FILE_NOT_FOUND.*nope\.csv/],
    ['a folder given as the roster', ['rosters', '--out', 'out.csv'], /rosters: 错误 FILE_UNREADABLE: .*rosters（这是一个文件夹/],
    ['a folder named like a workbook', ['book-folder.xlsx', '--out', 'out.csv'], /FILE_UNREADABLE: .*book-folder\.xlsx（这是一个文件夹/],
    ['two columns for one key', ['dup.csv', '--out', 'out.csv'], /DUPLICATE_COLUMN.*“身份证号”.*“身份证号码”/],
    ['an unknown encoding', ['ok.csv', '--encoding', 'klingon', '--out', 'out.csv'], /klingon/],
    ['xlsx without --out', ['ok.csv', '--format', 'xlsx'], /--out/],
    ['a bad --jobs', ['ok.csv', '--jobs', 'many'], /--jobs/],
    ['a missing sheet', ['book.xlsx', '--sheet', '第九页', '--out', 'out.csv'], /第九页.*花名册/],
    ['an --out that cannot be written', ['ok.csv', '--out', 'no-such-folder/out.csv'], /BAD_ARGUMENT \[--out\].*no-such-folder/],
    ['an --out that is the roster itself', ['ok.csv', '--out', './ok.csv'], /BAD_ARGUMENT \[--out\].*--out \.\/ok\.csv 就是输入的名单/],
    ['a full disk', ['ok.csv', '--out', '/dev/full'], /\/dev\/full: 错误 BAD_ARGUMENT \[--out\]: .*无法写入 --out \/dev\/full（ENOSPC）/],
    ['a full disk, JSON lines on worker threads', ['ok.csv', '--out', '/dev/full', '--format', 'jsonl', '--jobs', '2'], /无法写入 --out \/dev\/full（ENOSPC）/],
    ['a full disk, --sorted on worker threads', ['ok.csv', '--out', '/dev/full', '--sorted', '--jobs', '2'], /无法写入 --out \/dev\/full（ENOSPC）/],
    ['a full disk, xlsx', ['ok.csv', '--out', '/dev/full', '--format', 'xlsx'], /无法写入 --out \/dev\/full（ENOSPC）/],
    ['a --sorted promise broken', ['unsorted.csv', '--sorted', '--out', 'out.csv'], /BAD_ARGUMENT.*NOT_SORTED/],
    ['a quote never closed', ['unclosed.csv', '--out', 'out.csv'], /unclosed\.csv:3: .*UNTERMINATED_QUOTE.*第 3 行/],
  ])('exits 2 on %s, saying what is wrong', async (_what, args, message) => {
    const dir = tempDir();
    writeCsv(dir, 'dup.csv', [['身份证号', '身份证号码'], ['1', '2']]);
    writeCsv(dir, 'ok.csv', [['姓名'], ['甲']]);
    mkdirSync(join(dir, 'rosters'));
    mkdirSync(join(dir, 'book-folder.xlsx'));
    writeCsv(dir, 'unsorted.csv', [['户编号', '姓名'], ['H1', '甲'], ['H2', '乙'], ['H1', '丙']]);
    writeFileSync(join(dir, 'unclosed.csv'), `户编号,姓名\r\nH1,甲\r\nH1,"乙\r\n${'H2,丙\r\n'.repeat(1200)}`);
    const book = new ExcelJS.Workbook();
    book.addWorksheet('花名册').addRow(['姓名']);
    await book.xlsx.writeFile(join(dir, 'book.xlsx'));
    const r = await runBatchCli([...args, ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/ok\.csv: 错误 FILE_UNREADABLE/);
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    // The roster itself is never touched.
    expect(readFileSync(join(dir, 'ok.csv'), 'utf8')).toContain('甲');
  });
});

describe('Excel files', () => {
  it('reads the first sheet of an .xlsx (or --sheet), with Excel dates and numbers', async () => {
    const dir = tempDir();
    const book = new ExcelJS.Workbook();
    book.addWorksheet('说明').addRow(['这一页不是名单']);
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['户编号', '姓名', '出生日期', '年龄', '户籍性质']);
    sheet.addRow(['H1', '甲', new Date(Date.UTC(1950, 4, 6)), null, '农村']);
    sheet.addRow(['H1', '乙', null, 30, '农村']);
    await book.xlsx.writeFile(join(dir, 'roster.xlsx'));
    // The first sheet is a note, not a roster: said, with the way to the right sheet.
    const first = await runBatchCli(['roster.xlsx', ...AS_OF], { cwd: dir });
    expect(first.code).toBe(2);
    expect(first.stderr).toContain('roster.xlsx:1: 错误 UNKNOWN_KEY: 未知的字段：[NO_KNOWN_COLUMN] 表头里没有一个认识的列：前 11 行里没有表头（如 户编号、姓名、身份证号、户籍性质）；第 1 行读到的是：这一页不是名单；名单在另一张工作表时用 --sheet 指定');
    const named = await runBatchCli(['roster.xlsx', ...AS_OF, '--sheet', '花名册', '--format', 'jsonl'], { cwd: dir });
    expect(named.code).toBe(0);
    const lines = named.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.person.birth_date, l.person.age])).toEqual([
      [2, '1950-05-06', 75],
      [3, undefined, 30],
    ]);
  });

  it('says what to do with a CSV named .xlsx, rather than what the zip reader says', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.xlsx', [['户编号', '姓名'], ['H1', '甲']]);
    const r = await runBatchCli(['roster.xlsx', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('roster.xlsx 名为 .xlsx，内容却不是 Excel 工作簿（.xlsx 是 zip 压缩包）：若是 CSV 或文本，把扩展名改为 .csv 再运行');
    expect(r.stderr).not.toContain('signature');
    writeFileSync(join(dir, 'empty.xlsx'), '');
    const empty = await runBatchCli(['empty.xlsx', ...AS_OF], { cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('EMPTY_FILE');
  });

  it('reads the first sheet shown when the first is hidden, and says so; --sheet still reads a hidden one', async () => {
    const dir = tempDir();
    const book = new ExcelJS.Workbook();
    const lists = book.addWorksheet('选项');
    lists.addRow(['农村', '城镇']);
    lists.state = 'hidden';
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['户编号', '姓名', '户籍性质']);
    sheet.addRow(['H1', '甲', '农村']);
    await book.xlsx.writeFile(join(dir, 'roster.xlsx'));
    const r = await runBatchCli(['roster.xlsx', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('工作簿的隐藏工作表 选项 没有读；读的是第一张显示的工作表 花名册（要读隐藏的表，用 --sheet 指定）');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).household_id)).toEqual(['H1']);
    const hidden = await runBatchCli(['roster.xlsx', ...AS_OF, '--sheet', '选项'], { cwd: dir });
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toContain('NO_KNOWN_COLUMN');
    expect(hidden.stderr).not.toContain('隐藏工作表');
  });

  it('passes over a merged title row and an empty row above the header, numbering rows as Excel shows them', async () => {
    const dir = tempDir();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['隆昌市古湖街道低保户花名册']);
    sheet.mergeCells('A1:C1');
    sheet.addRow([]);
    sheet.addRow(['户编号', '姓名', '户籍性质']);
    sheet.addRow(['H1', '甲', '农村']);
    await book.xlsx.writeFile(join(dir, 'roster.xlsx'));
    const r = await runBatchCli(['roster.xlsx', ...AS_OF, '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('表头在第 3 行；其上的标题等不是人员，未核查：隆昌市古湖街道低保户花名册');
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l)).map((l) => [l.row, l.household_id])).toEqual([[4, 'H1']]);
  });

  it('writes an .xlsx that reads back to the same table as the CSV', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const csv = await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir });
    const xlsx = await runBatchCli(['roster.csv', ...AS_OF, '--out', 'result.xlsx'], { cwd: dir });
    expect(xlsx.code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'result.xlsx'));
    const rows: string[][] = [];
    book.worksheets[0].eachRow((row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))));
    const expected = parseCsvOutput(csv.stdout).map((r) => {
      while (r.length > 0 && r[r.length - 1] === '') r.pop();
      return r;
    });
    expect(rows).toEqual(expected);
    expect(readdirSync(dir).sort()).toEqual(['result.xlsx', 'roster.csv']);
  });
});

describe('encodings', () => {
  const rows = [
    ['户编号', '与户主关系', '姓名', '身份证号', '户籍性质', '救助身份', '备注'],
    ['H1', '户主', '王芳', LI, '农村', '低保、低收入家庭', '石燕桥镇，二组'],
    ['H1', '子女', '王小', KID, '农村', '', ''],
  ];

  it('reads a GB18030 roster with Chinese headers as Excel saves it, and writes UTF-8 with Chinese intact', async () => {
    const dir = tempDir();
    writeCsv(dir, 'utf8.csv', rows);
    writeCsv(dir, 'gb.csv', rows, 'gb18030');
    expect(readFileSync(join(dir, 'gb.csv')).includes(Buffer.from('王芳'))).toBe(false);
    const gb = await runBatchCli(['gb.csv', ...AS_OF, '--out', 'gb-out.csv'], { cwd: dir });
    const utf8 = await runBatchCli(['utf8.csv', ...AS_OF, '--out', 'utf8-out.csv'], { cwd: dir });
    expect(gb.code).toBe(0);
    expect(utf8.code).toBe(0);
    expect(gb.stderr).not.toContain('户籍性质');
    const out = readFileSync(join(dir, 'gb-out.csv'), 'utf8');
    expect(out).toContain('王芳');
    expect(out).toContain('石燕桥镇，二组');
    expect(out).toBe(readFileSync(join(dir, 'utf8-out.csv'), 'utf8'));
  });

  it('detects GB18030 even when the first Chinese text comes late in the file', async () => {
    const dir = tempDir();
    const ascii = Array.from({ length: 4000 }, (_, i) => [`H${i}`, 'head', `p${i}`, '', 'rural', '', '']);
    writeCsv(dir, 'late.csv', [['household_id', 'relationship', 'name', 'id_number', 'hukou_type', 'assistance', 'remark'], ...ascii, ['H9', 'head', '王芳', '', 'rural', '低保', '']], 'gb18030');
    const r = await runBatchCli(['late.csv', ...AS_OF], { cwd: dir });
    expect(r.code).toBe(0);
    const last = parseCsvOutput(r.stdout).pop()!;
    expect(last.slice(0, 4)).toEqual(['4002', 'H9', 'head', '王芳']);
    expect(last[last.length - 1]).toBe('');
    // Read as UTF-8, 低保 would not be a known assistance value and the row would be an error row.
    expect(r.code).toBe(0);
  });

  it('reads UTF-16 with a byte order mark, tab-separated, as Excel saves “Unicode text”', async () => {
    const dir = tempDir();
    writeCsv(dir, 'utf8.csv', rows);
    const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
    writeFileSync(join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const utf16 = await runBatchCli(['unicode.txt', ...AS_OF], { cwd: dir });
    expect(utf16.code).toBe(0);
    expect(utf16.stdout).toBe((await runBatchCli(['utf8.csv', ...AS_OF], { cwd: dir })).stdout);
  });

  it('reads a UTF-8 file with a BOM, and forces an encoding with --encoding', async () => {
    const dir = tempDir();
    writeCsv(dir, 'bom.csv', rows, 'utf-8-bom');
    writeCsv(dir, 'gb.csv', rows, 'gb18030');
    const bom = await runBatchCli(['bom.csv', ...AS_OF], { cwd: dir });
    expect(parseCsvOutput(bom.stdout)[0][1]).toBe('户编号');
    const forced = await runBatchCli(['gb.csv', ...AS_OF, '--encoding', 'gbk'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('王芳');
  });
});

describe('standard input', () => {
  it('reads the roster from - like a file', async () => {
    const dir = tempDir();
    const path = writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['-', ...AS_OF], { cwd: dir, stdin: readFileSync(path) });
    expect(r.code).toBe(0);
    expect(parseCsvOutput(r.stdout)).toHaveLength(4);
  });
});

describe('in a terminal', () => {
  it('shows progress and a bar per item on standard error, and neither when it is not a terminal', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const tty = await runBatchCli(['roster.csv', ...AS_OF, '--summary', '--out', 'a.csv'], { cwd: dir, stderrIsTTY: true });
    const pipe = await runBatchCli(['roster.csv', ...AS_OF, '--summary', '--out', 'b.csv'], { cwd: dir });
    expect(tty.stderr).toMatch(/\r核查 \[[█░]+\] \d+% 3\/3 行/);
    expect(tty.stderr).toMatch(/^hotline-12333 .* {2}[█▒·]{24}$/m);
    expect(pipe.stderr).not.toMatch(/核查 \[|[█▒░·]/);
  });

  it('keeps the progress line and the summary bars within a narrow terminal', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--summary', '--lang', 'en', '--out', 'o.csv'], { cwd: dir, stderrIsTTY: true, stderrColumns: 60 });
    const progress = r.stderr.split('\r').filter((part) => part.startsWith('checking'));
    expect(progress.length).toBeGreaterThan(0);
    for (const line of progress) expect(stringWidth(line.replace('\u001b[K', ''))).toBeLessThan(60);
    // Summary rows (the progress line, redrawn with \r, is checked above): any bar drawn fits.
    const summary = r.stderr.slice(r.stderr.lastIndexOf('\r')).split('\n');
    expect(summary.some((l) => l.startsWith('dibao '))).toBe(true);
    for (const line of summary.filter((l) => /[█▒·]{8}/.test(l))) expect(stringWidth(line)).toBeLessThan(60);
  });

  it('shows no progress when the rows themselves go to the same terminal', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', ROSTER);
    const both = await runBatchCli(['roster.csv', ...AS_OF], { cwd: dir, stderrIsTTY: true, isTTY: true });
    expect(both.stderr).not.toMatch(/核查 \[/);
    expect(both.stdout).toContain('row,');
  });

  it('fits the progress line to the terminal, so it never wraps and can be redrawn in place', () => {
    const state = { phase: 'check' as const, rows: 123456, totalRows: 1000000, bytes: 0, totalBytes: 1, elapsed: 3 };
    for (const lang of ['zh', 'en'] as const) {
      expect(fitProgress(state, lang, undefined)).toBe(formatProgress(state, lang));
      for (const columns of [20, 40, 60, 80, 120]) {
        const line = fitProgress(state, lang, columns);
        expect(stringWidth(line)).toBeLessThan(columns);
        expect(line.startsWith(lang === 'zh' ? '核查' : 'checking')).toBe(true);
      }
    }
    // Wide enough for all of it: the whole line, bar and all.
    expect(fitProgress(state, 'en', 200)).toBe(formatProgress(state, 'en'));
    // A narrow terminal keeps the numbers and drops the bar.
    expect(fitProgress(state, 'zh', 50)).toMatch(/^核查 12% 123456\/1000000 行/);
  });

  it('says the time left is not known yet rather than 0:00 when a phase starts', () => {
    const start = { phase: 'check' as const, rows: 10, totalRows: 100, bytes: 0, totalBytes: 1000 };
    expect(formatProgress({ ...start, elapsed: 0 }, 'en')).toMatch(/left --:--$/);
    expect(formatProgress({ ...start, elapsed: 2 }, 'en')).toMatch(/5 rows\/s left 0:18$/);
  });
});
