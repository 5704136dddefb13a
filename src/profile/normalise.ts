/**
 * From raw facts (any spelling of keys and values) to a normalised profile:
 * English keys, typed values, age computed for the check date, birth date and
 * sex read from the ID number, contradictions rejected. An absent fact stays
 * absent: unknown, never false.
 */
import { CliError, makeIssue, type Issue } from '../issues.js';
import { isBlankValue } from './blank.js';
import { militaryService, tekunCare } from './derived-facts.js';
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
export const DERIVED_FROM: Readonly<Record<string, readonly string[]>> = {
  id_number: ['birth_date', 'sex', 'age'],
  birth_date: ['age'],
  fp_surgery_complication_grade: ['fp_surgery_complication'],
  assistance: ['tekun_care'],
  discharged_as: ['left_active_service'],
  military_status: ['left_active_service', 'discharged_as'],
};

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

  // Facts one field says of another (how 特困 support is given; leaving service), and their contradictions.
  const conflict = (key: string, message: string) => issues.push(makeIssue('FACT_CONFLICT', message, at(key)));
  tekunCare(profile, conflict);
  militaryService(profile, conflict);

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
