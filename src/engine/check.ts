/**
 * Checking one person against the catalogue: for every item eligible,
 * ineligible or undetermined, with the parts, the facts still missing and
 * the conditions that decided it.
 */
import { looksLikeIdNumber, maskBirthDateOfId, maskIdNumber, maskIdNumbersInText } from '../profile/id-number.js';
import type { Profile } from '../profile/normalise.js';
import { describeLeaf, type Lang } from '../rules/describe.js';
import type { Catalogue, Condition, Item } from '../rules/types.js';
import { compileCatalogue, compileSettled, itemCondition, partCondition } from './compile.js';
import { makeContext, type EvalContext } from './context.js';
import { leaves, missingFacts, missingParams, trace, type TraceNode } from './trace.js';
import { STATUS_OF_TRUTH, type StatusName } from './truth.js';

export type { StatusName as Status } from './truth.js';

export interface Reason {
  fact: string;
  op: string;
  expected: unknown;
  seen: unknown;
  outcome: 'true' | 'false' | 'unknown';
  /** The condition in words. */
  text: string;
  /** The part the condition belongs to, for items with parts. */
  part?: string;
}

export interface PartResult {
  id: string;
  name: string;
  status: StatusName;
  missing: string[];
}

export interface ItemResult {
  id: string;
  name: string;
  domain: string;
  status: StatusName;
  parts?: PartResult[];
  missing: string[];
  /** Parameters without a value that the answer waits on. */
  missing_parameters?: string[];
  reasons: Reason[];
}

export interface CheckOptions {
  asOf: string;
  domain?: string;
  lang?: Lang;
}

const OUTCOME = ['false', 'unknown', 'true'] as const;

function reasonsOf(node: TraceNode, lang: Lang, part?: string): Reason[] {
  return leaves(node).map((l) => {
    const r: Reason = {
      fact: l.fact,
      op: l.op,
      expected: l.expected,
      seen: l.seen,
      outcome: OUTCOME[l.outcome],
      text: describeLeaf({ fact: l.fact, op: l.op as never, value: l.expected }, lang),
    };
    if (part) r.part = part;
    return r;
  });
}

/** A checker holds a catalogue compiled once; check as many people as you like. */
export class Checker {
  private readonly fast: ReturnType<typeof compileCatalogue>;
  private readonly contexts = new Map<string, EvalContext>();

  constructor(readonly catalogue: Catalogue) {
    this.fast = compileCatalogue(catalogue);
  }

  context(asOf: string): EvalContext {
    let ctx = this.contexts.get(asOf);
    if (!ctx) {
      ctx = makeContext(this.catalogue, asOf);
      this.contexts.set(asOf, ctx);
    }
    return ctx;
  }

  /**
   * Every item's answer as 0 ineligible, 1 undetermined, 2 eligible, in
   * catalogue order, without explanations: the fast path.
   */
  statuses(profile: Profile, asOf: string, out: Uint8Array = new Uint8Array(this.catalogue.items.length)): Uint8Array {
    return this.fast(profile, this.context(asOf), out);
  }

  /**
   * statuses() for a batch whose profiles (almost) never hold the facts in
   * `absent`, because its roster has no column for them: the same answers,
   * faster (compileSettled).
   */
  statusesWithout(absent: Iterable<string>, asOf: string): (profile: Profile, out: Uint8Array) => Uint8Array {
    return compileSettled(this.catalogue, this.context(asOf), new Set(absent), this.fast);
  }

  /** One item with its parts, missing facts and reasons. */
  checkItem(item: Item, profile: Profile, asOf: string, lang: Lang = 'zh'): ItemResult {
    const ctx = this.context(asOf);
    const whole = trace(itemCondition(item), profile, ctx);
    const result: ItemResult = {
      id: item.id,
      name: item.name,
      domain: item.domain,
      status: STATUS_OF_TRUTH[whole.outcome],
      missing: missingFacts(whole),
      reasons: [],
    };
    const params = missingParams(whole);
    if (params.length) result.missing_parameters = params;
    if (item.parts) {
      result.parts = item.parts.map((part, i) => {
        const t = trace(partCondition(item, i), profile, ctx);
        result.reasons.push(...reasonsOf(t, lang, part.id));
        return { id: part.id, name: part.name, status: STATUS_OF_TRUTH[t.outcome], missing: missingFacts(t) };
      });
    } else {
      result.reasons = reasonsOf(whole, lang);
    }
    return result;
  }

  /** Every item of the catalogue (or of one domain), in catalogue order. */
  check(profile: Profile, options: CheckOptions): ItemResult[] {
    const items = options.domain ? this.catalogue.items.filter((i) => i.domain === options.domain) : this.catalogue.items;
    return items.map((item) => this.checkItem(item, profile, options.asOf, options.lang));
  }

  /** The decision tree of one item, for --explain. */
  explain(item: Item, profile: Profile, asOf: string): { whole: TraceNode; parts?: { id: string; name: string; node: TraceNode }[] } {
    const ctx = this.context(asOf);
    return {
      whole: trace(itemCondition(item), profile, ctx),
      parts: item.parts?.map((p, i) => ({ id: p.id, name: p.name, node: trace(partCondition(item, i), profile, ctx) })),
    };
  }
}

/** The profile as shown to users: the ID number masked, and so is one written into another text field (a name), and a birth date that would give the masked digits away. */
export function publicPerson(profile: Profile): Profile {
  const out: Profile = { ...profile };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value !== 'string') continue;
    out[key] = key === 'id_number' || looksLikeIdNumber(value) ? maskIdNumber(value) : maskIdNumbersInText(value);
  }
  if (typeof out.birth_date === 'string') out.birth_date = maskBirthDateOfId(out.birth_date, profile.id_number);
  return out;
}

export type { Condition };
