/**
 * Seeded, complete, plausible profiles for the evaluation benchmark: a mix of
 * ages, hukou, schooling, work, insurance, assistance, disability, health
 * and military status, with the usual correlations (children at school,
 * workers insured through their employer, the old more often ill). Every
 * fact a rule can read is present, so two-valued engines can take part;
 * where a real person would have nothing to say (a graduation date for a
 * child), the value is plausible and irrelevant; a fact that may only be
 * given with another (a complication's grade) is left out without it. A fact added to the field
 * table later gets a value by its type until it is given a line here.
 */
import { addYears, completedYears } from '../src/profile/dates.js';
import { CURRENT_TOWNSHIPS } from '../src/profile/townships.js';
import { RULE_FACTS, type FieldDef } from '../src/profile/fields.js';
import type { Profile } from '../src/profile/normalise.js';
import { seededRandom } from './random.js';

export const BENCH_AS_OF = '2025-06-01';
export const BENCH_SEED = 20250601;


type Rand = () => number;

const DAY = 86_400_000;
const toDays = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY;
const fromDays = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

function pick<T>(r: Rand, values: readonly T[]): T {
  return values[Math.floor(r() * values.length)];
}

/** One of `weights`' keys, with probability proportional to its weight. */
function weighted<K extends string>(r: Rand, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let x = r() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [k, w] of entries) {
    x -= w;
    if (x < 0) return k;
  }
  return entries[entries.length - 1][0];
}

const int = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const chance = (r: Rand, p: number) => r() < p;
/** A date uniformly between two ISO dates (inclusive). */
const dateBetween = (r: Rand, from: string, to: string) => fromDays(int(r, toDays(from), toDays(to)));
/** Each value in with its own probability, in the table's order. */
function subset(r: Rand, probabilities: Record<string, number>): string[] {
  return Object.entries(probabilities)
    .filter(([, p]) => chance(r, p))
    .map(([v]) => v);
}

/** A value for a fact nobody has described here yet, by its type. */
function byType(r: Rand, field: FieldDef, asOf: string): unknown {
  const values = (field.values ?? []).map((v) => v.value);
  switch (field.type) {
    case 'boolean':
      return chance(r, 0.05);
    case 'enum':
      return pick(r, values);
    case 'set':
      return chance(r, 0.8) ? [] : [pick(r, values)];
    case 'integer':
      return int(r, field.min ?? 0, field.max ?? 10);
    case 'number':
      return Math.round(r() * 1000);
    case 'date':
      return dateBetween(r, addYears(asOf, -10), asOf);
    case 'string':
      return 'x';
  }
}

interface Person {
  r: Rand;
  asOf: string;
  age: number;
  sex: 'male' | 'female';
  rural: boolean;
  school: string;
  work: string;
  disabled: boolean;
  veteran: boolean;
  graduate: 'college' | 'secondary_specialized' | 'none';
  birth: string;
}

type Gen = (p: Person, so: Profile) => unknown;

const ADULT_WORK = { employed: 55, self_employed: 10, flexible: 12, unemployed: 8, not_in_labor_force: 15 };

