/**
 * Household-derived facts (spec/profile.md, "Household"): a household's
 * members folded into one 32-bit state, and from it the facts each member's
 * rules see. Unknown stays unknown: a household is a zero-employment one
 * only when the known facts settle it.
 */
import type { Profile } from '../profile/normalise.js';
import {
  M_ASSISTANCE_UNKNOWN,
  M_DIBAO,
  M_LOW_INCOME,
  M_TEKUN,
  NO,
  REL_CHILD,
  REL_HEAD,
  REL_PARENT,
  REL_SPOUSE,
  REL_UNKNOWN,
  UNKNOWN,
  UNKNOWN_MEMBER,
  YES,
  and,
  candidateOf,
  disabledOf,
  employedOf,
  migrantOf,
  relationshipOf,
  type Truth,
} from './member-facts.js';

// Layout of a household state.
const ASSISTANCE_MASK = M_DIBAO | M_TEKUN | M_LOW_INCOME | M_ASSISTANCE_UNKNOWN;
const CANDIDATE_YES = 1 << 4;
const CANDIDATE_UNKNOWN = 1 << 5;
const EMPLOYED_YES = 1 << 6;
const EMPLOYED_UNKNOWN = 1 << 7;
const DISABLED_YES = 8; // 2-bit counters from here on, saturating
const DISABLED_UNKNOWN = 10;
const HEAD_SPOUSE_COUNT = 12;
// Flags, not counters: a saturating count of rows away could equal the
// saturated count of rows while one more row is at home.
const HEAD_SPOUSE_NOT_ALL_AWAY = 1 << 14;
const HEAD_SPOUSE_NOT_ALL_HOME = 1 << 16;
const PARENT_COUNT = 18;
const PARENT_NOT_ALL_AWAY = 1 << 20;
const PARENT_NOT_ALL_HOME = 1 << 22;
/** Some member's relationship is unknown: with fewer than two parent rows, it may be the other parent. */
const RELATIONSHIP_UNKNOWN = 1 << 24;

const counter = (state: number, shift: number): number => (state >>> shift) & 3;
const bump = (state: number, shift: number, max: number): number => (counter(state, shift) < max ? state + (1 << shift) : state);

function bumpParents(state: number, code: number, count: number, notAllAway: number, notAllHome: number): number {
  state = bump(state, count, 3);
  const m = migrantOf(code);
  if (m !== YES) state |= notAllAway;
  if (m !== NO) state |= notAllHome;
  return state;
}

/** The household state with one more member. An empty household is state 0. */
export function addMember(state: number, code: number): number {
  state |= code & ASSISTANCE_MASK;
  const candidate = candidateOf(code);
  if (candidate === YES) state |= CANDIDATE_YES;
  else if (candidate === UNKNOWN) state |= CANDIDATE_UNKNOWN;
  const employed = employedOf(code);
  if (employed === YES) state |= EMPLOYED_YES;
  else if (employed === UNKNOWN) state |= EMPLOYED_UNKNOWN;
  const dis = disabledOf(code);
  if (dis === YES) state = bump(state, DISABLED_YES, 2);
  else if (dis === UNKNOWN) state = bump(state, DISABLED_UNKNOWN, 2);
  const rel = relationshipOf(code);
  if (rel === REL_HEAD || rel === REL_SPOUSE) state = bumpParents(state, code, HEAD_SPOUSE_COUNT, HEAD_SPOUSE_NOT_ALL_AWAY, HEAD_SPOUSE_NOT_ALL_HOME);
  else if (rel === REL_PARENT) state = bumpParents(state, code, PARENT_COUNT, PARENT_NOT_ALL_AWAY, PARENT_NOT_ALL_HOME);
  else if (rel === REL_UNKNOWN) state |= RELATIONSHIP_UNKNOWN;
  return state | 0;
}

/**
 * A row without a household id: its household is this member and others
 * of whom nothing is known (two unknown members, which the saturating
 * counters read as "any number"). Its household facts are then what this
 * member alone settles (its own 低保 makes a 低保 household, its own job
 * rules out a zero-employment one), and unknown otherwise: a person whose
 * household is not given is not taken to live alone.
 */
export function householdOfUnknownOthers(code: number): number {
  return addMember(addMember(addMember(0, code), UNKNOWN_MEMBER), UNKNOWN_MEMBER);
}

