/**
 * The header of a CSV roster: found below blank lines or a title; a first
 * line that never ends, or more columns than Excel has, stop the run (exit
 * 2) naming the file, rather than misread every row.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, MAX_HEADER_CHARS } from '../../src/household/csv-source.js';
import { idFor, parseCsvOutput, tempDir } from './helpers.js';
import { runBatchCli } from './run.js';

const AS_OF = ['--as-of', '2025-06-01'];
const BIN = resolve(process.env.LONGCHANG_BIN ?? 'bin/longchang-check.js');
const BUILT = existsSync(resolve('dist/src/household/parallel/worker.js'));
const ZHANG = idFor('1958-03-02', 'male');

/** Runs the CLI on `bytes` written as `name` into `result.csv`; says whether that file was left. */
async function runOn(name: string, bytes: string | Buffer, args: string[] = []) {
  const dir = tempDir();
  writeFileSync(join(dir, name), bytes);
  const r = await runBatchCli([name, ...args, ...AS_OF, '--out', 'result.csv'], { cwd: dir });
  return { ...r, dir, wroteOutput: existsSync(join(dir, 'result.csv')) };
}

describe('rows above the header: blank lines, a title', () => {
  it.each([
    ['two blank lines before the header (QA)', '\r\n\r\n户编号,姓名\r\nH1,a\r\n', 3],
    ['one LF blank line', '\n户编号,姓名\nH1,a\n', 2],
    ['a BOM, then a blank line', '\uFEFF\r\n户编号,姓名\r\nH1,a\r\n', 2],
    ['a line of spaces', '   \r\n户编号,姓名\r\nH1,a\r\n', 2],
    ['a line of delimiters only', ',,\r\n户编号,姓名,备注\r\nH1,a,\r\n', 2],
  ])('finds the header below %s, and numbers rows as a spreadsheet does', async (_what, text, headerRow) => {
    const r = await runOn('blank.csv', text);
    expect(r.code).toBe(0);
    const rows = parseCsvOutput(readFileSync(join(r.dir, 'result.csv'), 'utf8'));
    expect(rows.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['row', '户编号', '姓名'],
      [String(headerRow + 1), 'H1', 'a'],
    ]);
    // Blank lines are nothing to tell.
    expect(r.stderr).not.toContain('表头在第');
  });

  it('passes over a title and a line of unit and date, naming them on standard error (ID numbers masked)', async () => {
    const r = await runOn('title.csv', `隆昌市金鹅街道低保户花名册,,\r\n填报人：张三 ${ZHANG},,填报日期：2025年6月\r\n户编号,姓名,身份证号\r\nH1,张大,${ZHANG}\r\n合计,1户1人,\r\n`);
    const rows = parseCsvOutput(readFileSync(join(r.dir, 'result.csv'), 'utf8'));
    expect(rows.map((row) => [row[0], row[1]])).toEqual([['row', '户编号'], ['4', 'H1'], ['5', '合计']]);
    expect(r.stderr).toContain(`表头在第 3 行；其上的标题等不是人员，未核查：隆昌市金鹅街道低保户花名册；填报人：张三 ${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)} 填报日期：2025年6月`);
    expect(r.stderr).not.toContain(ZHANG);
    const en = await runOn('title.csv', `隆昌市金鹅街道低保户花名册,,\r\n户编号,姓名,身份证号\r\nH1,张大,${ZHANG}\r\n`, ['--lang', 'en']);
    expect(en.stderr).toContain('the header is row 2; the title and such above it are not people and were not checked: 隆昌市金鹅街道低保户花名册');
  });

  it('reads a header over two rows of merged cells as one, below a title; people are numbered from the row after it', async () => {
    const r = await runOn(
      'two.csv',
      '隆昌市花名册,,,,,,\r\n户编号,姓名,户籍性质,救助情况,,居住危房,备注\r\n,,,救助身份,特困供养方式,,\r\nH1,张大山,农村,特困,分散供养,是,\r\n',
      ['--format', 'jsonl', '--domain', '住有所居'],
    );
    expect(r.code).toBe(0);
    const lines = readFileSync(join(r.dir, 'result.csv'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.person.assistance, l.person.tekun_care])).toEqual([[4, ['tekun'], 'dispersed']]);
    expect(lines[0].results.find((x: { id: string }) => x.id === 'rural-dangerous-house-renovation').status).toBe('eligible');
    expect(r.stderr).toContain('表头在第 3 行；其上的标题等不是人员，未核查：隆昌市花名册');
    expect(r.stderr).toContain('原样带到输出：备注');
  });

  it('masks a column named for birth dates or ID numbers in the row above a header of merged cells', async () => {
    const spouse = idFor('1961-01-01', 'female', '33');
    const r = await runOn('merged.csv', `序号,家庭成员,,,户主出生日期,配偶身份证号\r\n,户编号,姓名,身份证号,,\r\n1,H1,甲,${ZHANG},1958-03-02,${spouse.slice(0, 16)}\r\n`);
    const rows = parseCsvOutput(readFileSync(join(r.dir, 'result.csv'), 'utf8'));
    expect(rows[0].slice(0, 7)).toEqual(['row', '户编号', '姓名', '身份证号', '序号', '户主出生日期', '配偶身份证号']);
    expect(rows[1].slice(0, 6)).toEqual(['3', 'H1', '甲', `${ZHANG.slice(0, 6)}********${ZHANG.slice(-4)}`, '1', '1958-**-**']);
    // One digit short of an ID number, and still masked whole for its column's name.
    expect(rows[1][6]).toMatch(/^511028\*+\d{2}$/);
  });

  it('finds a header that is the last line, with no line end, below a title', async () => {
    const r = await runOn('empty.csv', '隆昌市花名册,,\n户编号,姓名,身份证号');
    expect(r.code).toBe(0);
    expect(readFileSync(join(r.dir, 'result.csv'), 'utf8')).toBe('\uFEFFrow,户编号,姓名,身份证号,eligible,undetermined,error\r\n');
  });

  it('finds the delimiter on the header when the title above is a lone cell', async () => {
    const r = await runOn('tabs.csv', '隆昌市花名册\r\n户编号\t姓名\r\nH1\ta\r\n');
    const rows = parseCsvOutput(readFileSync(join(r.dir, 'result.csv'), 'utf8'));
    expect(rows.map((row) => [row[0], row[1], row[2]])).toEqual([['row', '户编号', '姓名'], ['3', 'H1', 'a']]);
  });

  it('still stops with exit 2 naming line 1 when no row near the top names a column', async () => {
    const r = await runOn('blank.csv', '\r\n甲,乙\r\nH1,a\r\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^blank\.csv:1: 错误 FILE_UNREADABLE: .*blank\.csv 的第 1 行是空行，下面 10 行里也没有表头/m);
    expect(r.wroteOutput).toBe(false);
    const en = await runOn('blank.csv', '\r\n甲,乙\r\nH1,a\r\n', ['--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/blank\.csv:1: .*FILE_UNREADABLE/);
  });

  it('still reads blank rows after the header as rows, numbered as a spreadsheet numbers them', async () => {
    const r = await runOn('roster.csv', `户编号,姓名,身份证号\r\n\r\nH1,张大,${ZHANG}\r\n`);
    expect(r.code).toBe(1);
    const rows = parseCsvOutput(readFileSync(join(r.dir, 'result.csv'), 'utf8'));
    expect(rows.map((row) => [row[0], row[1], row[2]])).toEqual([
      ['row', '户编号', '姓名'],
      ['2', '', ''],
      ['3', 'H1', '张大'],
    ]);
    expect(rows[1].at(-1)).toMatch(/^第2行：空行/);
    expect(rows[2].at(-1)).toBe('');
  });

  it.skipIf(!BUILT)('are passed over the same way on worker threads as on one, in both passes and --sorted (needs npm run build)', () => {
    const dir = tempDir();
    const people = Array.from({ length: 3000 }, (_, i) => `H${Math.floor(i / 3)},人${i},${i % 3 === 0 ? '低保' : ''}`);
    writeFileSync(join(dir, 'title.csv'), `\r\n隆昌市花名册,,\r\n户编号,姓名,救助情况\r\n,,救助身份\r\n${people.join('\r\n')}\r\n`);
    for (const sorted of [[], ['--sorted']]) {
      const runs = ['0', '2'].map((jobs) => spawnSync(process.execPath, [BIN, 'batch', 'title.csv', '--jobs', jobs, ...sorted, ...AS_OF], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }));
      expect(runs.map((run) => run.status)).toEqual([0, 0]);
      expect(runs[1].stdout).toBe(runs[0].stdout);
      const lines = runs[0].stdout.trim().split('\r\n');
      expect(lines).toHaveLength(3001);
      expect(lines[1].startsWith('5,H0,人0,')).toBe(true);
      expect(lines[3000].startsWith('3004,H999,人2999,')).toBe(true);
      expect(runs[0].stderr).toContain('表头在第 4 行');
    }
  });
});

