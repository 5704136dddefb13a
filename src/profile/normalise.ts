/**
 * From raw facts (any spelling of keys and values) to a normalised profile:
 * English keys, typed values, age computed for the check date, birth date and
 * sex read from the ID number, contradictions rejected. An absent fact stays
 * absent: unknown, never false.
 */
import { CliError, makeIssue, type Issue } from '../issues.js';
import { isBlankValue } from './blank.js';
import { completedYears, parseIsoDate } from './dates.js';
import { coerceValue, type ElementAt } from './coerce.js';
import { FIELD_BY_KEY } from './fields.js';
import { parseIdNumber } from './id-number.js';
import { fieldForKey, suggestKey } from './keys.js';
import { MERGED_TOWNSHIPS } from './townships.js';

/** A normalised profile: English keys; booleans, numbers, ISO dates, string[] for sets. */
export type Profile = Record<string, unknown>;

export interface NormaliseOptions {
  /** The check date (ISO). Age is computed on it. */
  asOf: string;
  file?: string;
  /** Where a key or its value (or one element of a set's value) sits in the input, for error positions. */
  locate?: (inputKey: string, part: 'key' | 'value', element?: ElementAt) => { line?: number; column?: number } | undefined;
  /** 'error' (profiles): an unknown key is an error. 'ignore' (batch): the caller carries it through. */
  unknownKeys?: 'error' | 'ignore';
}