/** Facts with a realistic distribution; `so` holds the facts generated so far (field-table order). */
const GENERATORS: Record<string, Gen> = {
  birth_date: (p) => p.birth,
  age: (p) => p.age,
  sex: (p) => p.sex,
  hukou_type: (p) => (p.rural ? 'rural' : 'urban'),
  hukou_local: ({ r }) => chance(r, 0.88),
  resident: ({ r }) => chance(r, 0.85),
  residence_area: (p) => (chance(p.r, 0.85) === p.rural ? 'rural' : 'urban'),
  township: ({ r }) => pick(r, CURRENT_TOWNSHIPS),
  marital_status: ({ r, age }) =>
    age < 20 ? 'unmarried' : age < 30 ? weighted(r, { unmarried: 50, married: 45, divorced: 5 }) : weighted(r, { married: 75, unmarried: 5, divorced: 8, widowed: age >= 60 ? 25 : 2 }),
  spouse_birth_date: ({ r, birth, asOf }) => {
    const d = toDays(birth) + int(r, -5 * 365, 5 * 365);
    return fromDays(Math.min(d, toDays(asOf)));
  },
  pregnancy: ({ r, sex, age }) => (sex === 'female' && age >= 20 && age <= 45 ? weighted(r, { none: 85, planning: 6, pregnant: 6, postpartum: 3 }) : 'none'),
  family_planning: ({ r }) => weighted(r, { one_child: 60, two_daughters: 30, only_child_disabled: 5, only_child_deceased: 5 }),
  fp_surgery_complication: ({ r, age }) => age >= 20 && chance(r, 0.01),
  fp_surgery_complication_grade: ({ r }) => int(r, 1, 4),
  fp_special_support_enrolled: ({ r }) => chance(r, 0.02),
  orphan: ({ r, age }) => age < 18 && chance(r, 0.01),
  de_facto_unsupported: ({ r, age }) => age < 18 && chance(r, 0.01),
  left_behind: ({ r, age, rural }) => (age < 18 && rural ? weighted(r, { none: 80, both_parents_migrant: 15, one_parent_migrant_other_incapable: 5 }) : 'none'),
  child_difficulty: ({ r, age }) => (age < 18 ? subset(r, { family_poverty: 0.04, disability: 0.01, guardianship_lacking: 0.01 }) : []),
  school_level: (p) => p.school,
  school_grade: ({ r, age, school }) =>
    school === 'primary' ? Math.min(6, Math.max(1, age - 5)) : school === 'junior_secondary' ? Math.min(9, Math.max(7, age - 5)) : school === 'senior_secondary' || school === 'secondary_vocational' ? Math.min(3, Math.max(1, age - 14)) : int(r, 1, 9),
  kindergarten_inclusive: ({ r }) => chance(r, 0.7),
  formal_enrollment: ({ r, school }) => school !== 'none' && chance(r, 0.95),
  vocational_major: ({ r }) => weighted(r, { agricultural: 15, opera: 2, other_performing_arts: 5, other: 78 }),
  special_school: ({ r, disabled, school }) => school !== 'none' && disabled && chance(r, 0.3),
  family_financial_difficulty: ({ r }) => chance(r, 0.12),
  employment_status: (p) => p.work,
  employer_type: ({ r }) => weighted(r, { public: 15, non_public: 80, foreign_office: 5 }),
  seeks_work: ({ r, work }) => chance(r, work === 'unemployed' ? 0.8 : 0.08),
  wants_training: ({ r }) => chance(r, 0.15),
  // A college graduate left recently or long ago; anyone else has a date long past.
  college_graduation_date: ({ r, asOf, birth, graduate }) =>
    graduate === 'college' ? fromDays(Math.min(toDays(addYears(birth, int(r, 21, 23))) + int(r, 0, 364), toDays(asOf))) : dateBetween(r, addYears(asOf, -30), addYears(asOf, -3)),
  employment_difficulty: ({ r, work }) => chance(r, work === 'unemployed' ? 0.3 : 0.01),
  left_public_sector: ({ r }) => chance(r, 0.01),
  migrant_worker: ({ r, age, rural }) => rural && age >= 18 && age < 60 && chance(r, 0.25),
  insurance: ({ r, age, work }) =>
    work === 'employed'
      ? subset(r, { employee_medical: 0.9, employee_pension: 0.85, unemployment: 0.7, work_injury: 0.75, maternity: 0.6 })
      : subset(r, { resident_medical: 0.95, resident_pension: age >= 16 ? 0.7 : 0 }),
  assistance: ({ r }) =>
    chance(r, 0.1) ? subset(r, { dibao: 0.35, tekun: 0.05, tekun_dispersed: 0.03, tekun_centralised: 0.02, low_income: 0.25, dibao_edge: 0.1, poverty_alleviated: 0.3, at_risk: 0.05, formerly_registered_poor: 0.2 }) : [],
  monthly_income_per_capita: ({ r }, so) => Math.round((so.assistance as string[]).length ? 200 + r() * 900 : 400 + r() * r() * 6000),
  impoverished_by_illness: ({ r }) => chance(r, 0.02),
  disability_certified: (p) => p.disabled,
  disability_grade: ({ r }) => int(r, 1, 4),
  disability_categories: ({ r, disabled }) => (disabled ? [pick(r, ['visual', 'hearing', 'speech', 'physical', 'intellectual', 'mental', 'multiple'])] : []),
  autism: ({ r, age }) => chance(r, age < 18 ? 0.01 : 0.002),
  cerebral_palsy: ({ r }) => chance(r, 0.003),
  rehab_need: ({ r, disabled }) => chance(r, disabled ? 0.5 : 0.02),
  needs_cochlear_implant: ({ r }) => chance(r, 0.002),
  needs_orthopedic_surgery: ({ r }) => chance(r, 0.003),
  conditions: ({ r, age }) =>
    subset(r, {
      hypertension: age >= 60 ? 0.35 : age >= 35 ? 0.1 : 0.005,
      type2_diabetes: age >= 60 ? 0.12 : age >= 35 ? 0.04 : 0.002,
      tuberculosis: 0.001,
      severe_mental_disorder: 0.005,
      hiv: 0.001,
      endemic_disease: 0.01,
      serious_illness: 0.01,
    }),
  infectious_disease_role: ({ r }) => weighted(r, { none: 970, patient: 10, suspected: 5, close_contact: 12, emergency_casualty: 3 }),
  hiv_high_risk_behavior: ({ r }) => chance(r, 0.005),
  emergency_unable_to_pay: ({ r }) => chance(r, 0.003),
  military_status: ({ r, veteran }) =>
    veteran ? weighted(r, { active: 10, disabled_veteran: 5, demobilized: 10, discharged: 25, retired_cadre: 5, transferred_officer: 5, retired_soldier: 40 }) : 'none',
  government_placement_eligible: ({ r, veteran }) => veteran && chance(r, 0.3),
  military_family: ({ r }) => (chance(r, 0.02) ? [pick(r, ['martyr_survivor', 'duty_death_survivor', 'illness_death_survivor', 'active_duty_family'])] : []),
  dangerous_house: ({ r, rural }) => chance(r, rural ? 0.03 : 0.005),
  shantytown: ({ r, rural }) => chance(r, rural ? 0.005 : 0.03),
  housing_difficulty: ({ r }) => chance(r, 0.08),
  new_graduate_employed: ({ r, age }) => age >= 21 && age <= 30 && chance(r, 0.05),
  new_citizen: ({ r }) => chance(r, 0.05),
  rural_housing_aid_received: ({ r, rural }) => rural && chance(r, 0.05),
  sudden_hardship: ({ r }) => chance(r, 0.02),
  disaster_affected: ({ r }) => chance(r, 0.01),
  legal_aid_need: ({ r }) => chance(r, 0.02),
  labor_relation_ended: ({ r, age }) => age >= 18 && chance(r, 0.03),
  graduate_type: (p) => p.graduate,
  private_overseas: ({ r }) => chance(r, 0.005),
  no_work_capacity: ({ r, age, disabled }) => chance(r, age >= 70 ? 0.3 : disabled ? 0.4 : 0.01),
  no_income_source: ({ r }) => chance(r, 0.03),
  no_legal_supporter: ({ r }) => chance(r, 0.02),
  // As the reader derives them where it can: the way of 特困 support from the assistance list, leaving service from 军人身份.
  tekun_care: ({ r }, so) => {
    const a = so.assistance as string[];
    if (a.includes('tekun_dispersed')) return 'dispersed';
    if (a.includes('tekun_centralised')) return 'centralised';
    if (!a.includes('tekun')) return 'none';
    return chance(r, 0.6) ? 'dispersed' : 'centralised';
  },
  left_active_service: ({ r }, so) => (so.military_status === 'disabled_veteran' ? chance(r, 0.7) : !['active', 'none'].includes(so.military_status as string)),
  discharged_as: ({ r }, so) => {
    const status = so.military_status as string;
    if (status === 'disabled_veteran') return so.left_active_service ? weighted(r, { transferred_officer: 10, retired_soldier: 60, demobilized: 20, retired_cadre: 10 }) : 'none';
    if (status === 'active' || status === 'none') return 'none';
    return status === 'discharged' ? 'retired_soldier' : status;
  },
  household_assistance: ({ r }, so) => (so.assistance as string[]).filter((a) => (a === 'dibao' || a === 'tekun' || a === 'low_income') && chance(r, 0.9)),
  zero_employment_household: ({ r }) => chance(r, 0.02),
  household_multiple_disabled: ({ r, disabled }) => disabled && chance(r, 0.1),
};