const orTruth = (yes: boolean, unknown: boolean): Truth => (yes ? YES : unknown ? UNKNOWN : NO);
const fromTruth = (t: Truth): boolean | undefined => (t === YES ? true : t === NO ? false : undefined);

const ASSISTANCE_SETS: readonly (readonly string[])[] = Array.from({ length: 8 }, (_, bits) =>
  Object.freeze([bits & M_DIBAO ? 'dibao' : '', bits & M_TEKUN ? 'tekun' : '', bits & M_LOW_INCOME ? 'low_income' : ''].filter(Boolean)),
);

/** The household's assistance: a member with dibao, tekun or low_income makes the household so. */
export function householdAssistance(state: number): readonly string[] | undefined {
  const bits = state & (M_DIBAO | M_TEKUN | M_LOW_INCOME);
  if (bits !== 0) return ASSISTANCE_SETS[bits];
  return state & M_ASSISTANCE_UNKNOWN ? undefined : ASSISTANCE_SETS[0];
}

/** 零就业家庭: a working-age member who is not a student, and none of working age in work. */
export function zeroEmployment(state: number): boolean | undefined {
  const someone = orTruth((state & CANDIDATE_YES) !== 0, (state & CANDIDATE_UNKNOWN) !== 0);
  const working = orTruth((state & EMPLOYED_YES) !== 0, (state & EMPLOYED_UNKNOWN) !== 0);
  return fromTruth(and(someone, (2 - working) as Truth));
}

/** 一户多残: two or more disabled members. */
export function multipleDisabled(state: number): boolean | undefined {
  const yes = counter(state, DISABLED_YES);
  if (yes >= 2) return true;
  return yes + counter(state, DISABLED_UNKNOWN) < 2 ? false : undefined;
}

/**
 * A child's left-behind status from the parents' migrant work: for a child
 * of the head, the head and spouse; for the head, the rows marked parent.
 * Settled only when every parent row is known: all away (two or more) is
 * both_parents_migrant, all at home is none; anything else stays unknown
 * (one away may be "the other cannot be guardian", which no column says).
 * A single parent row at home settles nothing while a member of unknown
 * relationship (a blank cell, an error row) may be the other parent.
 */
export function leftBehind(state: number, relationship: number): string | undefined {
  let n: number;
  let allAway: boolean;
  let allHome: boolean;
  if (relationship === REL_CHILD) {
    n = counter(state, HEAD_SPOUSE_COUNT);
    allAway = (state & HEAD_SPOUSE_NOT_ALL_AWAY) === 0;
    allHome = (state & HEAD_SPOUSE_NOT_ALL_HOME) === 0;
  } else if (relationship === REL_HEAD) {
    n = counter(state, PARENT_COUNT);
    allAway = (state & PARENT_NOT_ALL_AWAY) === 0;
    allHome = (state & PARENT_NOT_ALL_HOME) === 0;
  } else return undefined;
  if (n === 0) return undefined;
  if (n >= 2 && allAway) return 'both_parents_migrant';
  if (allHome && (n >= 2 || (state & RELATIONSHIP_UNKNOWN) === 0)) return 'none';
  return undefined;
}

/** The facts applyHouseholdFacts may add. */
export const HOUSEHOLD_FACTS: readonly string[] = ['household_assistance', 'zero_employment_household', 'household_multiple_disabled', 'left_behind'];

/**
 * Adds the household-derived facts to a member's profile, in place. A fact
 * on the member's own row wins.
 */
export function applyHouseholdFacts(profile: Profile, state: number, memberCode: number): Profile {
  if (profile.household_assistance === undefined) {
    const v = householdAssistance(state);
    if (v !== undefined) profile.household_assistance = v;
  }
  if (profile.zero_employment_household === undefined) {
    const v = zeroEmployment(state);
    if (v !== undefined) profile.zero_employment_household = v;
  }
  if (profile.household_multiple_disabled === undefined) {
    const v = multipleDisabled(state);
    if (v !== undefined) profile.household_multiple_disabled = v;
  }
  if (profile.left_behind === undefined) {
    const v = leftBehind(state, relationshipOf(memberCode));
    if (v !== undefined) profile.left_behind = v;
  }
  return profile;
}
