/** Where a roster's header is, and its names when it spans rows (columns.ts findHeader). */
import { describe, expect, it } from 'vitest';
import { MAX_ROWS_ABOVE_HEADER, findHeader } from '../../src/household/columns.js';

describe('the header row', () => {
  it.each<[string, string[][], number]>([
    ['the first row, when it names columns', [['户编号', '备注'], ['H1', '']], 0],
    ['below a title', [['隆昌市花名册', '', ''], ['户编号', '姓名', '身份证号'], ['H1', '甲', '']], 1],
    ['below a row grouping the labels', [['基本信息', '', '救助情况'], ['户编号', '姓名', '救助身份']], 1],
    ['below blank rows and a line of unit and date', [[''], ['填报单位：金鹅街道', '', '填报日期：2025年6月'], ['户编号', '姓名']], 2],
    ['the row naming the most columns, below a first row naming one (镇街 山川镇 填报日期)', [['镇街', '山川镇', '填报日期', '2025-05-20'], ['户编号', '姓名', '身份证号', '救助身份']], 1],
    ['below a grouping row that names one column', [['基本信息', '', '', '', '救助身份', '', '住房情况'], ['户编号', '姓名', '身份证号', '户籍性质', '救助身份', '低保', '居住危房']], 1],
    ['the first of two that name as many', [['姓名', '户编号'], ['H1', '甲'], ['姓名', '户编号']], 0],
    ['the first row when none near the top names a column (planColumns says what it holds)', [['甲', '乙'], ['1', '2']], 0],
    ['not a row of people whose cells are labels by chance (孤儿, 参保) under a header of unknown names', [['序号', '户主', '人员类别', '参保情况', '住址'], ['1', '张三', '孤儿', '参保', '石燕桥镇'], ['2', '李四', '孤儿', '参保', '石燕桥镇']], 0],
    ['not a row holding an ID number', [['标题'], ['H1', '511028195001011239', '孤儿', '参保']], 0],
  ])('is %s', (_what, rows, first) => {
    expect(findHeader(rows).first).toBe(first);
  });

  it(`is looked for in the first ${MAX_ROWS_ABOVE_HEADER + 1} rows only`, () => {
    const titles = Array.from({ length: MAX_ROWS_ABOVE_HEADER }, (_, i) => [`标题${i}`]);
    expect(findHeader([...titles, ['户编号', '姓名']]).first).toBe(MAX_ROWS_ABOVE_HEADER);
    expect(findHeader([...titles, ['说明'], ['户编号', '姓名']]).first).toBe(0);
  });
});

describe('a header over two rows of merged cells', () => {
  it('takes the names of the row below where the row above groups them or is blank', () => {
    const rows = [
      ['隆昌市花名册', '', '', '', '', '', ''],
      ['户编号', '姓名', '身份证号', '户籍性质', '救助情况', '', '居住危房'],
      ['', '', '', '', '救助身份', '特困供养方式', ''],
      ['H1', '张大山', '', '农村', '特困', '分散供养', '是'],
    ];
    expect(findHeader(rows)).toEqual({ first: 1, last: 2, labels: ['户编号', '姓名', '身份证号', '户籍性质', '救助身份', '特困供养方式', '居住危房'] });
  });

  it('takes a name merged down from the row above for a blank header cell (序号, 户主出生日期)', () => {
    const rows = [
      ['序号', '家庭成员', '', '', '', '户主出生日期', '备注'],
      ['', '户编号', '姓名', '身份证号', '与户主关系', '', ''],
      ['1', 'H1', '甲', '', '户主', '1980-05-05', ''],
    ];
    expect(findHeader(rows)).toEqual({ first: 1, last: 1, labels: ['序号', '户编号', '姓名', '身份证号', '与户主关系', '户主出生日期', '备注'] });
  });

  it('ends at a row of people, whose cells under named columns are values', () => {
    const rows = [
      ['户编号', '姓名', '疾病'],
      ['H1', '甲', '疾病'],
    ];
    expect(findHeader(rows)).toEqual({ first: 0, last: 0, labels: ['户编号', '姓名', '疾病'] });
  });
});
