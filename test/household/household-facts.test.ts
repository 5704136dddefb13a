import { describe, expect, it } from 'vitest';
import {
  addMember,
  applyHouseholdFacts,
  householdAssistance,
  leftBehind,
  multipleDisabled,
  zeroEmployment,
} from '../../src/household/household-facts.js';
import { memberCode, REL_CHILD, REL_HEAD, REL_SPOUSE, UNKNOWN_MEMBER } from '../../src/household/member-facts.js';
import type { Profile } from '../../src/profile/normalise.js';

const household = (...members: Profile[]) => members.reduce((state, p) => addMember(state, memberCode(p)), 0);

describe('household assistance', () => {
  it('is dibao when one member is listed with dibao', () => {
    expect(householdAssistance(household({ assistance: ['dibao'] }, { assistance: [] }))).toEqual(['dibao']);
  });
  it('counts dispersed tekun support as tekun, and joins several', () => {
    expect(householdAssistance(household({ assistance: ['tekun_dispersed'] }, { assistance: ['low_income', 'poverty_alleviated'] }))).toEqual(['tekun', 'low_income']);
  });
  it('is none only when every member is known', () => {
    expect(householdAssistance(household({ assistance: [] }, { assistance: ['poverty_alleviated'] }))).toEqual([]);
    expect(householdAssistance(household({ assistance: [] }, {}))).toBeUndefined();
  });
});

describe('zero-employment household', () => {
  it('is so when a working-age member is out of work and nobody of working age works', () => {
    expect(zeroEmployment(household({ age: 45, employment_status: 'unemployed' }, { age: 70, employment_status: 'retired' }))).toBe(true);
  });
  it('is not when a working-age member works, is self-employed or in flexible work', () => {
    for (const status of ['employed', 'self_employed', 'flexible']) {
      expect(zeroEmployment(household({ age: 45, employment_status: 'unemployed' }, { age: 30, employment_status: status }))).toBe(false);
    }
  });
  it('does not count students, children or the old as the working-age member', () => {
    expect(zeroEmployment(household({ age: 19, employment_status: 'student' }, { age: 12 }, { age: 75, employment_status: 'retired' }))).toBe(false);
    expect(zeroEmployment(household({ age: 17, school_level: 'senior_secondary', employment_status: 'unemployed' }))).toBe(false);
  });
  it('stays unknown while a working-age member’s work is unknown', () => {
    expect(zeroEmployment(household({ age: 45, employment_status: 'unemployed' }, { age: 40 }))).toBeUndefined();
    expect(zeroEmployment(household({ employment_status: 'unemployed' }))).toBeUndefined();
  });
  it('a known worker settles it even beside unknown members', () => {
    expect(zeroEmployment(household({ age: 40, employment_status: 'employed' }, {}))).toBe(false);
  });
});

describe('several disabled members', () => {
  it('needs two disabled members', () => {
    expect(multipleDisabled(household({ disability_certified: true }, { disability_grade: 2 }))).toBe(true);
    expect(multipleDisabled(household({ disability_certified: true }, { disability_certified: false }))).toBe(false);
  });
  it('is unknown while an unknown member could make two', () => {
    expect(multipleDisabled(household({ disability_certified: true }, {}))).toBeUndefined();
    expect(multipleDisabled(household({ disability_categories: ['visual'] }, {}, { disability_certified: false }))).toBeUndefined();
  });
  it('stays true however many members are disabled (the counters saturate, never wrap)', () => {
    const disabled: Profile = { disability_certified: true };
    for (let n = 2; n <= 8; n++) {
      expect(multipleDisabled(household(...Array.from({ length: n }, () => disabled)))).toBe(true);
      expect(multipleDisabled(household(...Array.from({ length: n }, () => disabled), {}))).toBe(true);
    }
  });
});

