import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { and, not, or, FALSE, TRUE, UNKNOWN, type Truth } from '../../src/engine/truth.js';
import type { Condition } from '../../src/rules/types.js';
import { catalogueOf } from './helpers.js';

const F = FALSE, U = UNKNOWN, T = TRUE;
const name = (t: Truth) => ['false', 'unknown', 'true'][t];

describe('Kleene logic', () => {
  it.each([
    [F, F, F, F], [F, U, F, U], [F, T, F, T],
    [U, F, F, U], [U, U, U, U], [U, T, U, T],
    [T, F, F, T], [T, U, U, T], [T, T, T, T],
  ] as [Truth, Truth, Truth, Truth][])('%s AND/OR %s', (a, b, andExpected, orExpected) => {
    expect(name(and(a, b))).toBe(name(andExpected));
    expect(name(or(a, b))).toBe(name(orExpected));
  });
  it('NOT swaps true and false and keeps unknown', () => {
    expect([not(F), not(U), not(T)]).toEqual([T, U, F]);
  });
});

// The same tables through rules and profiles: a is `resident`, b is `hukou_local`.
const leafA: Condition = { fact: 'resident', op: 'is', value: true };
const leafB: Condition = { fact: 'hukou_local', op: 'is', value: true };
const profileFor = (a: Truth, b: Truth) => {
  const p: Record<string, unknown> = {};
  if (a !== U) p.resident = a === T;
  if (b !== U) p.hukou_local = b === T;
  return p;
};
const STATUS = ['ineligible', 'undetermined', 'eligible'];

describe('rules evaluate with Kleene logic, compiled and traced alike', () => {
  const cases: [Truth, Truth][] = [F, U, T].flatMap((a) => [F, U, T].map((b) => [a, b] as [Truth, Truth]));
  it.each(cases)('all/any/not with resident=%s, hukou_local=%s', (a, b) => {
    for (const [rule, expected] of [
      [{ all: [leafA, leafB] }, and(a, b)],
      [{ any: [leafA, leafB] }, or(a, b)],
      [{ not: { all: [leafA, leafB] } }, not(and(a, b))],
    ] as [Condition, Truth][]) {
      const checker = new Checker(catalogueOf(rule));
      const profile = profileFor(a, b);
      expect(checker.statuses(profile, '2025-01-01')[0]).toBe(expected);
      expect(checker.check(profile, { asOf: '2025-01-01' })[0].status).toBe(STATUS[expected]);
    }
  });
});
