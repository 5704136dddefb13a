import { describe, expect, it } from 'vitest';
import type { OutRow } from '../../src/household/out-row.js';
import { runBatch, type BatchOptions } from '../../src/household/run-batch.js';
import { BatchInputError } from '../../src/household/batch-error.js';
import { openRoster } from '../../src/household/source.js';
import { idFor, recordingChecker, tempDir, writeCsv } from './helpers.js';

const HEADER = ['户编号', '与户主关系', '姓名', '身份证号', '救助身份', '就业状态', '持第二代残疾人证', '外出务工', '留守情况', '家庭救助身份'];

/** Household A (dibao, both parents away, two disabled, nobody working) spread through the file among B and C. */
const SPREAD = [
  HEADER,
  ['A', '户主', 'A户主', idFor('1980-03-01', 'male'), '低保', '失业', '是', '是', '', ''],
  ['B', '户主', 'B户主', idFor('1975-05-05', 'male'), '', '就业', '否', '否', '', ''],
  ['C', '户主', 'C户主', idFor('1990-01-01', 'female'), '无', '就业', '否', '是', '', ''],
  ['A', '子女', 'A孩子', idFor('2015-06-01', 'female'), '', '', '否', '', '', ''],
  ['B', '子女', 'B孩子', idFor('2014-02-02', 'male'), '无', '', '否', '', '', ''],
  ['C', '子女', 'C孩子', idFor('2016-07-07', 'male'), '无', '', '否', '', '无', ''],
  ['A', '配偶', 'A配偶', idFor('1982-09-09', 'female'), '', '无就业意愿', '是', '是', '', ''],
  ['A', '子女', 'A老二', idFor('2012-12-12', 'male'), '', '', '否', '', '', '无'],
  ['B', '配偶', 'B配偶', idFor('1976-04-04', 'female'), '无', '失业', '否', '否', '', ''],
];

async function collect(options: Partial<BatchOptions> & { input: string }) {
  const checker = recordingChecker();
  const rows: OutRow[] = [];
  const report = await runBatch({
    asOf: '2025-06-01',
    lang: 'zh',
    checker,
    start: () => ({ write: (r) => void rows.push(...r), end: async () => {} }),
    ...options,
  });
  return { report, rows, seen: checker.seen };
}

