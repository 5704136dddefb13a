import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../src/engine/context.js';
import { deadBranches, factDomains, mentionsEveryone, reach } from '../../src/rules/satisfy.js';
import type { Condition } from '../../src/rules/types.js';

const ctx: EvalContext = { asOf: '2025-06-01', params: { dibao_standard: 700 } };

describe('reach: which answers a rule can give', () => {
  it.each<[string, Condition, { canHold: boolean; canFail: boolean }]>([
    ['a plain threshold', { fact: 'age', op: 'gte', value: 65 }, { canHold: true, canFail: true }],
    ['a value beyond the field range (grades are 1–4)', { fact: 'disability_grade', op: 'gte', value: 5 }, { canHold: false, canFail: true }],
    ['both sexes', { any: [{ fact: 'sex', op: 'eq', value: 'male' }, { fact: 'sex', op: 'eq', value: 'female' }] }, { canHold: true, canFail: false }],
    ['a threshold and its complement', { any: [{ fact: 'age', op: 'gte', value: 65 }, { fact: 'age', op: 'lt', value: 65 }] }, { canHold: true, canFail: false }],
    ['disjoint ranges of a number', { all: [{ fact: 'age', op: 'lt', value: 60 }, { fact: 'age', op: 'gt', value: 59 }] }, { canHold: false, canFail: true }],
    ['adjacent integers meet nowhere', { all: [{ fact: 'age', op: 'gt', value: 17 }, { fact: 'age', op: 'lt', value: 18 }] }, { canHold: false, canFail: true }],
    ['a set member and its absence', { all: [{ fact: 'insurance', op: 'has', value: 'employee_pension' }, { not: { fact: 'insurance', op: 'has_any', value: ['employee_pension', 'resident_pension'] } }] }, { canHold: false, canFail: true }],
    ['two set members together', { all: [{ fact: 'assistance', op: 'has', value: 'dibao' }, { fact: 'assistance', op: 'has', value: 'tekun' }] }, { canHold: true, canFail: true }],
    ['a date within two years', { fact: 'college_graduation_date', op: 'within_years', value: 2 }, { canHold: true, canFail: true }],
    ['two age ranges from one date', { all: [{ fact: 'spouse_birth_date', op: 'age_between', value: [20, 30] }, { fact: 'spouse_birth_date', op: 'age_between', value: [31, 40] }] }, { canHold: false, canFail: true }],
    ['a comparison with a parameter', { fact: 'monthly_income_per_capita', op: 'lte', value: { param: 'dibao_standard' } }, { canHold: true, canFail: true }],
    ['everyone', { everyone: true }, { canHold: true, canFail: false }],
    ['nobody', { not: { everyone: true } }, { canHold: false, canFail: true }],
  ])('%s', (_name, cond, expected) => {
    expect(reach(cond, ctx)).toEqual(expected);
  });
});

describe('deadBranches', () => {
  it('names the smallest branch nobody can meet', () => {
    const cond: Condition = {
      any: [
        { fact: 'age', op: 'gte', value: 65 },
        { all: [{ fact: 'age', op: 'lt', value: 60 }, { fact: 'age', op: 'gt', value: 70 }] },
      ],
    };
    expect(deadBranches(cond, ctx).map((d) => d.path)).toEqual([['any', 1]]);
  });
  it('names nothing in a rule that can be met', () => {
    expect(deadBranches({ all: [{ fact: 'age', op: 'gte', value: 18 }, { fact: 'resident', op: 'is', value: true }] }, ctx)).toEqual([]);
  });
});

describe('factDomains', () => {
  it('takes values on and around each boundary, within the field range', () => {
    const d = factDomains({ fact: 'disability_grade', op: 'between', value: [1, 2] }, ctx);
    expect(d.get('disability_grade')?.sort()).toEqual([1, 2, 3, 4]);
  });
  it('takes every subset of the set members a rule names', () => {
    const d = factDomains({ fact: 'assistance', op: 'has_any', value: ['dibao', 'tekun'] }, ctx);
    expect(d.get('assistance')).toHaveLength(4);
  });
});

it('mentionsEveryone finds { everyone: true } anywhere in a tree', () => {
  expect(mentionsEveryone({ any: [{ fact: 'age', op: 'gte', value: 1 }, { everyone: true }] })).toBe(true);
  expect(mentionsEveryone({ fact: 'age', op: 'gte', value: 1 })).toBe(false);
});