/**
 * Facts a profile may give only when other facts allow (the reader rejects
 * them otherwise): a complication's grade beside a complication. Every rule
 * that reads one reads the other first.
 */
export const ONLY_WITH: Readonly<Record<string, (p: Profile) => boolean>> = {
  fp_surgery_complication_grade: (p) => p.fp_surgery_complication === true,
};

/** Not generated: the ID number (birth date and sex are given instead). */
const SKIPPED = new Set(['id_number']);
const FACTS = RULE_FACTS.filter((f) => !SKIPPED.has(f.key));

function person(r: Rand, asOf: string): Person {
  const age = weighted(r, { child: 20, adult: 55, old: 25 }) === 'child' ? int(r, 0, 17) : r() < 55 / 80 ? int(r, 18, 59) : int(r, 60, 60 + Math.floor(r() * r() * 40));
  // Born within the year that gives exactly this age on asOf.
  const birth = dateBetween(r, fromDays(toDays(addYears(asOf, -(age + 1))) + 1), addYears(asOf, -age));
  const school =
    age < 3 ? 'none'
    : age <= 5 ? (chance(r, 0.85) ? 'kindergarten' : 'none')
    : age <= 11 ? 'primary'
    : age <= 14 ? 'junior_secondary'
    : age <= 17 ? weighted(r, { senior_secondary: 50, secondary_vocational: 40, none: 10 })
    : age <= 22 ? (chance(r, 0.4) ? 'higher' : 'none')
    : 'none';
  const work = age < 16 ? (school === 'none' ? 'not_in_labor_force' : 'student')
    : school !== 'none' ? 'student'
    : age >= 60 ? weighted(r, { retired: 60, not_in_labor_force: 30, employed: 10 })
    : weighted(r, ADULT_WORK);
  return {
    r, asOf, age: completedYears(birth, asOf), birth, school, work,
    sex: chance(r, 0.5) ? 'male' : 'female',
    rural: chance(r, 0.6),
    disabled: chance(r, age >= 60 ? 0.12 : 0.04),
    veteran: age >= 18 && chance(r, 0.03),
    graduate: age >= 21 ? weighted(r, { college: 25, secondary_specialized: 10, none: 65 }) : 'none',
  };
}

/** One complete profile, with its keys in field-table order like a normalised profile. */
function profile(r: Rand, asOf: string): Profile {
  const p = person(r, asOf);
  const out: Profile = {};
  for (const field of FACTS) {
    const gen = GENERATORS[field.key];
    const value = gen ? gen(p, out) : byType(r, field, asOf);
    const allowed = ONLY_WITH[field.key];
    if (allowed === undefined || allowed(out)) out[field.key] = value;
  }
  return out;
}

/** `count` complete profiles from a seed; the same seed gives the same profiles. */
export function generateProfiles(count: number, options: { seed?: number; asOf?: string } = {}): Profile[] {
  const r = seededRandom(options.seed ?? BENCH_SEED);
  const asOf = options.asOf ?? BENCH_AS_OF;
  return Array.from({ length: count }, () => profile(r, asOf));
}
