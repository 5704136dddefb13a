import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HouseholdIdSet } from '../../src/household/id-set.js';

const arbitraryId = fc.oneof(
  fc.integer({ min: 0, max: 2000 }).map(String),
  fc.integer({ min: 0, max: 99 }).map((n) => `0${n}`),
  fc.constantFrom('51102800000001', '511028000000010', '5110280000000100', 'H1', 'h1', '户1', '1e3', '1000', ' 12', '12'),
  fc.string({ maxLength: 6 }),
);

describe('HouseholdIdSet', () => {
  it('answers as a Set of the id strings: 012 and 12 stay two households, 1e3 is not 1000', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), arbitraryId), { maxLength: 300 }), (steps) => {
        const ids = new HouseholdIdSet();
        const reference = new Set<string>();
        for (const [adding, id] of steps) {
          if (adding) {
            ids.add(id);
            reference.add(id);
          }
          expect(ids.has(id)).toBe(reference.has(id));
        }
      }),
      { numRuns: 300 },
    );
  });
});
