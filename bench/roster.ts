/**
 * A seeded household roster as a county bureau would export it from Excel:
 * Chinese headers, 21 columns, one row per person, valid ID numbers, 1–6
 * people per household, a phone number and now and then a remark with a
 * comma in it (so the CSV has quoted cells, as real exports do).
 */
import { idCheckChar } from '../src/profile/id-number.js';
import { seededRandom } from './random.js';


export const ROSTER_HEADER = [
  '户编号', '与户主关系', '姓名', '身份证号', '户籍性质', '本地户籍', '常住', '镇街', '婚姻状况', '就业状态', '就读学段',
  '救助身份', '持第二代残疾人证', '残疾等级', '疾病', '参保', '外出务工', '孕产状态', '留守情况', '联系电话', '备注',
];

const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '胡', '朱', '高', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '桂英', '建华'];
const TOWNS = ['古湖街道', '金鹅街道', '响石镇', '圣灯镇', '黄家镇', '双凤镇', '龙市镇', '界市镇', '石碾镇', '石燕桥镇', '胡家镇', '云顶镇', '普润镇'];
const REGIONS = ['511028', '511083', '511025', '510104'];

export interface RosterOptions {
  rows: number;
  seed?: number;
  /** The check date the ages are planned around. */
  asOfYear?: number;
}

/** The roster's data lines (no header), household by household. */
export function* rosterLines(options: RosterOptions): Generator<string> {
  const rnd = seededRandom(options.seed ?? 20250601);
  const year = options.asOfYear ?? 2025;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const chance = (p: number) => rnd() < p;
  const int = (from: number, to: number) => from + Math.floor(rnd() * (to - from + 1));
  const idNumber = (age: number, male: boolean) => {
    const y = year - age - (chance(0.5) ? 1 : 0);
    const body = `${pick(REGIONS)}${y}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}${String(int(0, 99)).padStart(2, '0')}${male ? pick([1, 3, 5, 7, 9]) : pick([0, 2, 4, 6, 8])}`;
    return body + idCheckChar(body);
  };
  let made = 0;
  let household = 0;
  while (made < options.rows) {
    household++;
    const hid = `511028${String(household).padStart(8, '0')}`;
    const town = pick(TOWNS);
    const rural = chance(0.6);
    const poor = chance(0.08);
    const headAge = int(24, 85);
    const members: { rel: string; age: number }[] = [{ rel: '户主', age: headAge }];
    if (chance(0.8)) members.push({ rel: '配偶', age: Math.max(20, headAge + int(-5, 5)) });
    for (let k = int(0, 3); k > 0 && headAge > 22; k--) members.push({ rel: '子女', age: int(0, Math.min(40, headAge - 20)) });
    if (headAge < 50 && chance(0.25)) members.push({ rel: '父母', age: headAge + int(22, 32) });
    if (headAge > 55 && chance(0.2)) members.push({ rel: '孙子女', age: int(0, 12) });
    const surname = pick(SURNAMES);
    for (const m of members) {
      if (made >= options.rows) break;
      made++;
      const male = m.rel === '户主' ? chance(0.7) : m.rel === '配偶' ? false : chance(0.5);
      const age = m.age;
      const student = age >= 6 && age <= 22 && chance(0.9);
      const school = age < 3 ? '' : age < 6 ? '幼儿园' : !student ? '未就读' : age < 12 ? '小学' : age < 15 ? '初中' : age < 18 ? pick(['普通高中', '中等职业学校']) : '高等院校';
      const work = age < 16 ? '' : student ? '在校' : age >= 60 ? pick(['退休', '无就业意愿', '灵活就业']) : pick(['就业', '就业', '灵活就业', '自主创业', '失业', '']);
      const disabled = chance(0.05);
      const cells = [
        hid,
        m.rel,
        surname + pick(GIVEN),
        chance(0.97) ? idNumber(age, male) : '',
        rural ? '农村' : '城镇',
        chance(0.9) ? '是' : '否',
        chance(0.85) ? '是' : pick(['否', '']),
        town,
        age < 20 ? '未婚' : pick(['已婚', '已婚', '已婚', '离异', '丧偶', '']),
        work,
        school,
        poor ? pick(['低保', '特困供养', '低收入家庭', '低保、脱贫人口']) : chance(0.05) ? '脱贫人口' : '',
        disabled ? '是' : chance(0.5) ? '否' : '',
        disabled ? String(int(1, 4)) : '',
        age >= 35 && chance(0.3) ? pick(['原发性高血压', 'Ⅱ型糖尿病', '原发性高血压；Ⅱ型糖尿病']) : '',
        pick(['居民医保', '居民医保；居民养老', '职工医保；职工养老', '']),
        age >= 18 && age < 60 ? pick(['是', '否', '否', '']) : '',
        !male && age >= 20 && age <= 40 ? pick(['无', '孕期', '']) : '',
        '',
        `1${pick(['3', '5', '8'])}${String(int(0, 999999999)).padStart(9, '0')}`,
        chance(0.05) ? '"户口待迁出,核实中"' : '',
      ];
      yield cells.join(',');
    }
  }
}

/** Fisher–Yates with the seeded generator: households spread through the file. */
export function shuffled<T>(list: T[], seed: number): T[] {
  const rnd = seededRandom(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