describe('left-behind children from their parents’ migrant work', () => {
  const head = (migrant?: boolean): Profile => ({ relationship: 'head', migrant_worker: migrant });
  const spouse = (migrant?: boolean): Profile => ({ relationship: 'spouse', migrant_worker: migrant });
  it('a child of the head whose head and spouse both work away is left behind', () => {
    expect(leftBehind(household(head(true), spouse(true), { relationship: 'child' }), REL_CHILD)).toBe('both_parents_migrant');
  });
  it('parents at home make it none; one away with the other at home stays unknown', () => {
    expect(leftBehind(household(head(false), spouse(false)), REL_CHILD)).toBe('none');
    expect(leftBehind(household(head(true), spouse(false)), REL_CHILD)).toBeUndefined();
    expect(leftBehind(household(head(true), spouse()), REL_CHILD)).toBeUndefined();
  });
  it('for the head, the rows marked parent are the parents', () => {
    const state = household({ relationship: 'head' }, { relationship: 'parent', migrant_worker: true }, { relationship: 'parent', migrant_worker: true });
    expect(leftBehind(state, REL_HEAD)).toBe('both_parents_migrant');
  });
  it('does not take one parent at home for none while a member of unknown relationship may be the other', () => {
    expect(leftBehind(household(head(false), { migrant_worker: true }), REL_CHILD)).toBeUndefined();
    expect(leftBehind(addMember(household(head(false)), UNKNOWN_MEMBER), REL_CHILD)).toBeUndefined();
    expect(leftBehind(household(head(false), { relationship: 'other', migrant_worker: true }), REL_CHILD)).toBe('none');
    expect(leftBehind(addMember(household(head(false), spouse(false)), UNKNOWN_MEMBER), REL_CHILD)).toBe('none');
    expect(leftBehind(addMember(household(head(true), spouse(true)), UNKNOWN_MEMBER), REL_CHILD)).toBe('both_parents_migrant');
  });
  it('one parent row away with no other parent row is not both parents away', () => {
    expect(leftBehind(household(head(true), { relationship: 'child' }), REL_CHILD)).toBeUndefined();
    expect(leftBehind(household({ relationship: 'head' }, { relationship: 'parent', migrant_worker: true }), REL_HEAD)).toBeUndefined();
  });
  it('counts many parent rows without wrapping: all away stays both away, all home stays none', () => {
    for (let n = 2; n <= 6; n++) {
      const away = Array.from({ length: n }, (_, i) => (i === 0 ? head(true) : spouse(true)));
      const home = Array.from({ length: n }, (_, i) => (i === 0 ? head(false) : spouse(false)));
      expect(leftBehind(household(...away), REL_CHILD)).toBe('both_parents_migrant');
      expect(leftBehind(household(...home), REL_CHILD)).toBe('none');
    }
    expect(leftBehind(household(head(true), spouse(true), head(false)), REL_CHILD)).toBeUndefined();
    // Past the counters' saturation, one row the other way still unsettles the answer.
    for (let n = 3; n <= 6; n++) {
      const mostlyAway = [...Array.from({ length: n }, () => spouse(true)), head(false)];
      const mostlyHome = [...Array.from({ length: n }, () => spouse(false)), head(true)];
      expect(leftBehind(household(...mostlyAway), REL_CHILD)).toBeUndefined();
      expect(leftBehind(household(...mostlyHome), REL_CHILD)).toBeUndefined();
      const parents = (m: boolean) => Array.from({ length: n }, () => ({ relationship: 'parent', migrant_worker: m }) as Profile);
      expect(leftBehind(household(head(), ...parents(true), { relationship: 'parent', migrant_worker: false }), REL_HEAD)).toBeUndefined();
    }
  });
  it('is not derived for a spouse or other members', () => {
    expect(leftBehind(household(head(true), spouse(true)), REL_SPOUSE)).toBeUndefined();
  });
});

describe('applying the facts to a member', () => {
  const state = household(
    { relationship: 'head', assistance: ['dibao'], age: 40, employment_status: 'unemployed', disability_certified: true, migrant_worker: true },
    { relationship: 'spouse', assistance: [], age: 38, employment_status: 'unemployed', disability_certified: true, migrant_worker: true },
    { relationship: 'child', assistance: [], age: 8, disability_certified: false },
  );
  it('adds each derived fact', () => {
    const child = applyHouseholdFacts({ relationship: 'child' }, state, memberCode({ relationship: 'child' }));
    expect(child).toMatchObject({
      household_assistance: ['dibao'],
      zero_employment_household: true,
      household_multiple_disabled: true,
      left_behind: 'both_parents_migrant',
    });
  });
  it('keeps a fact given on the member’s own row', () => {
    const own: Profile = { relationship: 'child', household_assistance: [], zero_employment_household: false, household_multiple_disabled: false, left_behind: 'none' };
    expect(applyHouseholdFacts({ ...own }, state, memberCode(own))).toEqual(own);
  });
});
