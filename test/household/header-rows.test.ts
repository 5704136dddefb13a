/** Where a roster's header is, and its names when it runs over rows of merged cells (header-rows.ts). */
import { describe, expect, it } from 'vitest';
import { MAX_ROWS_ABOVE_HEADER, findHeader } from '../../src/household/header-rows.js';

const ID = '511028195001011239';

describe('the header row', () => {
  it.each<[string, string[][], number]>([
    ['the first row, when it names columns', [['户编号', '备注'], ['H1', '']], 0],
    ['below a title', [['隆昌市花名册', '', ''], ['户编号', '姓名', '身份证号'], ['H1', '甲', '']], 1],
    ['below a row grouping the labels', [['基本信息', '', '救助情况'], ['户编号', '姓名', '救助身份']], 1],
    ['below blank rows and a line of unit and date', [[''], ['填报单位：金鹅街道', '', '填报日期：2025年6月'], ['户编号', '姓名']], 2],
    ['below a line of unit and date naming one column (镇街 山川镇 填报日期)', [['镇街', '山川镇', '填报日期', '2025-05-20'], ['户编号', '姓名', '身份证号', '救助身份']], 1],
    ['below a wide line of unit and date, when it names few of its columns', [['镇街', '山川镇', '村', '二村', '填报日期', '2025-05-01'], ['序号', '户编号', '姓名', '联系电话', '家庭住址', '备注'], ['1', 'H1', '王五', '13900000000', '二村3组', '']], 1],
    ['below a line of unit and date naming as many columns as it does', [['镇街', '山川镇', '', '', ''], ['序号', '姓名', '联系电话', '家庭住址', '备注'], ['1', '张三', '13800000000', '二村', '']], 1],
    ['below a grouping row that names one column', [['基本信息', '', '', '', '救助身份', '', '住房情况'], ['户编号', '姓名', '身份证号', '户籍性质', '救助身份', '低保', '居住危房']], 1],
    ['the first of two that name as many', [['姓名', '户编号'], ['H1', '甲'], ['姓名', '户编号']], 0],
    ['not a row of people below one with a mobile number, whatever its cells name', [['姓名', '联系电话', '家庭住址', '人员类别', '备注'], ['张三', '13800000000', '二村3组', '孤儿', ''], ['李四', '', '', '孤儿', '外出务工']], 0],
    ['not a row of people whose cells are labels by chance (孤儿, 参保) under a header of unknown names', [['序号', '户主', '人员类别', '参保情况', '住址'], ['1', '张三', '孤儿', '参保', '石燕桥镇'], ['2', '李四', '孤儿', '参保', '石燕桥镇']], 0],
    ['not a row holding an ID number', [['标题'], ['H1', ID, '孤儿', '参保']], 0],
    ['the first row naming columns, though a cell of it holds a colon and a person below names more', [['户编号', '姓名', '身份证号', '与户主关系', '人员类别', '备注（注：外出务工人员注明去向）'], ['H1', '张三', '', '户主', '孤儿', ''], ['H1', '李四', '', '兄弟', '', '']], 0],
    ['below a title, a cell of it holding a colon', [['隆昌市花名册'], ['户编号', '姓名', '身份证号', '救助身份', '备注（注：外出务工人员注明去向）'], ['H1', '张三', ID, '低保', '']], 1],
    ['the first row naming columns, the people below with their identifying cells blank', [['户编号', '户主姓名', '成员姓名', '与户主关系', '人员类别', '居住情况', '就业情况'], ['H1', '张三', '张三', '户主', '低保', '', ''], ['', '', '张小三', '子女', '孤儿', '常住', '外出务工']], 0],
    ['below a line of contacts with a mobile number and no colon', [['隆昌市花名册'], ['村（社区）', '二村', '联系人', '张三', '电话', '13812345678'], ['户编号', '姓名', '身份证号', '与户主关系'], ['H1', '张三', ID, '户主']], 2],
    ['below a title, with months among its names', [['隆昌市花名册'], ['户编号', '姓名', '身份证号', '2025.01', '2025.02', '2025.03', '2025.04', '2025.05', '2025.06'], ['H1', '甲', ID, '1', '1', '1', '1', '1', '1']], 1],
    ['not a row of people numbered by 序号, under a header naming one column', [['no', 'name_cn', 'id_number', 'type', 'note'], ['1', '张三', '', 'orphan', 'resident']], 0],
    ['below a first row of unit naming two columns beside their values', [['镇街', '山川镇', '户籍性质', '农村'], ['户编号', '姓名', '身份证号', '与户主关系', '救助身份'], ['H1', '张三', ID, '户主', '低保']], 1],
    ['below a line of unit naming one column, its township in a longer cell', [['乡镇（街道）', '石燕桥镇人民政府', '村（社区）', '二村', ''], ['基本信息', '', '', '', '救助情况'], ['户编号', '姓名', '身份证号', '与户主关系', '救助身份'], ['H1', '张三', ID, '户主', '特困']], 2],
    ['below a line of unit, a blank row and all', [['乡镇（街道）', '隆昌市石燕桥镇', '', ''], ['', '', '', ''], ['户编号', '姓名', '身份证号', '救助身份']], 2],
    ['below a signer\'s line with a mobile number and no colon', [['隆昌市花名册'], ['填表人', '张三', '联系电话', '13812345678', ''], ['户编号', '姓名', '身份证号', '救助身份', '']], 2],
    ['a header with months among its names', [['隆昌市花名册'], ['户编号', '姓名', '身份证号', '2025.01', '2025.02'], ['H1', '甲', ID, '是', '否']], 1],
    ['the first row, not a person in it whose cells are names, filling a column the header leaves blank', [['户编号', '姓名', '类别', '父母情况', ''], ['H1', '张三', '孤儿', '外出务工', '常住'], ['H2', '李四', '事实无人抚养儿童', '', '']], 0],
    ['the first row, not a row of people below it that names more by chance (张三 | 孤儿 | 常住)', [['姓名', '人员类别', '就读学校', '监护人', '备注'], ['张三', '孤儿', '二村小学', '李四', '常住'], ['王五', '事实无人抚养儿童', '二村小学', '赵六', '']], 0],
    ['the first row, though a cell of it holds a date in its name', [['户编号', '姓名', '年龄（截至2025年6月1日）', '人员类别', '备注'], ['1', '张三', '75', '特困', ''], ['', '张小三', '', '孤儿', '外出务工']], 0],
    ['below a grouping row naming one column, though a cell of it holds a date in its name', [['基本信息', '', '', '', '救助身份', '住房情况'], ['户编号', '姓名', '身份证号', '出生日期（如1990-01-01）', '', '居住危房'], ['H1', '张三', ID, '1950-01-01', '低保', '是']], 1],
    ['below lines of a form with a phone number in them', [['单位：', '山川镇民政办', '村：', '二村', '日期：', '2025-05-01'], ['填表人：', '张三', '审核人：', '李四', '电话：', '13800000000'], ['序号', '户编号', '姓名', '联系电话', '家庭住址', '备注'], ['1', 'H1', '王五', '13900000000', '二村3组', '']], 2],
    ['the first row when none near the top names a column (planColumns says what it holds)', [['甲', '乙'], ['1', '2']], 0],
  ])('is %s', (_what, rows, first) => {
    expect(findHeader(rows).first).toBe(first);
  });

  it(`is looked for in the first ${MAX_ROWS_ABOVE_HEADER + 1} rows only`, () => {
    const titles = Array.from({ length: MAX_ROWS_ABOVE_HEADER }, (_, i) => [`标题${i}`]);
    expect(findHeader([...titles, ['户编号', '姓名']]).first).toBe(MAX_ROWS_ABOVE_HEADER);
    expect(findHeader([...titles, ['说明'], ['户编号', '姓名']]).first).toBe(0);
  });
});

