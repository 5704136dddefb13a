/** Household ids that are numbers, kept in a typed-array table: the same households as a Map of the ids as text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/household/household-index.js';
import { NumberTable, idAsNumber } from '../../src/household/number-table.js';

describe('idAsNumber', () => {
  it.each([
    ['51102800000001', 51102800000001],
    ['7', 7],
    ['999999999999999', 999999999999999],
  ])('reads %s as a number', (id, n) => {
    expect(idAsNumber(id)).toBe(n);
  });

  it.each([
    ['', 'empty'],
    ['012', 'a leading zero (012 and 12 are two households)'],
    ['0', 'zero (a leading zero)'],
    ['1234567890123456', 'more than 15 digits (not exact in a double)'],
    ['H12', 'letters'],
    ['12 ', 'a space'],
    ['１２', 'full-width digits'],
    ['1e5', 'an exponent'],
  ])('keeps %s as text: %s', (id) => {
    expect(idAsNumber(id)).toBeNaN();
  });
});

describe('NumberTable', () => {
  it('gives what a Map gives, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 2 ** 40 }), fc.nat(1000)), { maxLength: 3000 }), (pairs) => {
        const table = new NumberTable(4);
        const map = new Map<number, number>();
        for (const [k, v] of pairs) {
          table.set(k, v);
          map.set(k, v);
        }
        expect(table.size).toBe(map.size);
        for (const [k, v] of map) expect(table.get(k)).toBe(v);
        expect(table.get(2 ** 41)).toBe(-1);
      }),
    );
  });
});

describe('HouseholdIndex with ids as numbers and as text', () => {
  it('groups rows as ids as text would, wherever the rows are', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('1', '12', '012', '51102800000001', 'H1', 'h1', '', '1234567890123456', '12345678901234567'), { maxLength: 300 }), (ids) => {
        const index = new HouseholdIndex();
        ids.forEach((id) => index.add(id, 0));
        const states = index.finish();
        // Two rows share a household exactly when their ids are the same non-empty text.
        const household = (row: number) => states.rowHousehold[row];
        for (let a = 0; a < ids.length; a++) {
          for (let b = a + 1; b < ids.length; b++) {
            expect(household(a) === household(b)).toBe(ids[a] !== '' && ids[a] === ids[b]);
          }
        }
      }),
    );
  });

  it('puts a row sent as a number in the same household as one given as text', () => {
    const index = new HouseholdIndex();
    index.add('51102800000001', 0);
    index.addNumber(51102800000001, 0);
    index.add('H1', 0);
    const { rowHousehold } = index.finish();
    expect([...rowHousehold]).toEqual([0, 0, 1]);
  });
});
