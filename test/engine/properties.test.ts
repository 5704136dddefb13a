import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Checker } from '../../src/engine/check.js';
import { STATUS_OF_TRUTH } from '../../src/engine/truth.js';
import { ISSUE_CODES } from '../../src/issues.js';
import { FIELDS } from '../../src/profile/fields.js';
import { readProfileText } from '../../src/profile/read.js';
import { arbitraryDate, arbitraryProfile } from './arbitraries.js';
import { builtinCatalogue } from './helpers.js';

const checker = new Checker(builtinCatalogue());

describe('engine properties', () => {
  it('no generated profile makes the engine throw, and the compiled answers equal the traced ones', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryDate, (profile, asOf) => {
        const fast = checker.statuses(profile, asOf);
        const full = checker.check(profile, { asOf });
        expect(full.map((r) => r.status)).toEqual([...fast].map((t) => STATUS_OF_TRUTH[t]));
        for (const r of full) {
          // Undetermined names what to ask (or the parameter it waits on); decided answers ask nothing.
          if (r.status === 'undetermined') expect(r.missing.length + (r.missing_parameters?.length ?? 0)).toBeGreaterThan(0);
          else expect(r.missing).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('learning a missing fact never turns a decided answer around', () => {
    fc.assert(
      fc.property(arbitraryProfile, arbitraryProfile, (partial, complete) => {
        const asOf = '2025-06-01';
        const known = { ...complete, ...partial };
        const before = checker.statuses(partial, asOf);
        const after = checker.statuses(known, asOf);
        before.forEach((t, i) => {
          if (t !== 1) expect(after[i]).toBe(t);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('reader properties', () => {
  const codes = new Set<string>(ISSUE_CODES);
  it('no random text makes the reader fail other than with coded issues', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json(), fc.constantFrom('a: [', '{', '- x', ': :', 'age: 1e400', 'x: !!binary ???')), (text) => {
        const r = readProfileText(text, { file: 'fuzz.yaml', asOf: '2025-06-01' });
        if (!r.ok) for (const issue of r.issues) expect(codes.has(issue.code)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  it('random mappings of known keys give a profile or coded issues', () => {
    const keys = FIELDS.flatMap((f) => [f.key, f.zh]);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string()))), (record) => {
        const r = readProfileText(JSON.stringify(record), { file: 'fuzz.json', asOf: '2025-06-01' });
        if (!r.ok) for (const issue of r.issues) expect(codes.has(issue.code)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