describe('a header over rows of merged cells', () => {
  it('takes the names of the row below where the header groups them or is blank', () => {
    const rows = [
      ['隆昌市花名册', '', '', '', '', '', ''],
      ['户编号', '姓名', '身份证号', '户籍性质', '救助情况', '', '居住危房'],
      ['', '', '', '', '救助身份', '特困供养方式', ''],
      ['H1', '张大山', '', '农村', '特困', '分散供养', '是'],
    ];
    expect(findHeader(rows)).toEqual({ top: 1, first: 1, last: 2, labels: ['户编号', '姓名', '身份证号', '户籍性质', '救助身份', '特困供养方式', '居住危房'] });
  });

  it('runs over three rows, through a grouping row that names nothing', () => {
    const rows = [
      ['户编号', '姓名', '身份证号', '出生日期', '救助与残疾情况', '', '', ''],
      ['', '', '', '', '救助', '', '残疾', ''],
      ['', '', '', '', '救助身份', '特困供养方式', '残疾类别', '残疾等级'],
      ['H1', '张三', ID, '1950-01-01', '特困', '分散', '肢体', '三级'],
    ];
    expect(findHeader(rows)).toEqual({ top: 0, first: 0, last: 2, labels: ['户编号', '姓名', '身份证号', '出生日期', '救助身份', '特困供养方式', '残疾类别', '残疾等级'] });
  });

  it('gives a blank cell the name merged down from rows above, up to the top of the header', () => {
    const rows = [
      ['户编号', '姓名', '身份证号', '出生日期', '家庭情况', '', '', '', ''],
      ['', '', '', '', '救助', '', '残疾', '', ''],
      ['', '', '', '', '救助身份', '特困供养方式', '残疾类别', '残疾等级', '持残疾人证'],
      ['H1', '张三', ID, '1950-01-01', '特困', '分散', '肢体', '三级', '是'],
    ];
    // The first row names columns: it is the header, going on over the rows below it.
    expect(findHeader(rows)).toEqual({ top: 0, first: 0, last: 2, labels: ['户编号', '姓名', '身份证号', '出生日期', '救助身份', '特困供养方式', '残疾类别', '残疾等级', '持残疾人证'] });
    const merged = [
      ['序号', '家庭成员', '', '', '', '户主出生日期', '备注'],
      ['', '户编号', '姓名', '身份证号', '与户主关系', '', ''],
      ['1', 'H1', '甲', '', '户主', '1980-05-05', ''],
    ];
    expect(findHeader(merged)).toEqual({ top: 0, first: 1, last: 1, labels: ['序号', '户编号', '姓名', '身份证号', '与户主关系', '户主出生日期', '备注'] });
  });

  it('runs over a middle grouping row of one merged cell, below a title', () => {
    const rows = [
      ['隆昌市花名册', '', '', '', '', '', '', '', ''],
      ['户编号', '姓名', '身份证号', '出生日期', '家庭情况', '', '', '', ''],
      ['', '', '', '', '救助及残疾', '', '', '', ''],
      ['', '', '', '', '救助身份', '特困供养方式', '残疾类别', '残疾等级', '持残疾人证'],
      ['H1', '张三', ID, '1950-01-01', '特困', '分散', '肢体', '三级', '是'],
    ];
    expect(findHeader(rows)).toEqual({ top: 1, first: 3, last: 3, labels: ['户编号', '姓名', '身份证号', '出生日期', '救助身份', '特困供养方式', '残疾类别', '残疾等级', '持残疾人证'] });
  });

  it('takes the name of a merged-down cell from a grouping row above that names one column', () => {
    const rows = [
      ['基本信息', '', '', '', '救助身份', '住房情况'],
      ['户编号', '姓名', '身份证号', '出生日期（如1990-01-01）', '', '居住危房'],
      ['H1', '张三', ID, '1950-01-01', '低保', '是'],
    ];
    expect(findHeader(rows).labels).toEqual(['户编号', '姓名', '身份证号', '出生日期（如1990-01-01）', '救助身份', '居住危房']);
  });

  it('takes no name from a title or a line of unit and date above it, nor across a blank row', () => {
    expect(findHeader([['镇街', '山川镇', '填报日期', '2025-05-01'], ['', '户编号', '姓名', '身份证号', '镇街']]).labels).toEqual(['', '户编号', '姓名', '身份证号', '镇街']);
    expect(findHeader([['乡镇（街道）', '隆昌市石燕桥镇', '二村', '', ''], ['', '户编号', '姓名', '身份证号', '救助身份']]).labels).toEqual(['', '户编号', '姓名', '身份证号', '救助身份']);
    expect(findHeader([['填表单位：山川镇民政办', '', '填表日期：2025年5月1日', ''], ['', '户编号', '姓名', '身份证号']]).labels).toEqual(['', '户编号', '姓名', '身份证号']);
    expect(findHeader([['隆昌市花名册'], ['', '户编号', '姓名']]).labels).toEqual(['', '户编号', '姓名']);
    // An .xlsx leaves blank rows out: their numbers say so.
    expect(findHeader([['序号', '基本情况', ''], ['', '户编号', '姓名']], [1, 3]).labels).toEqual(['', '户编号', '姓名']);
  });

  it('does not take in a row of people below it, though their cells sit under its unnamed columns', () => {
    const rows = [
      ['户编号', '人员姓名', '身份证号', '人员类别', '备注'],
      ['', '张小三', '', '孤儿', '外出务工'],
      ['H2', '李四', ID, '低保', ''],
    ];
    expect(findHeader(rows)).toEqual({ top: 0, first: 0, last: 0, labels: ['户编号', '人员姓名', '身份证号', '人员类别', '备注'] });
  });

  it('ends at a row of people, whose cells under named columns are values', () => {
    expect(findHeader([['户编号', '姓名', '疾病'], ['H1', '甲', '疾病']])).toEqual({ top: 0, first: 0, last: 0, labels: ['户编号', '姓名', '疾病'] });
  });
});
