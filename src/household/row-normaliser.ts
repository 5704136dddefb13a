/**
 * Normalising roster rows fast. The profile reader's normaliseRecord is the
 * reference; this compiles a header once and remembers each column's
 * distinct cell values (rosters repeat 是/否, 农村, 低保 … a million times),
 * so a row costs a few map look-ups. Anything unusual — a bad cell, an ID
 * number that disagrees with the birth date, a warning — goes to
 * normaliseRecord itself, so messages and edge cases are exactly the
 * reader's. test/household/row-normaliser.test.ts holds the two equal.
 */
import type { Issue } from '../issues.js';
import { isBlankValue, isPlaceholder } from '../profile/blank.js';
import { coerceValue } from '../profile/coerce.js';
import { completedYears } from '../profile/dates.js';
import { FIELD_BY_KEY, type FieldDef } from '../profile/fields.js';
import { parseIdNumber } from '../profile/id-number.js';
import { militaryService, tekunCare } from '../profile/derived-facts.js';
import { normaliseRecord, type Profile } from '../profile/normalise.js';
import { MERGED_TOWNSHIPS } from '../profile/townships.js';
import type { ColumnPlan } from './columns.js';
import { emptyProfile, shaped } from './profile-shape.js';

export type RowNormalised = { ok: true; profile: Profile; warnings: readonly Issue[] } | { ok: false; issues: Issue[] };

export interface RowNormaliserOptions {
  asOf: string;
  file?: string;
  /** Only these profile keys (pass 1 reads just what household facts need). */
  keys?: readonly string[];
}

/** Distinct values remembered per column; past this a column is coerced cell by cell. */
const MEMO_LIMIT = 4096;
/**
 * Keys that normaliseRecord checks against each other beyond what the fast
 * path repeats below: a row giving any of them goes the slow way (they are
 * rare in rosters). The equivalence test fails when the reader learns a
 * new cross-check, which then belongs here or below.
 */
const CROSS_CHECKED = ['fp_surgery_complication_grade', 'fp_surgery_complication', 'tekun_care', 'discharged_as', 'left_active_service'];
/** A set: includes() compared the township with each name, on every row. */
const MERGED = new Set(MERGED_TOWNSHIPS);
const NO_WARNINGS: readonly Issue[] = Object.freeze([]);
/** What a memo holds for a blank cell and for one that does not coerce (the slow way tells why). */
const BLANK = Symbol('blank');
const FAILED = Symbol('failed');

interface Column {
  index: number;
  key: string;
  field: FieldDef;
  /** Raw cell to its value, BLANK or FAILED. */
  memo: Map<string, unknown> | undefined;
}

export type RowNormaliser = (cells: readonly string[], row: number) => RowNormalised;

const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};

/**
 * Completed years on the check date, as completedYears counts them, for the
 * valid ISO dates a normalised profile holds; read digit by digit, because
 * this runs twice for every row of a million-row roster.
 */
export function ageCounter(asOf: string): (birth: string) => number {
  const y = digits(asOf, 0, 4);
  const md = digits(asOf, 5, 7) * 100 + digits(asOf, 8, 10);
  return (birth) => {
    if (birth.length !== 10) return completedYears(birth, asOf);
    const years = y - digits(birth, 0, 4);
    return md < digits(birth, 5, 7) * 100 + digits(birth, 8, 10) ? years - 1 : years;
  };
}

