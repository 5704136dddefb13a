/**
 * The compiler writes JavaScript from rule files. Whatever a rule file holds
 * (quotes, backslashes, `</script>`, `${}`, line breaks, `__proto__`), as a
 * value, a fact name or a parameter name, it must stay data: the compiled
 * function answers exactly as the tracer does and nothing runs.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { plainExpression } from '../../bench/engines/plain-js.js';
import { FAST_HELPERS, compileCatalogue, compileCondition } from '../../src/engine/compile.js';
import type { EvalContext } from '../../src/engine/context.js';
import { trace } from '../../src/engine/trace.js';
import { addYears, completedYears } from '../../src/profile/dates.js';
import type { Catalogue, Condition } from '../../src/rules/types.js';

const g = globalThis as { pwned?: unknown };

const HOSTILE = [
  '"',
  "'",
  '\\',
  '\\"',
  '`',
  '</script><script>globalThis.pwned=1</script>',
  '${globalThis.pwned=1}',
  '`+(globalThis.pwned=1)+`',
  '"+(globalThis.pwned=1)+"',
  "'+(globalThis.pwned=1)+'",
  '"];globalThis.pwned=1;//',
  '*/globalThis.pwned=1;/*',
  'a\nglobalThis.pwned=1',
  'a\r\nb',
  '\u2028globalThis.pwned=1\u2029',
  '\u0000',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  '',
];

const ctx = (params: Record<string, number | undefined> = {}): EvalContext => ({ asOf: '2025-06-01', params });
/** A profile with `key` as an own property, even for "__proto__". */
const withKey = (key: string, value: unknown): Record<string, unknown> => Object.defineProperty({}, key, { value, enumerable: true });

function catalogueOf(rules: Condition[]): Catalogue {
  return {
    title: 't', valid_from: '2021-01-01', valid_to: '2025-12-31', domains: [], parameters: {},
    items: rules.map((rule, i) => ({
      id: `i${i}`, name: 'x', domain: 'd', target: 'x', file: 'x.yaml', rule, examples: [],
      source: { table: 't', chapter: 'c', line: 1 }, valid: { from: '2021-01-01', to: '2025-12-31' },
    })),
  };
}

/** Compiled answers, alone and inside a catalogue, against the tracer's. */
function expectSameAsTrace(rule: Condition, profile: Record<string, unknown>, c: EvalContext = ctx()) {
  const expected = trace(rule, profile, c).outcome;
  expect(compileCondition(rule)(profile, c)).toBe(expected);
  expect(compileCatalogue(catalogueOf([rule, { not: rule }]))(profile, c, new Uint8Array(2))).toEqual(Uint8Array.from([expected, 2 - expected]));
  return expected;
}

afterEach(() => {
  expect(g.pwned).toBeUndefined();
});

describe('hostile text in rules stays data', () => {
  it.each(HOSTILE)('as fact name and value: %j', (h) => {
    const rule: Condition = { fact: h, op: 'eq', value: h };
    expect(expectSameAsTrace(rule, withKey(h, h))).toBe(2);
    expect(expectSameAsTrace(rule, withKey(h, `${h}x`))).toBe(0);
    expectSameAsTrace(rule, {});
  });

  it.each(HOSTILE)('in lists and sets: %j', (h) => {
    const others = HOSTILE.filter((x) => x !== h);
    const rules: Condition[] = [
      { fact: h, op: 'in', value: [h, ...others] },
      { fact: h, op: 'not_in', value: others },
      { fact: 's', op: 'has', value: h },
      { fact: 's', op: 'has_any', value: [h, 'zzz'] },
      { fact: 's', op: 'has_all', value: [h, ...others.slice(0, 3)] },
      { any: [{ fact: h, op: 'ne', value: h }, { not: { fact: 's', op: 'has', value: h } }] },
    ];
    for (const rule of rules) {
      expectSameAsTrace(rule, { ...withKey(h, h), s: [h] });
      expectSameAsTrace(rule, { ...withKey(h, 'x'), s: others });
      expectSameAsTrace(rule, {});
    }
  });

  it.each(HOSTILE)('as a parameter name: %j', (h) => {
    const rule: Condition = { fact: 'income', op: 'lt', value: { param: h } };
    expect(expectSameAsTrace(rule, { income: 5 }, ctx(withKey(h, 10) as Record<string, number>))).toBe(2);
    expect(expectSameAsTrace(rule, { income: 50 }, ctx(withKey(h, 10) as Record<string, number>))).toBe(0);
    // Without the parameter it is unknown; a name {} inherits (toString…) is seen by tracer and compiler alike.
    expect(expectSameAsTrace(rule, { income: 5 }, ctx())).toBe(h in {} ? 0 : 1);
  });

  it('stays data in the benchmark’s plain-JavaScript translation too', () => {
    for (const h of HOSTILE) {
      const fn = new Function('p', `return ${plainExpression({ all: [{ fact: h, op: 'eq', value: h }, { fact: 's', op: 'has_any', value: [h] }] })};`);
      expect(fn({ ...withKey(h, h), s: [h] })).toBe(true);
      expect(fn({ ...withKey(h, 'x'), s: [h] })).toBe(false);
    }
  });

  it('holds for any string at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (fact, value) => {
        const rule: Condition = { all: [{ fact, op: 'eq', value }, { fact: 'set', op: 'has_any', value: [value, fact] }] };
        expectSameAsTrace(rule, { ...withKey(fact, value), set: [fact] });
        expectSameAsTrace(rule, withKey(fact, `${value}!`));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the compiled date helpers', () => {
  const dates = fc.oneof(
    fc.date({ min: new Date('1700-01-01'), max: new Date('2500-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom('2024-02-29', '2023-02-29', '2023-02-28', '2000-02-29', '1900-02-29', '2023-13-01', '2023-00-10', '2023-01-32', '1799-12-31', '1800-01-01', '0999-01-01', '9999-12-31'),
    fc.constantFrom('2023-1-01', ' 2023-01-01', '2023-01-01 ', '2023-01-01\n', '２０２３-01-01', '2023/01/01', '20230101', '', 'abcd-ef-gh'),
    fc.string(),
  );
  const anything = fc.oneof(dates, fc.integer(), fc.constant(null), fc.constant(undefined), fc.constant(['2020-01-01']));

  it('count completed years exactly as completedYears does', () => {
    fc.assert(
      fc.property(anything, anything, (a, b) => {
        expect(Object.is(FAST_HELPERS.years(a as string, b as string), completedYears(a as string, b as string))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('add years exactly as addYears does', () => {
    const years = fc.oneof(fc.integer({ min: -2000, max: 9000 }), fc.double({ min: -5, max: 5, noNaN: true }));
    fc.assert(
      fc.property(anything, years, (d, n) => {
        expect(FAST_HELPERS.addYears(d as string, n)).toBe(addYears(d as string, n));
      }),
      { numRuns: 5000 },
    );
  });
});
