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
import { coerceValue, type Coerced } from '../profile/coerce.js';
import { completedYears } from '../profile/dates.js';
import { FIELD_BY_KEY, type FieldDef } from '../profile/fields.js';
import { parseIdNumber } from '../profile/id-number.js';
import { normaliseRecord, type Profile } from '../profile/normalise.js';
import { MERGED_TOWNSHIPS } from '../profile/townships.js';
import type { ColumnPlan } from './columns.js';
import { emptyProfile, shaped } from './profile-shape.js';

export type RowNormalised = { ok: true; profile: Profile; warnings: Issue[] } | { ok: false; issues: Issue[] };

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
const CROSS_CHECKED = ['fp_surgery_complication_grade', 'fp_surgery_complication'];
const BLANK: Coerced = { ok: true, value: undefined };

interface Column {
  index: number;
  key: string;
  field: FieldDef;
  memo: Map<string, Coerced> | undefined;
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

  const ageOn = ageCounter(asOf);

  return (cells, row) => {
    const profile: Profile = emptyProfile();
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k];
      const raw = cells[c.index];
      if (raw === undefined || raw === '') continue;
      if (c.memo === undefined) {
        const text = raw.trim();
        if (text !== '') profile[c.key] = text;
        continue;
      }
      let hit = c.memo.get(raw);
      if (hit === undefined) {
        hit = raw.trim() === '' ? BLANK : coerceValue(c.field, raw);
        if (hit.ok && Array.isArray(hit.value)) Object.freeze(hit.value); // shared between rows
        if (c.memo.size < MEMO_LIMIT) c.memo.set(raw, hit);
      }
      if (hit === BLANK) continue;
      if (!hit.ok) return slow(cells, row);
      profile[c.key] = hit.value;
    }

    // The cross-field checks of normaliseRecord, for the common case; any doubt goes the slow way.
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
    if (typeof profile.township === 'string' && MERGED_TOWNSHIPS.includes(profile.township)) return slow(cells, row);
    for (const key of CROSS_CHECKED) if (profile[key] !== undefined) return slow(cells, row);
    return { ok: true, profile, warnings: [] };
  };
}