export function compileRowNormaliser(plan: ColumnPlan, options: RowNormaliserOptions): RowNormaliser {
  const wanted = options.keys ? new Set(options.keys) : undefined;
  const columns: Column[] = [];
  plan.keys.forEach((key, index) => {
    if (key === undefined || (wanted && !wanted.has(key))) return;
    const field = FIELD_BY_KEY.get(key)!;
    columns.push({ index, key, field, memo: field.type === 'string' ? undefined : new Map() });
  });
  const { asOf } = options;

  const slow = (cells: readonly string[], row: number): RowNormalised => {
    const record: Record<string, unknown> = {};
    for (const c of columns) record[plan.labels[c.index]] = cells[c.index] ?? '';
    const result = normaliseRecord(record, { asOf, file: options.file, unknownKeys: 'ignore' });
    if (!result.ok) return { ok: false, issues: result.issues.map((i) => ({ ...i, line: row })) };
    return { ok: true, profile: shaped(result.profile), warnings: result.warnings.map((i) => ({ ...i, line: row })) };
  };

  /** A cell value a column's memo has not seen yet. */
  const learn = (c: Column, raw: string): unknown => {
    const coerced = isBlankValue(raw) ? undefined : coerceValue(c.field, raw);
    const value = coerced === undefined ? BLANK : coerced.ok ? coerced.value : FAILED;
    if (Array.isArray(value)) Object.freeze(value); // shared between rows
    if (c.memo!.size < MEMO_LIMIT) c.memo!.set(raw, value);
    return value;
  };

  const ageOn = ageCounter(asOf);
  const crossChecked = columns.some((c) => CROSS_CHECKED.includes(c.key));
  let conflicted = false;
  const noteConflict = () => {
    conflicted = true;
  };
  // Facts derived from other columns: looked at only when the roster has those columns.
  const hasMilitary = columns.some((c) => c.key === 'military_status');
  const hasAssistance = columns.some((c) => c.key === 'assistance');

  // The cross-field checks of normaliseRecord, for the common case; any doubt goes the slow way.
  const finish = (profile: Profile, cells: readonly string[], row: number): RowNormalised => {
    if (typeof profile.id_number === 'string') {
      const id = parseIdNumber(profile.id_number);
      if (!id.ok || id.legacy) return slow(cells, row);
      if (profile.birth_date !== undefined && profile.birth_date !== id.birthDate) return slow(cells, row);
      if (profile.sex !== undefined && profile.sex !== id.sex) return slow(cells, row);
      profile.id_number = id.normalised;
      profile.birth_date ??= id.birthDate;
      profile.sex ??= id.sex;
    }
    const birth = profile.birth_date;
    if (typeof birth === 'string' && birth > asOf) return slow(cells, row);
    const spouseBirth = profile.spouse_birth_date;
    if (typeof spouseBirth === 'string' && spouseBirth > asOf) return slow(cells, row);
    if (typeof birth === 'string') {
      const age = ageOn(birth);
      if (profile.age !== undefined && profile.age !== age) return slow(cells, row);
      profile.age = age;
    }
    if (typeof profile.township === 'string' && MERGED.has(profile.township)) return slow(cells, row);
    if (profile.sex === 'male' && (profile.pregnancy === 'pregnant' || profile.pregnancy === 'postpartum')) return slow(cells, row);
    if (crossChecked) for (const key of CROSS_CHECKED) if (profile[key] !== undefined) return slow(cells, row);
    // Derived as normaliseRecord derives them. tekun_care, left_active_service and discharged_as, when given,
    // went the slow way above, so only the assistance list can contradict itself here (分散 and 集中).
    if (hasMilitary) militaryService(profile, noteConflict);
    if (hasAssistance) tekunCare(profile, noteConflict);
    if (conflicted) {
      conflicted = false;
      return slow(cells, row);
    }
    return { ok: true, profile, warnings: NO_WARNINGS };
  };

  return generate(columns, { emptyProfile, BLANK, FAILED, learn, slow, finish, isPlaceholder });
}

/**
 * The column loop unrolled into code generated for the header: a line per
 * column with its cell index, its memo in a local and a store
 * `p["hukou_type"] = …` by a constant name. A loop storing `p[c.key]` has one
 * keyed store site for sixty names, megamorphic; unrolled, the normaliser
 * takes half the time. Keys enter the source through JSON.stringify only.
 */
function generate(columns: readonly Column[], helpers: Record<string, unknown>): RowNormaliser {
  const names = Object.keys(helpers);
  const lines = columns.map((c, k) => {
    const cell = `raw=cells[${c.index}];if(raw!==undefined&&raw!==''){`;
    const store = `p[${JSON.stringify(c.key)}]`;
    if (c.memo === undefined) return `${cell}text=raw.trim();if(text!==''&&!isPlaceholder(text))${store}=text;}`;
    // Only a new value is trimmed and coerced; a remembered one is a single look-up.
    return `${cell}v=m${k}.get(raw);if(v===undefined)v=learn(columns[${k}],raw);if(v!==BLANK){if(v===FAILED)return slow(cells,row);${store}=v;}}`;
  });
  const memos = columns.map((c, k) => (c.memo ? `const m${k}=columns[${k}].memo;` : '')).join('');
  const source = `${memos}return function normaliseRow(cells,row){\nconst p=emptyProfile();let raw,text,v;\n${lines.join('\n')}\nreturn finish(p,cells,row);};`;
  return new Function('columns', ...names, source)(columns, ...names.map((n) => helpers[n])) as RowNormaliser;
}