describe('households spread through the file', () => {
  it('derives each household fact from all its members, wherever their rows are', async () => {
    const dir = tempDir();
    const { rows, seen, report } = await collect({ input: writeCsv(dir, 'spread.csv', SPREAD) });
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(report).toMatchObject({ rows: 9, errors: 0, households: 3 });
    for (const name of ['A户主', 'A孩子', 'A配偶']) {
      expect(seen.get(name)).toMatchObject({ household_assistance: ['dibao'], zero_employment_household: true, household_multiple_disabled: true });
    }
    expect(seen.get('A孩子')!.left_behind).toBe('both_parents_migrant');
    expect(seen.get('B孩子')).toMatchObject({ left_behind: 'none', zero_employment_household: false, household_multiple_disabled: false });
  });

  it('lets a fact on the person’s own row win over the derived one', async () => {
    const { seen } = await collect({ input: writeCsv(tempDir(), 'spread.csv', SPREAD) });
    // A老二 says 家庭救助身份 无 on his own row; C孩子 says 留守情况 无 on his.
    expect(seen.get('A老二')!.household_assistance).toEqual([]);
    expect(seen.get('A老二')!.left_behind).toBe('both_parents_migrant');
    expect(seen.get('C孩子')!.left_behind).toBe('none');
  });

  it('leaves a fact unknown when a member it depends on is unknown', async () => {
    const { seen } = await collect({ input: writeCsv(tempDir(), 'spread.csv', SPREAD) });
    // B孩子's household: B户主 has no assistance cell, so the household's assistance is unknown.
    expect(seen.get('B孩子')!.household_assistance).toBeUndefined();
    // C: one parent row only (the head, away): left-behind cannot be settled, but C孩子 gave it himself.
    expect(seen.get('C户主')!.left_behind).toBeUndefined();
  });

  it('gives the same answers read once with --sorted on a file grouped by household', async () => {
    const dir = tempDir();
    const grouped = [HEADER, ...SPREAD.slice(1).sort((a, b) => a[0].localeCompare(b[0]))];
    const twoPass = await collect({ input: writeCsv(dir, 'grouped.csv', grouped) });
    const onePass = await collect({ input: writeCsv(dir, 'grouped.csv', grouped), sorted: true });
    expect([...onePass.seen]).toEqual([...twoPass.seen]);
    expect(onePass.rows.map((r) => [r.row, r.statuses && [...r.statuses]])).toEqual(twoPass.rows.map((r) => [r.row, r.statuses && [...r.statuses]]));
  });

  it('lets a blank row or a row without a household id stand inside a household in a --sorted run', async () => {
    const dir = tempDir();
    const [a1, a2, a3] = SPREAD.slice(1).filter((r) => r[0] === 'A');
    const rows = [HEADER, a1, HEADER.map(() => ''), a2, ['', '户主', '独户', idFor('1970-01-01', 'male'), '低保', '', '', '', '', ''], a3];
    const twoPass = await collect({ input: writeCsv(dir, 'gaps.csv', rows) });
    const onePass = await collect({ input: writeCsv(dir, 'gaps.csv', rows), sorted: true });
    expect(onePass.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect([...onePass.seen]).toEqual([...twoPass.seen]);
    expect(onePass.seen.get('A配偶')).toMatchObject({ household_assistance: ['dibao'], household_multiple_disabled: true });
    expect(onePass.seen.get('独户')!.household_assistance).toEqual(['dibao']);
  });

  it('stops a --sorted run when a household comes back later, naming the row', async () => {
    const run = collect({ input: writeCsv(tempDir(), 'spread.csv', SPREAD), sorted: true });
    await expect(run).rejects.toBeInstanceOf(BatchInputError);
    await expect(run).rejects.toMatchObject({ problem: 'NOT_SORTED', place: { line: 5, field: 'household_id' } });
  });

  it('gives a row without a household the facts its own row settles, and leaves the rest unknown, not taken as living alone', async () => {
    const rows = [
      ['姓名', '救助身份', '就业状态', '出生日期', '持第二代残疾人证'],
      ['甲', '低保', '就业', '1980-01-01', '是'],
      ['乙', '无', '失业', '1980-01-01', '否'],
    ];
    const { seen } = await collect({ input: writeCsv(tempDir(), 'single.csv', rows) });
    // 甲's own 低保 makes a 低保 household, and 甲's job rules out a zero-employment one.
    expect(seen.get('甲')).toMatchObject({ household_assistance: ['dibao'], zero_employment_household: false });
    expect(seen.get('甲')!.household_multiple_disabled).toBeUndefined();
    // Of 乙's household nothing else is known: another member may be on 低保, or at work.
    expect(seen.get('乙')!.household_assistance).toBeUndefined();
    expect(seen.get('乙')!.zero_employment_household).toBeUndefined();
    expect(seen.get('乙')!.household_multiple_disabled).toBeUndefined();
  });

  it('does the same for a row whose household id is blank, in both passes and --sorted, as merged cells leave it', async () => {
    const rows = [
      ['户编号', '姓名', '与户主关系', '救助身份', '就业状态', '出生日期'],
      ['H1', '户主', '户主', '无', '失业', '1980-01-01'],
      ['', '子', '子女', '无', '失业', '2000-01-01'],
    ];
    for (const sorted of [false, true]) {
      const { seen } = await collect({ input: writeCsv(tempDir(), 'merged.csv', rows), sorted });
      expect(seen.get('户主')!.zero_employment_household).toBe(true);
      expect(seen.get('子')!.zero_employment_household).toBeUndefined();
      expect(seen.get('子')!.household_assistance).toBeUndefined();
    }
  });
});

describe('members whose rows fail', () => {
  const header = ['户编号', '与户主关系', '姓名', '出生日期', '救助身份', '户籍性质', '外出务工'];
  const rows = [
    header,
    // K: the spouse's row fails on 户籍性质 only; what it says of assistance and work still counts.
    ['K', '户主', 'K主', '1980-01-01', '无', '农村', '否'],
    ['K', '配偶', 'K配偶', '1982-01-01', '低保', '火星', '是'],
    ['K', '子女', 'K孩子', '2015-01-01', '无', '农村', ''],
    // L: a child's row with an impossible date is still a child, not a parent who might be away.
    ['L', '户主', 'L主', '1980-01-01', '无', '农村', '否'],
    ['L', '子女', 'L老大', '2012-02-30', '无', '农村', ''],
    ['L', '子女', 'L老二', '2015-01-01', '无', '农村', ''],
    // M: a row whose relationship cannot be read may be the other parent.
    ['M', '户主', 'M主', '1980-01-01', '无', '农村', '否'],
    ['M', '表亲', 'M某', '1982-01-01', '无', '农村', '是'],
    ['M', '子女', 'M孩子', '2015-01-01', '无', '农村', ''],
  ];

  it.each([false, true])('count by the cells household facts read, alike with --sorted (%s)', async (sorted) => {
    const { seen, report } = await collect({ input: writeCsv(tempDir(), 'failing.csv', rows), sorted });
    expect(report.errors).toBe(3);
    expect(seen.get('K孩子')).toMatchObject({ household_assistance: ['dibao'] });
    expect(seen.get('K孩子')!.left_behind).toBeUndefined();
    expect(seen.get('L老二')!.left_behind).toBe('none');
    expect(seen.get('M孩子')!.left_behind).toBeUndefined();
  });
});

describe('bad rows among good ones', () => {
  const rows = [
    ['户编号', '姓名', '出生日期', '户籍性质', '电话'],
    ['H1', '好一', '1990-01-01', '农村', '1'],
    ['H1', '坏日期', '1990-02-30', '农村', '2'],
    ['H2', '好二', '1985-05-05', '城镇', '3'],
    ['H2', '坏取值', '1985-05-05', '火星', '4'],
    ['', '', '', '', ''],
    ['H3', '多一格', '1970-01-01', '农村', '5', '多余'],
    ['H3', '好三', '1970-01-01', '农村', '6'],
    ['', '', '', '', ''],
    ['', '', '', '', ''],
  ];

  it('keeps one output row per input row, in order, each bad one with its row and field', async () => {
    const { rows: out, report } = await collect({ input: writeCsv(tempDir(), 'bad.csv', rows) });
    expect(out.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(report).toMatchObject({ rows: 7, errors: 4 });
    const bad = Object.fromEntries(out.filter((r) => r.issues).map((r) => [r.row, r.issues![0]]));
    expect(bad[3]).toMatchObject({ code: 'BAD_DATE', field: '出生日期（birth_date）' });
    expect(bad[5]).toMatchObject({ code: 'BAD_ENUM', field: '户籍性质（hukou_type）' });
    expect(bad[6]).toMatchObject({ code: 'EMPTY_ROW' });
    expect(bad[7]).toMatchObject({ code: 'TOO_MANY_CELLS' });
    expect(out.filter((r) => r.statuses).map((r) => r.row)).toEqual([2, 4, 8]);
  });

  it('counts rows as records: a quoted line break does not make a new row', async () => {
    const withBreak = [['户编号', '姓名', '备注'], ['H1', '甲', '第一行\n第二行'], ['H1', '乙', '']];
    const { rows: out } = await collect({ input: writeCsv(tempDir(), 'break.csv', withBreak) });
    expect(out.map((r) => [r.row, r.shown])).toEqual([
      [2, ['H1', '甲', '第一行\n第二行']],
      [3, ['H1', '乙', '']],
    ]);
  });
});

describe('a roster changed while it is read', () => {
  it('fails the run (exit 2 in the CLI) rather than mix two versions of the file', async () => {
    const dir = tempDir();
    const input = writeCsv(dir, 'changing.csv', SPREAD);
    let opened = 0;
    // Pass 2 opens the file again: an analyst saves it from Excel in between, the same rows
    // but A's head no longer on dibao (the household facts from pass 1 would be stale).
    const open = async (path: string) => {
      if (++opened === 2) writeCsv(dir, 'changing.csv', SPREAD.map((row) => (row[2] === 'A户主' ? row.map((c) => (c === '低保' ? '' : c)) : row)));
      return openRoster(path);
    };
    const run = collect({ input, open });
    await expect(run).rejects.toBeInstanceOf(BatchInputError);
    await expect(run).rejects.toThrow(/changing\.csv 在读取过程中被改动了：这次的结果作废/);
  });

  it('runs as usual when the file stays the same', async () => {
    const input = writeCsv(tempDir(), 'steady.csv', SPREAD);
    const { report } = await collect({ input, sorted: false });
    expect(report.rows).toBe(9);
  });
});

describe('a member whose row failed', () => {
  it('still counts with the cells that are valid; only the failed cells are unknown', async () => {
    const rows = [
      HEADER,
      ['A', '户主', 'A户主', idFor('1980-03-01', 'male'), '低保', '坏值', '是', '否', '', ''],
      ['A', '子女', 'A孩子', idFor('2015-06-01', 'female'), '', '', '是', '', '', ''],
    ];
    for (const sorted of [false, true]) {
      const { seen, report } = await collect({ input: writeCsv(tempDir(), 'failed.csv', rows), sorted });
      expect(report.errors).toBe(1);
      // The head's 低保 and disability count for the household although his employment cell is bad.
      expect(seen.get('A孩子')).toMatchObject({ household_assistance: ['dibao'], household_multiple_disabled: true });
    }
  });
});
