/** Rows below the people that are nobody: totals, signatures, notes (rows.ts isFooterRow). */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFooterRow } from '../../src/household/rows.js';
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
    ['a household id that only contains such a word', ['户合计1', '甲', ''], false],
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
    ['a status column of people (审批通过)', ['审批通过', 'H1', '甲'], false],
    ['a remark that starts with 说明 but says more', ['说明书已领', 'H1', '甲'], false],
  ])('is told: %s', (_what, row, footer) => {
    expect(isFooterRow(row)).toBe(footer);
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
