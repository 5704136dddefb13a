/**
 * The batch's full results (JSON lines) are remembered by the values of the
 * facts each item reads; they must be, byte for byte, what the single check
 * gives for that person, however the rows before it went.
 */
import { describe, expect, it } from 'vitest';
import { generateProfiles } from '../../bench/profiles.js';
import { seededRandom } from '../../bench/random.js';
import { loadCatalogue } from '../../src/catalogue.js';
import { Checker } from '../../src/engine/check.js';
import { engineChecker } from '../../src/household/batch-checker.js';
import type { Profile } from '../../src/profile/normalise.js';

const AS_OF = '2025-06-01';
const checker = new Checker(loadCatalogue());

/** Complete profiles with facts dropped at random, some repeated, sets as fresh arrays: cache hits and misses both. */
function roster(count: number): Profile[] {
  const random = seededRandom(7);
  const base = generateProfiles(count / 2, { asOf: AS_OF }).map((p) => {
    const out: Profile = {};
    for (const [key, value] of Object.entries(p)) if (random() > 0.3) out[key] = Array.isArray(value) ? [...value] : value;
    return out;
  });
  return [...base, ...base.map((p) => structuredClone(p)).reverse()];
}

describe('full results in a batch', () => {
  it.each([
    ['every item', undefined, 'zh'],
    ['one domain, in English', 'health', 'en'],
  ] as const)('are the single check’s, byte for byte, row after row (%s)', (_what, domain, lang) => {
    const batch = engineChecker(checker, { asOf: AS_OF, domain, lang });
    const decoder = new TextDecoder();
    for (const profile of roster(400)) {
      const expected = checker.check(profile, { asOf: AS_OF, domain, lang }).map((r) => JSON.stringify(r));
      expect(batch.results(profile).map((bytes) => decoder.decode(bytes))).toEqual(expected);
    }
  });
});
