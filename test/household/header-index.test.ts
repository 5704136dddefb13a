/** Which of a roster's first rows is its header (columns.ts headerIndex). */
import { describe, expect, it } from 'vitest';
import { MAX_ROWS_ABOVE_HEADER, headerIndex } from '../../src/household/columns.js';

describe('the header row', () => {
  it.each<[string, string[][], number]>([
    ['the first row, when it names a column', [['户编号', '备注'], ['H1', '']], 0],
    ['the first row even when a later one names more', [['姓名', '电话'], ['户编号', '姓名', '身份证号']], 0],
    ['below a title', [['隆昌市花名册', '', ''], ['户编号', '姓名', '身份证号'], ['H1', '甲', '']], 1],
    ['below a row grouping the labels', [['基本信息', '', '救助情况'], ['户编号', '姓名', '救助身份']], 1],
    ['below blank rows and a line of unit and date', [[''], ['填报单位：金鹅街道', '', '填报日期：2025年6月'], ['户编号', '姓名']], 2],
    ['the first naming two columns, before one naming one', [['标题'], ['姓名：', '户籍性质'], ['户编号', '姓名', '户籍性质']], 2],
    ['the first naming one, when none names two', [['标题'], ['说明'], ['姓名', '电话']], 2],
    ['the first row when none near the top names a column (planColumns says what it holds)', [['甲', '乙'], ['1', '2']], 0],
  ])('is %s', (_what, rows, index) => {
    expect(headerIndex(rows)).toBe(index);
  });

  it(`is looked for in the first ${MAX_ROWS_ABOVE_HEADER + 1} rows only`, () => {
    const titles = Array.from({ length: MAX_ROWS_ABOVE_HEADER }, (_, i) => [`标题${i}`]);
    expect(headerIndex([...titles, ['户编号', '姓名']])).toBe(MAX_ROWS_ABOVE_HEADER);
    expect(headerIndex([...titles, ['说明'], ['户编号', '姓名']])).toBe(0);
  });
});
