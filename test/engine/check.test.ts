import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import type { Condition } from '../../src/rules/types.js';
import { catalogueOf } from './helpers.js';

const AS_OF = '2025-06-01';
const run = (rule: Condition, profile: Record<string, unknown>, asOf = AS_OF) => new Checker(catalogueOf(rule)).check(profile, { asOf })[0];

describe('missing facts name exactly what would settle the answer', () => {
  const rule: Condition = {
    all: [
      { fact: 'age', op: 'gte', value: 65 },
      { any: [{ fact: 'resident', op: 'is', value: true }, { fact: 'hukou_local', op: 'is', value: true }] },
    ],
  };
  it('asks for the birth date when the age is unknown', () => {
    expect(run(rule, { hukou_local: true })).toMatchObject({ status: 'undetermined', missing: ['birth_date'] });
  });
  it('asks for both residence facts when neither is known', () => {
    expect(run(rule, { age: 70 })).toMatchObject({ status: 'undetermined', missing: ['hukou_local', 'resident'] });
  });
  it('asks nothing once a false fact settles an AND', () => {
    expect(run(rule, { age: 40 })).toMatchObject({ status: 'ineligible', missing: [] });
  });
  it('asks nothing once a true fact settles an OR', () => {
    expect(run(rule, { age: 70, resident: true })).toMatchObject({ status: 'eligible', missing: [] });
  });
});

describe('operators', () => {
  it.each([
    [{ fact: 'age', op: 'between', value: [0, 6] }, { age: 6 }, 'eligible'],
    [{ fact: 'age', op: 'between', value: [0, 6] }, { age: 7 }, 'ineligible'],
    [{ fact: 'age', op: 'lt', value: 16 }, { age: 16 }, 'ineligible'],
    [{ fact: 'disability_grade', op: 'in', value: [1, 2] }, { disability_grade: 2 }, 'eligible'],
    [{ fact: 'disability_grade', op: 'not_in', value: [1, 2] }, { disability_grade: 2 }, 'ineligible'],
    [{ fact: 'hukou_type', op: 'ne', value: 'rural' }, { hukou_type: 'urban' }, 'eligible'],
    [{ fact: 'assistance', op: 'has', value: 'dibao' }, { assistance: [] }, 'ineligible'],
    [{ fact: 'assistance', op: 'has_any', value: ['dibao', 'tekun'] }, { assistance: ['tekun'] }, 'eligible'],
    [{ fact: 'assistance', op: 'has_all', value: ['dibao', 'tekun'] }, { assistance: ['tekun'] }, 'ineligible'],
    [{ fact: 'monthly_income_per_capita', op: 'lt', value: { param: 'set_standard' } }, { monthly_income_per_capita: 499 }, 'eligible'],
    [{ fact: 'monthly_income_per_capita', op: 'lt', value: { param: 'set_standard' } }, { monthly_income_per_capita: 500 }, 'ineligible'],
    [{ fact: 'monthly_income_per_capita', op: 'lt', value: { param: 'standard' } }, { monthly_income_per_capita: 1 }, 'undetermined'],
  ] as [Condition, Record<string, unknown>, string][])('%j on %j', (rule, profile, status) => {
    expect(run(rule, profile).status).toBe(status);
  });

  it('a parameter without a value leaves the answer undetermined and names the parameter, not the known fact', () => {
    const r = run({ fact: 'monthly_income_per_capita', op: 'lt', value: { param: 'standard' } }, { monthly_income_per_capita: 1 });
    expect(r.missing).toEqual([]);
    expect(r.missing_parameters).toEqual(['standard']);
  });

  describe('within_years: left college within 2 years, the anniversary included', () => {
    const rule: Condition = { fact: 'college_graduation_date', op: 'within_years', value: 2 };
    it.each([
      ['2023-06-01', 'eligible'],
      ['2023-05-31', 'ineligible'],
      ['2025-06-01', 'eligible'],
      ['2025-06-02', 'ineligible'],
    ])('graduated %s', (date, status) => {
      expect(run(rule, { college_graduation_date: date }).status).toBe(status);
    });
  });

  it('age_between reads a spouse age from a date', () => {
    const rule: Condition = { fact: 'spouse_birth_date', op: 'age_between', value: [15, 49] };
    expect(run(rule, { spouse_birth_date: '1975-06-01' }).status).toBe('ineligible');
    expect(run(rule, { spouse_birth_date: '1975-06-02' }).status).toBe('eligible');
  });
});

describe('reasons record each condition', () => {
  it('with the fact, the value seen, the expected value and the outcome', () => {
    const r = run({ all: [{ fact: 'age', op: 'gte', value: 65 }, { fact: 'resident', op: 'is', value: true }] }, { age: 70 });
    expect(r.reasons).toEqual([
      { fact: 'age', op: 'gte', expected: 65, seen: 70, outcome: 'true', text: '年龄 ≥ 65' },
      { fact: 'resident', op: 'is', expected: true, seen: undefined, outcome: 'unknown', text: '常住 为 是' },
    ]);
  });
});

describe('items with parts', () => {
  const catalogue = catalogueOf({ fact: 'disability_certified', op: 'is', value: true }, {
    rule: { fact: 'disability_certified', op: 'is', value: true },
    parts: [
      { id: 'living', name: '生活补贴', rule: { fact: 'assistance', op: 'has', value: 'dibao' } },
      { id: 'nursing', name: '护理补贴', rule: { fact: 'disability_grade', op: 'in', value: [1, 2] } },
    ],
  });
  const check = (p: Record<string, unknown>) => new Checker(catalogue).check(p, { asOf: AS_OF })[0];
  it('is eligible when any part is, and says which', () => {
    const r = check({ disability_certified: true, assistance: [], disability_grade: 1 });
    expect(r.status).toBe('eligible');
    expect(r.parts?.map((p) => [p.id, p.status])).toEqual([['living', 'ineligible'], ['nursing', 'eligible']]);
  });
  it('applies the item rule to every part', () => {
    const r = check({ disability_certified: false, assistance: ['dibao'], disability_grade: 1 });
    expect(r.status).toBe('ineligible');
    expect(r.parts?.every((p) => p.status === 'ineligible')).toBe(true);
  });
  it('is undetermined when no part is eligible and one is unknown, naming that part’s facts', () => {
    const r = check({ disability_certified: true, assistance: [] });
    expect(r).toMatchObject({ status: 'undetermined', missing: ['disability_grade'] });
  });
});
