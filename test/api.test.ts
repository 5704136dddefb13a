import { describe, expect, it } from 'vitest';
import { buildReport, check, Checker, CliError, loadCatalogue, readProfileText } from '../src/index.js';

describe('check(profile, options) without the CLI', () => {
  it('reads Chinese keys and values and answers every item', () => {
    const report = check({ 出生日期: '1960-06-01', 常住: '是' }, { asOf: '2025-06-01' });
    expect(report.results).toHaveLength(78);
    expect(report.results.find((r) => r.id === 'elderly-health-management')?.status).toBe('eligible');
    expect(report.person.age).toBe(65);
  });
  it('masks the ID number in the report', () => {
    const report = check({ id_number: '511083196006011237' }, { asOf: '2025-06-01' });
    expect(report.person.id_number).toBe('511083********1237');
  });
  it('masks an ID number written into another text field of the report', () => {
    const report = check({ name: '511083196006011237', age: 70 }, { asOf: '2025-06-01' });
    expect(report.person.name).toBe('511083********1237');
    expect(JSON.stringify(report)).not.toContain('511083196006011237');
  });
  it('throws a coded error for a check date that is not one', () => {
    expect(() => check({ 出生日期: '1960-06-01' }, { asOf: '2025/06/01' })).toThrow(CliError);
  });
  it('throws a coded error for invalid facts, printing nothing', () => {
    try {
      check({ hukuo_type: 'rural' }, { asOf: '2025-06-01' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      expect((e as CliError).issues.map((i) => i.code)).toEqual(['UNKNOWN_KEY']);
    }
  });

  const codeOf = (call: () => unknown): string[] => {
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(CliError);
      return (e as CliError).issues.map((i) => `${i.code}${i.field ? `:${i.field}` : ''}`);
    }
    return [];
  };

  it('throws a coded error for a language or a domain it does not have, rather than answer nothing', () => {
    expect(codeOf(() => check({ age: 1 }, { asOf: '2025-06-01', lang: 'fr' as 'en' }))).toEqual(['BAD_ARGUMENT:lang']);
    expect(codeOf(() => check({ age: 1 }, { asOf: '2025-06-01', domain: 'nope' }))).toEqual(['BAD_ARGUMENT:domain']);
    expect(check({ age: 1 }, { asOf: '2025-06-01', domain: 'elderly' }).results.length).toBeGreaterThan(0);
  });

  it('throws NOT_A_MAPPING for a profile that is not an object of facts', () => {
    // A Map or a Date is an object, but reading its own keys would find no facts and answer "undetermined" for everything.
    for (const profile of [null, 'age: 5', [], 42, new Map([['age', 70]]), new Date()]) {
      expect(codeOf(() => check(profile as unknown as Record<string, unknown>, { asOf: '2025-06-01' }))).toEqual(['NOT_A_MAPPING']);
    }
  });

  it('takes null options as no options, and an instance of a class of the caller\'s as its facts', () => {
    expect(check({ 年龄: 70 }, null).results).toHaveLength(78);
    class Person {
      age = 70;
    }
    expect(check(new Person() as unknown as Record<string, unknown>, { asOf: '2025-06-01' }).person).toMatchObject({ age: 70 });
  });
});

describe('the library for many people', () => {
  it('throws a coded error for a check date that is not one, in readProfileText and buildReport too, rather than count every age as unknown', () => {
    const coded = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof CliError ? e.issues.map((i) => [i.code, i.field]) : String(e);
      }
      return 'no error';
    };
    expect(coded(() => readProfileText('出生日期: 1960-06-01\n', { file: 'p.yaml', asOf: 'nope' }))).toEqual([['BAD_ARGUMENT', 'asOf']]);
    expect(coded(() => buildReport(new Checker(loadCatalogue()), {}, { asOf: '2025-02-30' }))).toEqual([['BAD_ARGUMENT', 'asOf']]);
  });
});
