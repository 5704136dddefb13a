/**
 * What one member contributes to the household-derived facts, packed in a
 * small integer so a million members cost a few megabytes. Each yes/no is
 * three-valued (0 no, 1 unknown, 2 yes): a blank cell is unknown, not no.
 */
import type { Profile } from '../profile/normalise.js';

export type Truth = 0 | 1 | 2;
export const NO: Truth = 0;
export const UNKNOWN: Truth = 1;
export const YES: Truth = 2;

export const and = (a: Truth, b: Truth): Truth => (a < b ? a : b);

/** Relationship to the head, as it matters for a child's parents. */
export const REL_OTHER = 0;
export const REL_HEAD = 1;
export const REL_SPOUSE = 2;
export const REL_PARENT = 3;
export const REL_CHILD = 4;
/** Not given (or the row could not be read): the member may be anyone, a parent too. */
export const REL_UNKNOWN = 5;

const RELATIONSHIP: Record<string, number> = { head: REL_HEAD, spouse: REL_SPOUSE, parent: REL_PARENT, child: REL_CHILD };

// Layout of a member code.
export const M_DIBAO = 1 << 0;
export const M_TEKUN = 1 << 1;
export const M_LOW_INCOME = 1 << 2;
export const M_ASSISTANCE_UNKNOWN = 1 << 3;
const CANDIDATE_SHIFT = 4; // working age and not a student
const EMPLOYED_SHIFT = 6; // working age and employed, self-employed or in flexible work
const DISABLED_SHIFT = 8;
const MIGRANT_SHIFT = 10;
const RELATIONSHIP_SHIFT = 12;

export const WORKING_AGE = { from: 16, to: 59 } as const;
const WORKING = new Set(['employed', 'self_employed', 'flexible']);

const bool = (v: unknown): Truth => (v === true ? YES : v === false ? NO : UNKNOWN);

function workingAge(p: Profile): Truth {
  if (typeof p.age !== 'number') return UNKNOWN;
  return p.age >= WORKING_AGE.from && p.age <= WORKING_AGE.to ? YES : NO;
}

function notStudent(p: Profile): Truth {
  if (p.employment_status === 'student') return NO;
  if (p.school_level !== undefined && p.school_level !== 'none') return NO;
  return p.employment_status === undefined ? UNKNOWN : YES;
}

function working(p: Profile): Truth {
  if (p.employment_status === undefined) return UNKNOWN;
  return WORKING.has(p.employment_status as string) ? YES : NO;
}

function disabled(p: Profile): Truth {
  const categories = p.disability_categories;
  if (p.disability_certified === true || p.disability_grade !== undefined) return YES;
  if (Array.isArray(categories) && categories.length > 0) return YES;
  return p.disability_certified === false ? NO : UNKNOWN;
}

/** The profile keys member facts read (pass 1 normalises only these). */
export const MEMBER_KEYS: readonly string[] = [
  'household_id', 'relationship', 'id_number', 'birth_date', 'age', 'sex', 'employment_status', 'school_level',
  'assistance', 'disability_certified', 'disability_grade', 'disability_categories', 'migrant_worker',
];

/** A member of whom nothing can be read (a row that failed): every fact unknown. */
export const UNKNOWN_MEMBER =
  M_ASSISTANCE_UNKNOWN |
  (UNKNOWN << CANDIDATE_SHIFT) |
  (UNKNOWN << EMPLOYED_SHIFT) |
  (UNKNOWN << DISABLED_SHIFT) |
  (UNKNOWN << MIGRANT_SHIFT) |
  (REL_UNKNOWN << RELATIONSHIP_SHIFT);

const relationshipCode = (relationship: unknown): number =>
  relationship === undefined ? REL_UNKNOWN : (RELATIONSHIP[relationship as string] ?? REL_OTHER);

/** A member of whom nothing is known but, perhaps, how it is related to the head. */
export function unknownMember(relationship: unknown): number {
  return (UNKNOWN_MEMBER & ~(7 << RELATIONSHIP_SHIFT)) | (relationshipCode(relationship) << RELATIONSHIP_SHIFT);
}

export function memberCode(p: Profile): number {
  let code = 0;
  const assistance = p.assistance;
  if (Array.isArray(assistance)) {
    for (const a of assistance) {
      if (a === 'dibao') code |= M_DIBAO;
      else if (a === 'tekun' || a === 'tekun_dispersed' || a === 'tekun_centralised') code |= M_TEKUN;
      else if (a === 'low_income') code |= M_LOW_INCOME;
    }
  } else {
    code |= M_ASSISTANCE_UNKNOWN;
  }
  const age = workingAge(p);
  code |= and(age, notStudent(p)) << CANDIDATE_SHIFT;
  code |= and(age, working(p)) << EMPLOYED_SHIFT;
  code |= disabled(p) << DISABLED_SHIFT;
  code |= bool(p.migrant_worker) << MIGRANT_SHIFT;
  code |= relationshipCode(p.relationship) << RELATIONSHIP_SHIFT;
  return code;
}

export const candidateOf = (code: number): Truth => ((code >> CANDIDATE_SHIFT) & 3) as Truth;
export const employedOf = (code: number): Truth => ((code >> EMPLOYED_SHIFT) & 3) as Truth;
export const disabledOf = (code: number): Truth => ((code >> DISABLED_SHIFT) & 3) as Truth;
export const migrantOf = (code: number): Truth => ((code >> MIGRANT_SHIFT) & 3) as Truth;
export const relationshipOf = (code: number): number => (code >> RELATIONSHIP_SHIFT) & 7;
