import { describe, expect, it } from 'vitest';
import { readProfileText } from '../../src/profile/read.js';

const AS_OF = '2025-06-01';
const read = (text: string) => readProfileText(text, { file: 'p.yaml', asOf: AS_OF });
const ok = (text: string) => {
  const r = read(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.profile;
};
const issues = (text: string) => {
  const r = read(text);
  if (r.ok) throw new Error('expected problems');
  return r.issues;
};

describe('keys and values in English or Chinese', () => {
  it('reads English keys and values', () => {
    expect(ok('hukou_type: rural\nresident: true\n')).toEqual({ hukou_type: 'rural', resident: true });
  });
  it('reads Chinese keys and values to the same profile', () => {
    expect(ok('户籍性质: 农村\n常住: 是\n')).toEqual({ hukou_type: 'rural', resident: true });
  });
  it('reads key aliases', () => {
    expect(ok('户口性质: 城镇\n')).toEqual({ hukou_type: 'urban' });
  });
  it.each([
    ['true', true], ['false', false], ['yes', true], ['no', false], ['是', true], ['否', false], ['1', true], ['0', false], ['"1"', true], ['"否"', false],
  ])('reads the boolean %s', (text, value) => {
    expect(ok(`resident: ${text}\n`).resident).toBe(value);
  });
  it.each([
    ['[dibao, low_income]', ['dibao', 'low_income']],
    ['低保;低收入家庭', ['dibao', 'low_income']],
    ['低保，低收入家庭', ['dibao', 'low_income']],
    ['低保、低收入家庭', ['dibao', 'low_income']],
    ['[低保, 特困]', ['dibao', 'tekun']],
    ['[]', []],
  ])('reads the set %s', (text, value) => {
    expect(ok(`assistance: ${text}\n`).assistance).toEqual(value);
  });
  it('reads JSON', () => {
    expect(ok('{"age": 70, "sex": "女"}')).toEqual({ age: 70, sex: 'female' });
  });
  it.each(['1960-06-01 00:00:00', '1960/6/1 0:00', '1960年6月1日 12:30'])('reads the date and time %s as its day, as Excel exports a date cell', (text) => {
    expect(ok(`birth_date: "${text}"\n`).birth_date).toBe('1960-06-01');
  });
  it('refuses a date with a time that is no time', () => {
    expect(issues('birth_date: "1960-06-01 25:00"\n')[0]).toMatchObject({ code: 'BAD_DATE', field: 'birth_date' });
  });
  it.each([
    ['an ID number in a number field', 'monthly_income_per_capita: 511083196006011237\n'],
    ['an ID number as text in an integer field', 'age: "511083196006011237"\n'],
    ['a 15-digit ID number', 'age: 511083600601123\n'],
  ])('refuses %s as a number, saying it looks like an ID number, without repeating it', (_name, text) => {
    const [first] = issues(text);
    expect(first).toMatchObject({ code: 'BAD_TYPE' });
    expect(first.message).toContain('像是一个身份证号：是不是放错了列？');
    expect(first.message).not.toMatch(/\d{8}/);
  });
  it('reads grades written in Chinese', () => {
    expect(ok('残疾等级: 二级\n').disability_grade).toBe(2);
  });
  it('keeps an unquoted 18-digit ID number exact and reads birth date and sex from it', () => {
    expect(ok('id_number: 511083196006011237\n')).toMatchObject({ id_number: '511083196006011237', birth_date: '1960-06-01', sex: 'male', age: 65 });
  });
  it('leaves absent and empty facts unknown, never false', () => {
    const p = ok('resident: \nhukou_local: ""\nsex: male\n');
    expect(p).toEqual({ sex: 'male' });
    expect('resident' in p).toBe(false);
  });
});

describe('age', () => {
  it('is computed on the check date from the birth date', () => {
    expect(ok('birth_date: 1960-06-01\n').age).toBe(65);
    expect(ok('birth_date: 1960-06-02\n').age).toBe(64);
  });
  it('may be given alone when no birth date is known', () => {
    expect(ok('age: 70\n').age).toBe(70);
  });
});

describe('problems carry a code, the field and the line', () => {
  it.each([
    ['misspelt key', 'resident: true\nhukuo_type: rural\n', 'UNKNOWN_KEY', 'hukuo_type', 2],
    ['value outside the enum', 'sex: male\nhukou_type: city\n', 'BAD_ENUM', 'hukou_type', 2],
    ['impossible date', 'birth_date: 2023-02-30\n', 'BAD_DATE', 'birth_date', 1],
    ['birth date in the future', 'name: x\nbirth_date: 2030-01-01\n', 'FUTURE_DATE', 'birth_date', 2],
    ['negative age', 'age: -3\n', 'OUT_OF_RANGE', 'age', 1],
    ['age not a number', 'age: old\n', 'BAD_TYPE', 'age', 1],
    ['boolean not a boolean', 'resident: maybe\n', 'BAD_TYPE', 'resident', 1],
    ['wrong check digit', 'id_number: "511083196006011238"\n', 'BAD_ID_CHECKSUM', 'id_number', 1],
    ['ID contradicts the birth date', 'id_number: "511083196006011237"\nbirth_date: 1960-06-02\n', 'ID_CONFLICT', 'birth_date', 2],
    ['ID contradicts the sex', 'id_number: "511083196006011237"\nsex: 女\n', 'ID_CONFLICT', 'sex', 2],
    ['age contradicts the birth date', 'birth_date: 1960-06-01\nage: 60\n', 'AGE_CONFLICT', 'age', 2],
    ['unknown set member', 'assistance: [dibao, rich]\n', 'BAD_ENUM', 'assistance', 1],
    ['a complication grade with no complication', 'fp_surgery_complication: 否\nfp_surgery_complication_grade: 2\n', 'FACT_CONFLICT', 'fp_surgery_complication_grade', 2],
    ['same fact twice under two names', 'age: 3\n年龄: 4\n', 'DUPLICATE_KEY', 'age', 2],
    ['a list where one yes/no belongs', 'resident: [是]\n', 'BAD_TYPE', 'resident', 1],
    ['a list where one number belongs', 'name: x\n年龄: [70]\n', 'BAD_TYPE', 'age', 2],
    ['a list where one date belongs', 'birth_date: [1960-06-01]\n', 'BAD_TYPE', 'birth_date', 1],
  ])('%s', (_name, text, code, field, line) => {
    const [first] = issues(text);
    expect(first).toMatchObject({ code, field, line, file: 'p.yaml' });
  });

  it('suggests the nearest key for a typo', () => {
    const [first] = issues('hukuo_type: rural\n');
    expect(first.message).toContain('hukou_type');
  });
  it('names the allowed values for a bad enum value', () => {
    const [first] = issues('hukou_type: city\n');
    expect(first.message).toContain('urban');
    expect(first.message).toContain('农村');
  });
  it('reports every problem, not only the first', () => {
    expect(issues('hukuo_type: rural\nage: -1\nresident: maybe\n').map((i) => i.code)).toEqual(['UNKNOWN_KEY', 'OUT_OF_RANGE', 'BAD_TYPE']);
  });
  it('reports malformed YAML with its line', () => {
    expect(issues('age: 3\nsex: [male\n')[0]).toMatchObject({ code: 'YAML_SYNTAX', line: 2, column: 6 });
  });
  it('reports a list where a mapping belongs', () => {
    expect(issues('- age: 3\n')[0]).toMatchObject({ code: 'NOT_A_MAPPING', line: 1 });
  });
  it('reports an empty file', () => {
    expect(issues('')[0]).toMatchObject({ code: 'NOT_A_MAPPING' });
  });
  it('reports duplicate keys', () => {
    expect(issues('age: 3\nage: 4\n')[0]).toMatchObject({ code: 'DUPLICATE_KEY', line: 2 });
  });
  it('refuses an alias bomb fast', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill('*' + 'abcdefgh'[i]).join(', ')}]`), 'name: *h'].join('\n');
    const started = Date.now();
    expect(issues(bomb)[0].code).toBe('ALIAS_LIMIT');
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('warns for a 15-digit ID and reads it', () => {
    const r = read('id_number: "511028600601123"\n');
    expect(r.ok && r.profile.birth_date).toBe('1960-06-01');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['LEGACY_ID']);
  });
  it('warns for a merged-away town and keeps it', () => {
    const r = read('township: 渔箭镇\n');
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['OLD_TOWNSHIP']);
  });
});

describe('a birth date too long ago', () => {
  it('is out of range as an age over 150 is, placed on the field that gave it', () => {
    const typo = readProfileText('出生日期: 1800-01-01\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(typo.ok).toBe(false);
    expect(!typo.ok && typo.issues[0]).toMatchObject({ code: 'OUT_OF_RANGE', line: 1, message: '数值超出范围：按出生日期 1800-01-01，2025-06-01 时为 225 岁，超过 150 岁' });
    const oldest = readProfileText('出生日期: 1875-06-01\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(oldest.ok && oldest.profile.age).toBe(150);
  });
});

describe('suggestions for a word of one or two characters', () => {
  it('are made only one edit away (否 is not 低保, x is not name)', () => {
    const no = readProfileText('救助身份: 否\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(!no.ok && no.issues[0].message).not.toContain('是不是');
    const x = readProfileText('x: 1\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(!x.ok && x.issues[0].message).not.toContain('是不是');
    const typo = readProfileText('年令: 60\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(!typo.ok && typo.issues[0].message).toContain('是不是 age（年龄）？');
  });
});

describe('a .json profile is held to JSON', () => {
  const read = (text: string, file = 'p.json') => readProfileText(text, { file, asOf: '2025-06-01' });
  it.each([
    ['a trailing comma', '{\n  "age": 70,\n  "hukou_local": true,\n}\n', 4, 1, '删去最后一项后面的逗号'],
    ['an unquoted key', '{\n  "age": 70,\n  hukou_local: true\n}\n', 3, 3, '键要加英文双引号'],
    ['a missing comma, at the key after it', '{\n  "age": 70\n  "hukou_local": true\n}\n', 3, 3, '少了逗号'],
    ['an unclosed string, at the end of its line', '{\n  "sex": "male\n}\n', 2, 15, '换行请写成'],
    ['a file cut short', '{\n  "age": 70', 2, 12, '少了逗号'],
    ['a capitalised True', '{"age": 70, "resident": True}', 1, 25, 'true、false、null 要小写'],
    ['an unquoted first key', '{\n  姓名: "张"\n}\n', 2, 3, '键要加英文双引号'],
    ['a key in Chinese quotes', '{“姓名”: "张"}', 1, 2, '不能用中文引号'],
    ['a trailing comma in a list', '{"参保": ["居民医保",]}', 1, 16, '删去最后一项后面的逗号'],
    ['a Chinese colon', '{"age"：70}', 1, 7, '不能用中文冒号'],
  ])('%s: JSON_SYNTAX at its line and column, with a hint', (_name, text, line, column, hint) => {
    const r = read(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'JSON_SYNTAX', file: 'p.json', line, column });
    expect(r.issues[0].hint).toContain(hint);
  });

  it('says an empty .json file is empty, as for YAML', () => {
    expect(read(' \n')).toMatchObject({ ok: false, issues: [{ code: 'NOT_A_MAPPING', line: 1 }] });
  });

  it('reads valid JSON as before, a repeated key still refused', () => {
    expect(read('{"age": 70, "hukou_local": true}')).toMatchObject({ ok: true, profile: { age: 70, hukou_local: true } });
    expect(read('{\n"age": 70,\n"age": 71\n}')).toMatchObject({ ok: false, issues: [{ code: 'DUPLICATE_KEY', line: 3 }] });
  });

  it('leaves YAML files and standard input to YAML, which reads JSON and more', () => {
    expect(read('{"age": 70, "hukou_local": true,}', 'p.yaml')).toMatchObject({ ok: true });
    expect(read('{"age": 70, "hukou_local": true,}', '-')).toMatchObject({ ok: true });
  });
});

describe('a bad element of a list is pointed at, not the list', () => {
  const first = (text: string, file = 'p.yaml') => {
    const r = readProfileText(text, { file, asOf: '2025-06-01' });
    if (r.ok) throw new Error('expected the profile to be refused');
    return r.issues[0];
  };
  it.each([
    ['a block list', 'age: 70\ninsurance:\n  - 居民医保\n  - 不存在的保险\n', 4, 5],
    ['a flow list', 'age: 70\ninsurance: [居民医保, 不存在]\n', 2, 19],
    ['words split on 、, after a space', 'age: 70\n参保: 居民医保、 不存在的保险\n', 2, 11],
    ['words split on ; inside quotes', 'age: 70\n参保: "居民医保;不存在"\n', 2, 11],
    ['a list inside the list', 'age: 70\n参保: [居民医保, [x]]\n', 2, 12],
  ])('%s', (_name, text, line, column) => {
    expect(first(text)).toMatchObject({ field: 'insurance', line, column });
  });
  it('in JSON too', () => {
    expect(first('{\n  "insurance": ["居民医保",\n    "不存在"]\n}\n', 'p.json')).toMatchObject({ code: 'BAD_ENUM', line: 3, column: 5 });
  });
});

describe('the words rosters use', () => {
  const read1 = (text: string) => {
    const r = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    return r.profile;
  };
  it.each([
    ['身份证', 'id_number'],
    ['"身份证号\\n（18位）"', 'id_number'],
    ['身份证号(18位)', 'id_number'],
    ['性别（男/女）', 'sex'],
    ['出生日期（年月日）', 'birth_date'],
    ['与户主的关系', 'relationship'],
    ['家庭成员关系', 'relationship'],
  ])('reads the header %s as %s', (header, key) => {
    const value = key === 'id_number' ? '"511083196006011237"' : key === 'sex' ? '男' : key === 'birth_date' ? '1960-06-01' : '户主';
    expect(Object.keys(read1(`${header}: ${value}\n`))).toContain(key);
  });
  it.each(['身份证号（户主）', '身份证号(配偶)', '（配偶）身份证号', '年龄（虚岁）', '年龄(2024年)', '外出务工（父亲）', '证件号码', '关系'])(
    'does not read %s, whose note or name says it may be another person or another thing, as the person’s own field',
    (header) => {
      const r = readProfileText(`${header}: 1\n`, { file: 'p.yaml', asOf: '2025-06-01' });
      expect(r.ok ? [] : r.issues.map((i) => i.code)).toContain('UNKNOWN_KEY');
    },
  );
  it.each([
    ['军人身份: 退役军人', '是不是 复员军人、退伍军人、离退休军人、转业军官、退役士兵 之一？'],
    ['sex: femal', '是不是 female？'],
  ])('suggests for %s what the word may mean', (text, hint) => {
    const r = readProfileText(`${text}\n`, { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? '' : r.issues[0].message).toContain(hint);
  });
  it.each(['婚姻状况: 再婚', '就业状态: 待业', '残疾证: 是', '参保情况: 有'])('suggests nothing for %s: a Chinese word a character or two from another is no typo of it', (text) => {
    const r = readProfileText(`${text}\n`, { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? '' : r.issues[0].message).not.toContain('是不是');
  });
  it('keeps a note in brackets that is part of a label (镇（街道）)', () => {
    expect(read1('镇（街道）: 金鹅街道\n').township).toBe('金鹅街道');
  });
  it.each([
    ['sex', '男性', 'male'],
    ['sex', '女性', 'female'],
    ['relationship', '妻子', 'spouse'],
    ['relationship', '丈夫', 'spouse'],
    ['relationship', '长子', 'child'],
    ['relationship', '孙女', 'grandchild'],
    ['relationship', '儿媳', 'other'],
    ['relationship', '其它', 'other'],
    ['household_assistance', '低保户', ['dibao']],
    ['assistance', '特困户、低收入户', ['tekun', 'low_income']],
    ['resident', '√', true],
    ['resident', '×', false],
    ['resident', '“是”', true],
    ['age', '35周岁', 35],
    ['age', '６５', 65],
    ['age', '六十五岁', 65],
    ['age', '十六', 16],
    ['birth_date', '１９６０-０６-０１', '1960-06-01'],
    ['id_number', '５１１０８３１９６００６０１１２３７', '511083196006011237'],
    ['assistance', '五保户', ['tekun']],
    ['marital_status', '已离婚', 'divorced'],
  ])('reads %s: %s', (key, text, value) => {
    expect(read1(`${key}: ${text}\n`)[key]).toEqual(value);
  });
});

describe('facts that cannot stand together', () => {
  it.each([
    ['性别: 男\n孕产状态: 孕期\n', 2],
    ['身份证号: "511083196006011237"\n孕产状态: 产后\n', 2],
  ])('%j is a FACT_CONFLICT at the pregnancy', (text, line) => {
    const r = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? [] : r.issues).toMatchObject([{ code: 'FACT_CONFLICT', field: 'pregnancy', line }]);
  });
  it.each([
    ['救助身份: 低保\n特困供养方式: 集中供养\n', '救助身份（assistance）却不含特困供养'],
    ['救助身份: 无\n特困人员供养方式: 分散供养\n', '救助身份（assistance）却不含特困供养'],
    ['救助身份: 特困\n特困供养方式: 无\n', '救助身份（assistance）含特困供养，特困供养方式（tekun_care）却是无'],
    ['救助身份: 分散供养特困\n特困供养方式: 集中供养\n', '救助身份含分散供养特困，特困供养方式（tekun_care）却是集中供养'],
  ])('%j is a FACT_CONFLICT at the way of 特困 support', (text, message) => {
    const r = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? [] : r.issues).toMatchObject([{ code: 'FACT_CONFLICT', field: 'tekun_care', line: 2, message: expect.stringContaining(message) }]);
  });
  it.each([
    ['军人身份: 无\n退役时身份: 转业军官\n', '军人身份（military_status）为无，却给出了退役时身份'],
    ['军人身份: 转业军官\n退役时身份: 复员\n', '退役时身份（discharged_as）与军人身份（military_status）不一致'],
    ['军人身份: 残疾军人\n已退出现役: 否\n退役时身份: 退役士兵\n', '已退出现役（left_active_service）为否，却给出了退役时身份'],
  ])('%j is a FACT_CONFLICT at how a veteran left service', (text, message) => {
    const r = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? [] : r.issues).toMatchObject([{ code: 'FACT_CONFLICT', field: 'discharged_as', message: expect.stringContaining(message) }]);
  });
  it('reads how a disabled veteran left service as saying that they left it; 退伍军人 is a 退役士兵', () => {
    const r = readProfileText('军人身份: 残疾军人\n退役时身份: 退伍\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(r.ok ? [r.profile.discharged_as, r.profile.left_active_service] : r.issues).toEqual(['retired_soldier', true]);
    const same = readProfileText('军人身份: 退伍军人\n退役时身份: 退役士兵\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(same.ok).toBe(true);
  });
  it('reads 分散供养特困 as saying how the support is given; 特困 alone leaves it open', () => {
    const read = (text: string) => {
      const r = readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
      return r.ok ? r.profile.tekun_care : r.issues;
    };
    expect(read('救助身份: 分散供养特困\n')).toBe('dispersed');
    expect(read('救助身份: 特困\n特困供养方式: 集中供养\n')).toBe('centralised');
    expect(read('救助身份: 特困\n')).toBeUndefined();
    expect(read('特困供养方式: 分散供养\n')).toBe('dispersed'); // the assistance list unknown: nothing to contradict
    // As rosters write them.
    expect(read('救助身份: 农村分散供养特困人员\n')).toBe('dispersed');
    expect(read('救助身份: 特困\n特困供养方式: 集中\n')).toBe('centralised');
    expect(read('救助身份: 集中供养特困人员\n特困供养方式: 敬老院\n')).toBe('centralised');
    expect(read('救助身份: 低保\n特困供养方式: 无\n')).toBe('none');
    // A list of statuses without 特困 says there is no way of 特困 support, whatever the cell.
    expect(read('救助身份: 低保\n特困供养方式: /\n')).toBe('none');
    expect(read('救助身份: 特困\n特困供养方式: /\n')).toBeUndefined();
    // A roster's own 供养方式 column (居家养老, 敬老院 …) is no 特困 fact: it is not read as one.
    const own = readProfileText('救助身份: 低保\n供养方式: 敬老院\n', { file: 'p.yaml', asOf: '2025-06-01' });
    expect(own.ok ? [] : own.issues.map((i) => i.code)).toEqual(['UNKNOWN_KEY']);
    // A list of nothing but a placeholder is no list: the statuses are unknown, so is the way of support.
    expect(read('救助身份: [/]\n')).toBeUndefined();
    expect(read('救助身份:\n  - —\n')).toBeUndefined();
  });
  it('lets a woman be pregnant, and a man plan a pregnancy with his wife', () => {
    expect(readProfileText('性别: 女\n孕产状态: 孕期\n', { file: 'p.yaml', asOf: '2025-06-01' }).ok).toBe(true);
    expect(readProfileText('性别: 男\n孕产状态: 计划怀孕\n', { file: 'p.yaml', asOf: '2025-06-01' }).ok).toBe(true);
  });
});

describe('messages name a field as a caseworker knows it', () => {
  it('by its Chinese label, its key beside it, and hint in Chinese', () => {
    const r = readProfileText('常住: 也许\n年龄: -1\nhukuo_type: rural\n', { file: 'p.yaml', asOf: '2025-06-01' });
    const issues = r.ok ? [] : r.issues;
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('常住（resident）应为是/否'),
      expect.stringContaining('年龄（age）应在 0–150 之间，得到 -1'),
      expect.stringContaining('是不是 hukou_type（户籍性质）？'),
    ]);
    expect(issues[2].hint).toBe('把键改为 户籍性质（或 hukou_type）');
  });
});

describe('what an input method types, read no further than it says', () => {
  const read1 = (text: string) => readProfileText(text, { file: 'p.yaml', asOf: '2025-06-01' });
  it.each(['六五', '十十', '一二三', '十百', '零二'])('refuses %s as an age: no Chinese number', (text) => {
    expect(read1(`年龄: ${text}\n`)).toMatchObject({ ok: false, issues: [{ code: 'BAD_TYPE', field: 'age' }] });
  });
  it.each([
    ['十', 10],
    ['一百零二', 102],
    ['一百一', 110],
    ['一百二十三', 123],
  ])('reads %s as %i', (text, n) => {
    expect(read1(`年龄: ${text}\n`)).toMatchObject({ ok: true, profile: { age: n } });
  });
  it('unquotes each element of a list, and only a matching pair', () => {
    expect(read1('救助身份: “低保”、“特困”\n')).toMatchObject({ ok: true, profile: { assistance: ['dibao', 'tekun'] } });
    expect(read1('常住: “是」\n').ok).toBe(false);
  });
  it('leaves names and places as written', () => {
    expect(read1('姓名: 张ｘ\n镇街: 古湖街道３号\n')).toMatchObject({ ok: true, profile: { name: '张ｘ', township: '古湖街道３号' } });
  });
  it('blames no colon inside quotes or a comment', () => {
    const r = read1('姓名: "张：三" # 备注：x\n年龄 65\n');
    expect(r.ok ? [] : r.issues).toMatchObject([{ code: 'YAML_SYNTAX', line: 2, message: expect.stringContaining('这一行少了冒号') }]);
  });
});
