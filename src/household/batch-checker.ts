/**
 * What a batch needs from the engine: the items it answers for, a fast
 * statuses-only check, and the full results for JSON lines. An interface,
 * so household code is tested with a fake and the engine stays the engine's.
 */
import type { Checker } from '../engine/check.js';
import type { Profile } from '../profile/normalise.js';
import type { BatchItem } from './out-row.js';

export interface BatchChecker {
  readonly items: readonly BatchItem[];
  /** Writes each item's answer (0 ineligible, 1 undetermined, 2 eligible) into `out`, in `items` order. */
  statuses(profile: Profile, out: Uint8Array): void;
  /** Each item's full result (parts, missing facts, reasons), in `items` order. */
  results(profile: Profile): unknown[];
}

export interface EngineCheckerOptions {
  asOf: string;
  domain?: string;
  lang?: 'zh' | 'en';
}

/** The batch view of the engine's Checker, for every item or one domain. */
export function engineChecker(checker: Checker, options: EngineCheckerOptions): BatchChecker {
  const all = checker.catalogue.items;
  const picked = all.flatMap((item, i) => (options.domain === undefined || item.domain === options.domain ? [i] : []));
  const items = picked.map((i) => ({ id: all[i].id, name: all[i].name, domain: all[i].domain }));
  const scratch = new Uint8Array(all.length);
  const everything = picked.length === all.length;
  return {
    items,
    statuses(profile, out) {
      if (everything) {
        checker.statuses(profile, options.asOf, out);
        return;
      }
      checker.statuses(profile, options.asOf, scratch);
      for (let k = 0; k < picked.length; k++) out[k] = scratch[picked[k]];
    },
    results: (profile) => checker.check(profile, { asOf: options.asOf, domain: options.domain, lang: options.lang }),
  };
}