export type NormaliseResult =
  | { ok: true; profile: Profile; warnings: Issue[]; unknownKeys: string[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };


/**
 * The facts normaliseRecord (and the batch's row normaliser, which gives
 * the same answers) sets from another key's value, by that key. Kept beside
 * the code that derives them: a batch compiles its rules assuming every
 * other fact it has no column for stays unknown (household/absent-facts.ts).
 */
/** 军人身份 values that have left service by their name (残疾军人 may or may not have). */
const VETERAN_STATUSES: readonly string[] = ['demobilized', 'discharged', 'retired_cadre', 'transferred_officer', 'retired_soldier'];

export const DERIVED_FROM: Readonly<Record<string, readonly string[]>> = {
  id_number: ['birth_date', 'sex', 'age'],
  birth_date: ['age'],
  fp_surgery_complication_grade: ['fp_surgery_complication'],
  assistance: ['tekun_care'],
  discharged_as: ['left_active_service'],
  military_status: ['left_active_service', 'discharged_as'],
};

/** What 军人身份 says of leaving service: whether one has, and as what (残疾军人 says neither). */
export function militaryDerived(status: unknown): Readonly<{ left?: boolean; as?: string }> {
  return (typeof status === 'string' && MILITARY_DERIVED.get(status)) || NOTHING_DERIVED;
}

const NOTHING_DERIVED = Object.freeze({});
/** Built once: this runs for every row of a roster. */
const MILITARY_DERIVED = new Map<string, Readonly<{ left?: boolean; as?: string }>>([
  ['active', Object.freeze({ left: false, as: 'none' })],
  ['none', Object.freeze({ left: false, as: 'none' })],
  ...['demobilized', 'discharged', 'retired_cadre', 'transferred_officer', 'retired_soldier'].map(
    (s) => [s, Object.freeze({ left: true, as: s === 'discharged' ? 'retired_soldier' : s })] as [string, Readonly<{ left?: boolean; as?: string }>],
  ),
]);

export function normaliseRecord(input: Record<string, unknown>, options: NormaliseOptions): NormaliseResult {
  // Ages are counted to this date: one that is no date would give every age as NaN, unknown, silently.
  if (parseIsoDate(options.asOf) === undefined) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', `asOf “${String(options.asOf)}” 不是真实日期，应为 YYYY-MM-DD`, { field: 'asOf' })]);
  }
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const unknownKeys: string[] = [];
  const profile: Profile = {};
  const inputKeyOf = new Map<string, string>();
  const place = (inputKey: string | undefined, part: 'key' | 'value' = 'value', element?: ElementAt) => ({
    file: options.file,
    field: inputKey === undefined ? undefined : (fieldForKey(inputKey)?.key ?? inputKey),
    ...(inputKey === undefined ? {} : (options.locate?.(inputKey, part, element) ?? {})),
  });

  for (const [inputKey, raw] of Object.entries(input)) {
    const field = fieldForKey(inputKey);
    if (!field) {
      if (options.unknownKeys === 'ignore') {
        unknownKeys.push(inputKey);
        continue;
      }
      const hint = suggestKey(inputKey);
      issues.push(
        makeIssue('UNKNOWN_KEY', `“${inputKey}”${hint ? `；是不是 ${hint}（${FIELD_BY_KEY.get(hint)?.zh}）？` : ''}`, {
          ...place(inputKey, 'key'),
          field: inputKey,
          hint: hint ? `把键改为 ${FIELD_BY_KEY.get(hint)?.zh ?? hint}（或 ${hint}）` : undefined,
        }),
      );
      continue;
    }
    if (inputKeyOf.has(field.key)) {
      issues.push(makeIssue('DUPLICATE_KEY', `${field.key}（${field.zh}）出现了两次：“${inputKeyOf.get(field.key)}”和“${inputKey}”`, place(inputKey, 'key')));
      continue;
    }
    inputKeyOf.set(field.key, inputKey);
    if (isBlankValue(raw)) continue;
    const coerced = coerceValue(field, raw);
    if (!coerced.ok) issues.push(makeIssue(coerced.code, coerced.detail, place(inputKey, 'value', coerced.element)));
    else profile[field.key] = coerced.value;
  }

  const at = (key: string) => place(inputKeyOf.get(key));

  let birthDateFromId = false;
  if (typeof profile.id_number === 'string') {
    const id = parseIdNumber(profile.id_number);
    if (!id.ok) {
      issues.push(makeIssue(id.problem, id.detail, at('id_number')));
      delete profile.id_number;
    } else {
      profile.id_number = id.normalised;
      if (id.legacy) warnings.push(makeIssue('LEGACY_ID', '已按19XX年读取出生日期，请核对', { ...at('id_number'), severity: 'warning' }));
      // Messages never give the ID number's birth date: those are the digits its mask hides.
      if (profile.birth_date !== undefined && profile.birth_date !== id.birthDate) {
        issues.push(makeIssue('ID_CONFLICT', `身份证号中的出生日期与出生日期（birth_date）${String(profile.birth_date)} 不一致`, at('birth_date')));
      }
      if (profile.sex !== undefined && profile.sex !== id.sex) {
        issues.push(makeIssue('ID_CONFLICT', `身份证号显示性别为 ${id.sex === 'male' ? '男' : '女'}，但性别（sex）为 ${profile.sex === 'male' ? '男' : '女'}`, at('sex')));
      }
      if (profile.birth_date === undefined) {
        profile.birth_date = id.birthDate;
        birthDateFromId = true;
      }
      profile.sex ??= id.sex;
    }
  }

  for (const key of ['birth_date', 'spouse_birth_date']) {
    const date = profile[key];
    if (typeof date === 'string' && date > options.asOf) {
      if (key === 'birth_date' && birthDateFromId) issues.push(makeIssue('FUTURE_DATE', `身份证号中的出生日期晚于核查日期 ${options.asOf}`, at('id_number')));
      else issues.push(makeIssue('FUTURE_DATE', `${FIELD_BY_KEY.get(key)?.zh}（${key}）为 ${date}，晚于核查日期 ${options.asOf}`, at(key)));
      delete profile[key];
    }
  }

  if (typeof profile.birth_date === 'string') {
    const derived = completedYears(profile.birth_date, options.asOf);
    const oldest = FIELD_BY_KEY.get('age')?.max ?? 150;
    if (derived > oldest) {
      // A typo (1800 for 1980): the same bound as an age written down.
      const from = birthDateFromId ? '身份证号中的出生日期' : `出生日期 ${profile.birth_date}`;
      issues.push(makeIssue('OUT_OF_RANGE', `按${from}，${options.asOf} 时为 ${derived} 岁，超过 ${oldest} 岁`, at(birthDateFromId ? 'id_number' : 'birth_date')));
      delete profile.birth_date;
    }
  }

  if (typeof profile.birth_date === 'string') {
    const derived = completedYears(profile.birth_date, options.asOf);
    if (profile.age !== undefined && profile.age !== derived) {
      const from = birthDateFromId ? '身份证号中的出生日期' : `出生日期 ${profile.birth_date}`;
      issues.push(makeIssue('AGE_CONFLICT', `按${from}，${options.asOf} 时为 ${derived} 岁，但年龄（age）为 ${String(profile.age)}`, at('age')));
    }
    profile.age = derived;
  }

  // A complication grade says there is a complication; "none" with a grade is a contradiction.
  if (profile.fp_surgery_complication_grade !== undefined) {
    if (profile.fp_surgery_complication === false) {
      issues.push(makeIssue('FACT_CONFLICT', `fp_surgery_complication 为否，却给出了并发症等级 ${String(profile.fp_surgery_complication_grade)}`, at('fp_surgery_complication_grade')));
    }
    profile.fp_surgery_complication = true;
  }

  // 分散 or 集中供养特困 on the assistance list says how the support is given; a way of support says the person is 特困.
  const assistance = profile.assistance;
  if (Array.isArray(assistance)) {
    const dispersed = assistance.includes('tekun_dispersed');
    const centralised = assistance.includes('tekun_centralised');
    const tekun = dispersed || centralised || assistance.includes('tekun');
    const care = profile.tekun_care;
    if (dispersed && centralised) {
      issues.push(makeIssue('FACT_CONFLICT', '救助身份（assistance）既写了分散供养特困又写了集中供养特困：只写其一', at('assistance')));
    } else if ((dispersed && care === 'centralised') || (centralised && care === 'dispersed')) {
      issues.push(makeIssue('FACT_CONFLICT', `救助身份含${dispersed ? '分散' : '集中'}供养特困，特困供养方式（tekun_care）却是${dispersed ? '集中' : '分散'}供养`, at('tekun_care')));
    } else if (tekun && profile.tekun_care === 'none') {
      issues.push(makeIssue('FACT_CONFLICT', '救助身份（assistance）含特困供养，特困供养方式（tekun_care）却是无', at('tekun_care')));
    } else if (!tekun && profile.tekun_care !== undefined && profile.tekun_care !== 'none') {
      issues.push(makeIssue('FACT_CONFLICT', `给出了特困供养方式（tekun_care），救助身份（assistance）却不含特困供养`, at('tekun_care')));
    }
    if (dispersed) profile.tekun_care ??= 'dispersed';
    else if (centralised) profile.tekun_care ??= 'centralised';
    // A list of the person's statuses without 特困 says they have no way of 特困 support (rules that ask it of 特困 ask no one else).
    else if (!tekun) profile.tekun_care ??= 'none';
  }

  // 已退出现役 against 军人身份: 复员, 退伍, 离退休, 转业 and 退役士兵 have left service; 现役 has not, and 无 never served.
  const status = profile.military_status;
  if (profile.left_active_service === false && typeof status === 'string' && VETERAN_STATUSES.includes(status)) {
    issues.push(makeIssue('FACT_CONFLICT', `军人身份（military_status）为${FIELD_BY_KEY.get('military_status')?.values?.find((v) => v.value === status)?.zh}，已退出现役（left_active_service）却为否`, at('left_active_service')));
  } else if (profile.left_active_service === true && (status === 'active' || status === 'none')) {
    issues.push(makeIssue('FACT_CONFLICT', `军人身份（military_status）为${status === 'active' ? '现役军人' : '无'}，已退出现役（left_active_service）却为是`, at('left_active_service')));
  }

  // How a 残疾军人 left service says that they left it (未退役: that they have not); for anyone else 军人身份 says it already.
  if (profile.discharged_as === 'none') {
    const status = profile.military_status;
    if (typeof status === 'string' && VETERAN_STATUSES.includes(status)) {
      issues.push(makeIssue('FACT_CONFLICT', `军人身份（military_status）为${FIELD_BY_KEY.get('military_status')?.values?.find((v) => v.value === status)?.zh}，退役时身份（discharged_as）却是未退役`, at('discharged_as')));
    } else if (profile.left_active_service === true) {
      issues.push(makeIssue('FACT_CONFLICT', '已退出现役（left_active_service）为是，退役时身份（discharged_as）却是未退役', at('discharged_as')));
    }
    profile.left_active_service ??= false;
  } else if (profile.discharged_as !== undefined) {
    const status = profile.military_status;
    const same = (a: unknown, b: unknown) => a === b || (a === 'discharged' && b === 'retired_soldier');
    if (status === 'none' || status === 'active') {
      issues.push(makeIssue('FACT_CONFLICT', `军人身份（military_status）为${status === 'none' ? '无' : '现役军人'}，却给出了退役时身份（discharged_as）`, at('discharged_as')));
    } else if (status !== undefined && status !== 'disabled_veteran' && !same(status, profile.discharged_as)) {
      issues.push(makeIssue('FACT_CONFLICT', `退役时身份（discharged_as）与军人身份（military_status）不一致：退役时身份只用于残疾军人`, at('discharged_as')));
    } else if (profile.left_active_service === false) {
      issues.push(makeIssue('FACT_CONFLICT', '已退出现役（left_active_service）为否，却给出了退役时身份（discharged_as）', at('discharged_as')));
    }
    profile.left_active_service ??= true;
  }
  // Rules ask 已退出现役 and 退役时身份 of everyone, as 残疾军人 needs them said: the other statuses say them.
  const derived = militaryDerived(profile.military_status);
  if (derived.left !== undefined) profile.left_active_service ??= derived.left;
  if (derived.as !== undefined) profile.discharged_as ??= derived.as;

  // Facts that cannot stand together: one of them is written wrong, and which is for the person to say.
  // (未婚 beside a spouse's birth date is let stand: a partner in a marriage not registered has one.)
  if (profile.sex === 'male' && (profile.pregnancy === 'pregnant' || profile.pregnancy === 'postpartum')) {
    issues.push(makeIssue('FACT_CONFLICT', `性别为男，孕产状态却是${profile.pregnancy === 'pregnant' ? '孕期' : '产褥期'}`, at('pregnancy')));
  }

  if (typeof profile.township === 'string' && MERGED_TOWNSHIPS.includes(profile.township)) {
    warnings.push(makeIssue('OLD_TOWNSHIP', `${profile.township} 已于2019—2020年撤并，请填写现在的镇（街道）`, { ...at('township'), severity: 'warning' }));
  }

  if (issues.length > 0) return { ok: false, issues, warnings };
  return { ok: true, profile, warnings, unknownKeys };
}
