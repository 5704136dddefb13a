/**
 * What a batch needs from the engine: the items it answers for, a fast
 * statuses-only check, and the full results for JSON lines. An interface,
 * so household code is tested with a fake and the engine stays the engine's.
 */
import type { Checker } from '../engine/check.js';
import type { Profile } from '../profile/normalise.js';
import { itemCondition } from '../engine/compile.js';
import { leavesOf, type Item } from '../rules/types.js';
import type { BatchItem } from './out-row.js';

export interface BatchChecker {
  readonly items: readonly BatchItem[];
  /** Writes each item's answer (0 ineligible, 1 undetermined, 2 eligible) into `out`, in `items` order. */
  statuses(profile: Profile, out: Uint8Array): void;
  /**
   * statuses() for rows whose profiles never hold the facts in `absent`
   * (absent-facts.ts): the same answers, faster. Optional: a checker
   * without it is asked with statuses().
   */
  without?(absent: ReadonlySet<string>): (profile: Profile, out: Uint8Array) => void;
  /**
   * Each item's full result (the single check's id, name, domain, status,
   * parts, missing facts, reasons) as UTF-8 JSON text, in `items` order.
   */
  results(profile: Profile): readonly Uint8Array[];
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
  const texts = new ResultTexts(checker, picked.map((i) => all[i]), options);
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
    without(absent) {
      const settled = checker.statusesWithout(absent, options.asOf);
      if (everything) return settled;
      return (profile, out) => {
        settled(profile, scratch);
        for (let k = 0; k < picked.length; k++) out[k] = scratch[picked[k]];
      };
    },
    results: (profile) => texts.of(profile),
  };
}

/** Distinct values a fact may take before rows with a new one are no longer remembered. */
const VALUES_PER_FACT = 0xfffe;
/** Bytes of result text remembered, for all items together. */
const TEXT_BUDGET = 32 * 1024 * 1024;
const encoder = new TextEncoder();

/**
 * Items' full results as JSON text, remembered. An item's result depends
 * only on the values of the facts its rule reads (the check date, the
 * language and the parameters are fixed for a run), and a roster repeats
 * those combinations: on a generated roster 20,000 rows gave 9,000
 * distinct ones over 78 items, so nearly every row's results are copied
 * rather than traced, described and stringified again.
 */
class ResultTexts {
  /** The facts any item reads, and for each item the positions of its facts among them. */
  private readonly facts: string[];
  private readonly itemFacts: number[][];
  /** Per fact: each value seen (arrays by their JSON) → a number from 1; 0 is unknown. */
  private readonly values: Map<unknown, number>[];
  private readonly tokens: Int32Array;
  private readonly cache: Map<string, Uint8Array>[];
  private bytes = 0;

  constructor(
    private readonly checker: Checker,
    private readonly items: readonly Item[],
    private readonly options: EngineCheckerOptions,
  ) {
    const position = new Map<string, number>();
    this.itemFacts = items.map((item) => {
      const facts = new Set(leavesOf(itemCondition(item)).map((leaf) => leaf.fact));
      return [...facts].map((fact) => {
        if (!position.has(fact)) position.set(fact, position.size);
        return position.get(fact)!;
      });
    });
    this.facts = [...position.keys()];
    this.values = this.facts.map(() => new Map());
    this.tokens = new Int32Array(this.facts.length);
    this.cache = items.map(() => new Map());
  }

  /** A number for a fact's value; -1 when it is not remembered (too many values, or not a plain value). */
  private token(f: number, value: unknown): number {
    if (value === undefined) return 0;
    let key = value;
    if (Array.isArray(value)) key = `\u0000${JSON.stringify(value)}`;
    else if (typeof value === 'object' || (typeof value === 'string' && value.startsWith('\u0000'))) return -1;
    const values = this.values[f];
    let t = values.get(key);
    if (t === undefined) {
      if (values.size >= VALUES_PER_FACT) return -1;
      t = values.size + 1;
      values.set(key, t);
    }
    return t;
  }

  of(profile: Profile): Uint8Array[] {
    const { facts, tokens } = this;
    for (let f = 0; f < facts.length; f++) tokens[f] = this.token(f, profile[facts[f]]);
    const out: Uint8Array[] = new Array(this.items.length);
    for (let k = 0; k < this.items.length; k++) {
      let key: string | undefined = '';
      for (const f of this.itemFacts[k]) {
        if (tokens[f] < 0) {
          key = undefined;
          break;
        }
        key += String.fromCharCode(tokens[f]);
      }
      let text = key === undefined ? undefined : this.cache[k].get(key);
      if (text === undefined) {
        const { asOf, lang } = this.options;
        text = encoder.encode(JSON.stringify(this.checker.checkItem(this.items[k], profile, asOf, lang)));
        if (key !== undefined && this.bytes + text.length <= TEXT_BUDGET) {
          this.cache[k].set(key, text);
          this.bytes += text.length;
        }
      }
      out[k] = text;
    }
    return out;
  }
}