describe('a first line that never ends', () => {
  it('stops with exit 2 once the header passes the limit, naming the file', async () => {
    const r = await runOn('endless.csv', 'a'.repeat(MAX_HEADER_CHARS + 200_000));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^endless\.csv:1: 错误 FILE_UNREADABLE: .*endless\.csv 的第 1 行（表头）超过 1048576 个字符还没有结束/m);
    expect(r.wroteOutput).toBe(false);
  });

  it('reads a long header within the limit', async () => {
    const carried = Array.from({ length: 2000 }, (_, i) => `备注${i}`);
    const r = await runOn('wide.csv', `户编号,姓名,${carried.join(',')}\r\nH1,张大${','.repeat(carried.length)}\r\n`);
    expect(r.code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/zero'))('ends at once on /dev/zero, detected or with --encoding (it used to run until killed)', async () => {
    const detected = await runBatchCli(['/dev/zero', ...AS_OF]);
    expect(detected.code).toBe(2);
    expect(detected.stderr).toMatch(/\/dev\/zero: 错误 FILE_UNREADABLE: .*\/dev\/zero 不是文本文件：开头有大量 NUL 字节/);
    const forced = await runBatchCli(['/dev/zero', '--encoding', 'utf-8', ...AS_OF]);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toMatch(/\/dev\/zero:1: 错误 FILE_UNREADABLE: .*\/dev\/zero 的第 1 行（表头）超过 1048576 个字符/);
    expect(forced.stdout).toBe('');
  }, 20_000);

  it('stops with exit 2 on more columns than Excel has', async () => {
    const r = await runOn('columns.csv', `${'a,'.repeat(MAX_COLUMNS + 10)}a\r\n1\r\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/columns\.csv:1: .*FILE_UNREADABLE.*表头有 16395 列，超过 Excel 的上限 16384 列/);
    expect(r.wroteOutput).toBe(false);
  });
});

describe('the header line, read as papaparse reads it', () => {
  it('takes the line end from the end of the header, not from a line break inside a quoted cell (an old Mac CSV)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cr.csv'), '户编号,姓名,备注\rH1,甲,"x\r\ny"\rH1,乙,丙\r');
    const r = await runBatchCli(['cr.csv', '--as-of', '2025-06-01', '--domain', 'employment'], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = parseCsvOutput(r.stdout);
    expect(rows.map((row) => row.slice(0, 4))).toEqual([
      ['row', '户编号', '姓名', '备注'],
      ['2', 'H1', '甲', 'x\r\ny'],
      ['3', 'H1', '乙', '丙'],
    ]);
  });

  it('stops on a quote in the header that never closes, instead of reading every row into the header', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'open-quote.csv'), '户编号,姓名,"备注\nH1,a,x\nH2,b,y\n');
    const r = await runBatchCli(['open-quote.csv', '--as-of', '2025-06-01', '--out', 'out.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('open-quote.csv:1: 错误 FILE_UNREADABLE: 无法读取文件：[UNTERMINATED_QUOTE] 引号没有闭合：open-quote.csv 的表头（第 1 行）里有引号没有闭合');
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
  });
});

describe('rows whose line ends are not the file line end', () => {
  it('turns a bare LF in a CR LF file into an error row for the merged people, on one thread and on workers alike', async () => {
    const dir = tempDir();
    const lines: string[] = ['户编号,姓名,备注\r\n'];
    for (let i = 0; i < 3000; i++) {
      const id = `H${Math.floor(i / 3)}`;
      // Every 97th row was appended by a program ending lines with LF alone; every 89th has an Excel line break in a quoted cell.
      const remark = i % 89 === 1 ? '"第一行\n第二行"' : 'x';
      lines.push(`${id},人${i},${remark}${i % 97 === 0 ? '\n' : '\r\n'}`);
    }
    writeFileSync(join(dir, 'mixed.csv'), lines.join(''));
    const one = await runBatchCli(['mixed.csv', '--as-of', '2025-06-01', '--jobs', '0'], { cwd: dir });
    const two = await runBatchCli(['mixed.csv', '--as-of', '2025-06-01', '--jobs', '2'], { cwd: dir });
    expect(two.stdout).toBe(one.stdout);
    expect(one.code).toBe(1);
    const rows = parseCsvOutput(one.stdout).slice(1);
    const merged = rows.filter((r) => r[6].includes('单独的换行符'));
    // Rows 0, 97, 194 … 2910 end in LF alone: each of the 31 is read together with the next person.
    expect(merged.length).toBe(31);
    expect(merged[0][6]).toBe('第2行：这一行里有单独的换行符（LF），而文件的行以 CR LF 结尾：几个人可能被读成了一行，请统一换行符后再运行');
    // A line break inside quotes, as Excel writes it, is not one.
    expect(rows.filter((r) => r[3] === '第一行\n第二行' && r[6] === '').length).toBeGreaterThan(0);
  });
});
