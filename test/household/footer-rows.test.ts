/** Rows that are nobody: totals, signatures, notes, the header again, titles (rows.ts). */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFooterRow, noPersonTest } from '../../src/household/rows.js';
import { idFor, parseCsvOutput, tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

const AS_OF = ['--as-of', '2025-06-01'];
const BIN = resolve(process.env.LONGCHANG_BIN ?? 'bin/longchang-check.js');
const BUILT = existsSync(resolve('dist/src/household/parallel/worker.js'));
const ZHANG = idFor('1958-03-02', 'male');

describe('a footer row', () => {
  it.each<[string, string[], boolean]>([
    ['a total', ['合计', '2户5人', ''], true],
    ['a total in the second column', ['', ' 总计：5人', ''], true],
    ['signatures', ['制表人：张三', '', '审核人：李四'], true],
    ['a note', ['注：本表由村委会填报', '', ''], true],
    ['a person', ['H1', '合计', ''], false],
    ['a row holding an ID number', ['合计', ZHANG, ''], false],
    ['a blank row', ['', '', ''], false],
    ['a person whose household id contains such a word', ['户合计1', '甲', '户主', '低保'], false],
    ['a total spaced to fill its cell', ['合　计', '1户2人', ''], true],
    ['a total with plain spaces', ['', '合 计', ''], true],
    ['a signer spaced out, with a line break', ['制 表 人：张三\n审核人：李四', '', ''], true],
    ['a unit line', ['填报单位：石燕桥镇人民政府', '', '填报日期：2025年6月1日'], true],
    ['a unit line with its stamp', ['', '填报单位（盖章）：山川镇', ''], true],
    ['the head of the unit', ['单位负责人：张三', '', ''], true],
    ['a stamp', ['（盖章）', '', ''], true],
    ['a numbered note', ['注1：以上数据截至5月', '', ''], true],
    ['a note with an ASCII colon', ['注:', '', ''], true],
    ['a signer with an ID number in the same cell', [`审核人：李四 ${ZHANG}`, '', ''], true],
    ['a date of filling in', ['填表日期：2025年6月1日', '', ''], true],
    ['a time of making the table', ['制表时间：2025-06-01', '', ''], true],
    ['a stamp after the unit', ['村委会（盖章）', '', ''], true],
    ['a stamp with its colon', ['单位（盖章）：', '', ''], true],
    ['a date alone', ['日期：2025年6月1日', '', ''], true],
    ['an opinion of the reviewer', ['审核意见：同意', '', ''], true],
    ['a stamp spaced out', ['村民委员会（盖 章）', '', ''], true],
    ['a count of households and people', ['共2户4人', '', ''], true],
    ['a page total', ['本页合计', '', ''], true],
    ['a number of households', ['总户数：2户', '', ''], true],
    ['a signature of the village head', ['村（社区）负责人签字：', '', ''], true],
    ['an opinion of the town', ['镇（街道）审核意见：', '', ''], true],
    ['an official seal', ['村委会（公章）', '', ''], true],
    ['a village head by name', ['村委会主任：张三', '', ''], true],
    ['a date of printing', ['打印日期：2025-06-01', '', ''], true],
    ['a page number', ['第1页 共3页', '', ''], true],
    ['a total said at the end', ['以上共计2户5人', '', ''], true],
    ['a person whose remark has a colon, among many cells', ['H1', '张三', '户主', '备注：外出'], false],
    ['a status column of people (审批通过)', ['审批通过', 'H1', '甲'], false],
    ['a remark that starts with 说明 but says more', ['说明书已领', 'H1', '甲'], false],
  ])('is told: %s', (_what, row, footer) => {
    expect(isFooterRow(row)).toBe(footer);
  });
});

describe('a row that is nobody', () => {
  const test = noPersonTest(['序号', '户编号', '姓名', '救助身份']);
  it.each<[string, string[], string | undefined]>([
    ['blank', ['', ' ', ''], 'EMPTY_ROW'],
    ['a footer', ['合计', '', '2人', ''], 'FOOTER_ROW'],
    ['the header again (a second list pasted below)', ['序号', '户编号', '姓名', '救助身份'], 'HEADER_ROW'],
    ['the header again, its first cell blank', ['', '户编号', '姓名', ''], 'HEADER_ROW'],
    ['the row of column numbers', ['1', '2', '3', '4'], 'HEADER_ROW'],
    ['a title alone in its row', ['', '隆昌市山川镇花名册（二村）', '', ''], 'TITLE_ROW'],
    ['a title with the date beside it', ['隆昌市山川镇花名册（二村）', '', '', '2025-05-01'], 'TITLE_ROW'],
    ['a person numbered 1', ['1', 'H1', '甲', '低保'], undefined],
    ['a person whose name cell is a title word with other cells', ['2', 'H2', '名单', '低保'], undefined],
    ['a person with one cell named like its column', ['3', '户编号', '丙', ''], undefined],
  ])('is told: %s', (_what, row, problem) => {
    expect(test(row)).toBe(problem);
  });
});

describe('footer rows in a roster', () => {
  const roster = [
    ['序号', '户编号', '姓名', '身份证号', '救助身份'],
    ['1', 'H1', '甲', ZHANG, '低保'],
    ['2', '', '乙', '', ''],
    ['合计', '', '1户2人', '', ''],
    ['制表人：张三', '', '审核人：李四', '', ''],
  ];

  it('are error rows that say what they are, counted in no household, and never take a filled-down id', async () => {
    const dir = tempDir();
    writeCsv(dir, 'roster.csv', roster);
    const r = await runBatchCli(['roster.csv', ...AS_OF, '--fill-household-ids', '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.household_id, l.error])).toEqual([
      [2, 'H1', undefined],
      [3, 'H1', undefined],
      [4, '', '第4行：表尾的合计、签名或说明行，不是人员，未核查'],
      [5, '', '第5行：表尾的合计、签名或说明行，不是人员，未核查'],
    ]);
    // 乙 took the household id from the row above and its 低保: the footers took nothing.
    expect(lines[1].person.household_assistance).toEqual(['dibao']);
    expect(r.stderr).toContain('2 行无法核查');
    expect(r.stderr).not.toContain('没有户编号');
  });

  it('and two lists pasted one under the other, with their titles, headers and column numbers: nobody, in no household', async () => {
    const dir = tempDir();
    writeCsv(dir, 'two.csv', [
      ['隆昌市山川镇花名册（一村）', '', '', ''],
      ['户编号', '姓名', '身份证号', '救助身份'],
      ['1', '2', '3', '4'],
      ['H1', '甲', ZHANG, '低保'],
      ['隆昌市山川镇花名册（二村）', '', '', ''],
      ['户编号', '姓名', '身份证号', '救助身份'],
      ['', '乙', '', ''],
    ]);
    const r = await runBatchCli(['two.csv', ...AS_OF, '--fill-household-ids', '--format', 'jsonl'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.row, l.household_id, l.error])).toEqual([
      [3, '1', '第3行：表头（或栏目序号）又出现了一次，不是人员，未核查'],
      [4, 'H1', undefined],
      [5, '隆昌市山川镇花名册（二村）', '第5行：标题行，不是人员，未核查'],
      [6, '户编号', '第6行：表头（或栏目序号）又出现了一次，不是人员，未核查'],
      [7, '', undefined],
    ]);
    // A merged 户编号 cell spans no title or header: 乙 of the second list is not H1's.
    expect(lines[4].person.household_assistance).toBeUndefined();
    expect(r.stderr).toContain('3 行无法核查，原因见输出的 error 列（其中 3 行不是人员：空行、表尾、重复的表头或标题）');
    expect(r.stderr).toContain('1 行没有户编号');
  });

  it.skipIf(!BUILT)('and a household id written as a slash is no household: two strangers are not one family (needs npm run build)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'slash.csv'), `户编号,姓名,救助身份\r\n/,张三,低保\r\n/,李四,\r\n`);
    for (const args of [['--jobs', '0'], ['--jobs', '2'], ['--sorted', '--jobs', '2']]) {
      const run = spawnSync(process.execPath, [BIN, 'batch', 'slash.csv', ...args, '--format', 'jsonl', ...AS_OF], { cwd: dir, encoding: 'utf8' });
      const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.household_id, l.person.household_assistance])).toEqual([['', ['dibao']], ['', undefined]]);
      expect(run.stderr).toContain('2 行没有户编号');
    }
  });

  it.skipIf(!BUILT)('are read the same on worker threads as on one, in both passes and --sorted (needs npm run build)', () => {
    const dir = tempDir();
    const people = Array.from({ length: 2000 }, (_, i) => `${i},H${Math.floor(i / 4)},人${i},,${i % 4 === 0 ? '低保' : ''}`);
    writeFileSync(join(dir, 'roster.csv'), `序号,户编号,姓名,身份证号,救助身份\r\n${people.join('\r\n')}\r\n合计,,500户2000人,,\r\n制表人：张三,,,,\r\n`);
    for (const sorted of [[], ['--sorted']]) {
      const runs = ['0', '2'].map((jobs) => spawnSync(process.execPath, [BIN, 'batch', 'roster.csv', '--jobs', jobs, ...sorted, ...AS_OF], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 }));
      expect(runs.map((run) => run.status)).toEqual([1, 1]);
      expect(runs[1].stdout).toBe(runs[0].stdout);
      const rows = parseCsvOutput(runs[0].stdout);
      expect(rows).toHaveLength(2003);
      expect(rows.slice(-2).map((row) => row.at(-1))).toEqual(['第2002行：表尾的合计、签名或说明行，不是人员，未核查', '第2003行：表尾的合计、签名或说明行，不是人员，未核查']);
    }
  });
});
