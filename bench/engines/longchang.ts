/** longchang-check itself: the compiled fast path, and the explaining check() for comparison. */
import { Checker } from '../../src/engine/check.js';
import type { Profile } from '../../src/profile/normalise.js';
import type { Catalogue } from '../../src/rules/types.js';
import type { BenchEngine } from './types.js';

/** The three answers (0 ineligible, 1 undetermined, 2 eligible), without explanations. */
export function longchangStatuses(checker: Checker, asOf: string): BenchEngine & { checker: Checker; statuses(p: Profile): Uint8Array } {
  const n = checker.catalogue.items.length;
  return {
    name: 'longchang-check statuses()',
    pkg: 'longchang-check',
    checker,
    statuses: (p) => checker.statuses(p, asOf),
    eligible(p) {
      const s = checker.statuses(p, asOf);
      return s.map((v) => (v === 2 ? 1 : 0));
    },
    pass(profiles) {
      const out = new Uint8Array(n);
      for (let i = 0; i < profiles.length; i++) checker.statuses(profiles[i], asOf, out);
    },
  };
}

/** Every item with its parts, missing facts and reasons in words: what `longchang-check PROFILE` prints. */
export function longchangExplained(checker: Checker, asOf: string): BenchEngine {
  return {
    name: 'longchang-check check() with reasons',
    pkg: 'longchang-check',
    slow: true,
    eligible: (p) => Uint8Array.from(checker.check(p, { asOf }), (r) => (r.status === 'eligible' ? 1 : 0)),
    pass(profiles) {
      for (let i = 0; i < profiles.length; i++) checker.check(profiles[i], { asOf });
    },
  };
}

export function checkerFor(catalogue: Catalogue): Checker {
  return new Checker(catalogue);
}
