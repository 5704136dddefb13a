import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { settleUnknown } from '../../src/engine/compile.js';
import { absentFacts } from '../../src/household/absent-facts.js';
import { planColumns } from '../../src/household/columns.js';
import { FIELDS } from '../../src/profile/fields.js';
import type { Catalogue, Condition } from '../../src/rules/types.js';
import { arbitraryDate, arbitraryProfile } from './arbitraries.js';
import { builtinCatalogue } from './helpers.js';

const keys = FIELDS.map((f) => f.key);
const arbitraryAbsent = fc.subarray(keys).map((k) => new Set(k));

/** The built-in catalogue with a value for every parameter: the settled code then compares with it. */
function withParameters(catalogue: Catalogue): Catalogue {
  const parameters = Object.fromEntries(Object.entries(catalogue.parameters).map(([name, p]) => [name, { ...p, values: [{ from: '2000-01-01', value: 800 }] }]));
  return { ...catalogue, parameters };
}

describe('statuses for a roster without some facts (compileSettled)', () => {
  for (const [name, catalogue] of [['parameters without values', builtinCatalogue()], ['every parameter set', withParameters(builtinCatalogue())]] as const) {
    const checker = new Checker(catalogue);
    it(`answers as statuses() when the absent facts are unknown, and when a profile has them after all (${name})`, () => {
      fc.assert(
        fc.property(arbitraryProfile, arbitraryAbsent, arbitraryDate, (profile, absent, asOf) => {
          const settled = checker.statusesWithout(absent, asOf);
          const without = Object.fromEntries(Object.entries(profile).filter(([k]) => !absent.has(k)));
          expect([...settled(without, new Uint8Array(catalogue.items.length))]).toEqual([...checker.statuses(without, asOf)]);
          expect([...settled(profile, new Uint8Array(catalogue.items.length))]).toEqual([...checker.statuses(profile, asOf)]);
        }),
        { numRuns: 400 },
      );
    });
  }
});

describe('settleUnknown', () => {
  const age: Condition = { fact: 'age', op: 'gte', value: 60 };
  const rural: Condition = { fact: 'hukou_type', op: 'eq', value: 'rural' };
  const unknown = new Set(['hukou_type']);
  const unset = (param: string) => param === 'standard';
  it.each<[string, Condition, unknown]>([
    ['a comparison of an unknown fact is unknown', rural, 1],
    ['an all with an unknown part is at most unknown', { all: [age, rural] }, { all: [age, 1] }],
    ['an any with an unknown part is at least unknown', { any: [age, rural] }, { any: [age, 1] }],
    ['an any with a true part is true', { any: [rural, { everyone: true }] }, 2],
    ['an all with a false part is false', { all: [rural, { not: { everyone: true } }] }, 0],
    ['not unknown is unknown', { not: rural }, 1],
    ['a comparison with a parameter without a value is unknown', { fact: 'monthly_income_per_capita', op: 'lt', value: { param: 'standard' } }, 1],
    ['a known fact stays', { all: [age, { everyone: true }] }, age],
  ])('%s', (_name, cond, expected) => {
    expect(settleUnknown(cond, unknown, unset)).toEqual(expected);
  });
});

describe('absentFacts', () => {
  it('leaves out the facts a roster gives, derives or takes from the household', () => {
    const absent = absentFacts(planColumns(['户编号', '身份证号', '户籍性质', '计划生育手术并发症等级', '备注'], 'r.csv'));
    for (const key of ['hukou_type', 'id_number', 'birth_date', 'sex', 'age', 'fp_surgery_complication_grade', 'fp_surgery_complication', 'household_assistance', 'zero_employment_household', 'household_multiple_disabled', 'left_behind']) {
      expect(absent.has(key), key).toBe(false);
    }
    for (const key of ['assistance', 'military_status', 'school_level', 'monthly_income_per_capita']) expect(absent.has(key), key).toBe(true);
  });
});
