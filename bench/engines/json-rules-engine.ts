/**
 * json-rules-engine: one rule per item, its event naming the item. Dates
 * compare as ISO strings through two custom operators (the built-in
 * comparisons accept numbers only).
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { isLoweredLeaf, type Lowered } from '../lower.js';
import type { BenchEngine } from './types.js';

const OPERATOR = {
  is: 'equal', eq: 'equal', ne: 'notEqual', in: 'in', not_in: 'notIn',
  gt: 'greaterThan', gte: 'greaterThanInclusive', lt: 'lessThan', lte: 'lessThanInclusive',
  has: 'contains', date_gte: 'dateOnOrAfter', date_lte: 'dateOnOrBefore',
} as const;

export function toRulesEngine(c: Lowered): NestedCondition {
  if (isLoweredLeaf(c)) {
    const { fact } = c;
    switch (c.op) {
      case 'between': {
        const [min, max] = c.value as number[];
        return { all: [{ fact, operator: 'greaterThanInclusive', value: min }, { fact, operator: 'lessThanInclusive', value: max }] };
      }
      case 'has_any':
        return { any: (c.value as string[]).map((value) => ({ fact, operator: 'contains', value })) };
      case 'has_all':
        return { all: (c.value as string[]).map((value) => ({ fact, operator: 'contains', value })) };
      default:
        return { fact, operator: OPERATOR[c.op], value: c.value as never };
    }
  }
  if ('everyone' in c) return { all: [] };
  if ('not' in c) return { not: toRulesEngine(c.not) };
  if ('all' in c) return { all: c.all.map(toRulesEngine) };
  return { any: c.any.map(toRulesEngine) };
}

export function rulesEngine(rules: readonly { id: string; rule: Lowered }[]): BenchEngine {
  // A fact left out (a grade without a complication) is undefined, which the operators treat as not matching.
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('dateOnOrAfter', (a: string, b: string) => a >= b);
  engine.addOperator('dateOnOrBefore', (a: string, b: string) => a <= b);
  rules.forEach((r, index) => {
    const conditions: TopLevelCondition = { all: [toRulesEngine(r.rule)] };
    engine.addRule({ name: r.id, conditions, event: { type: 'eligible', params: { index } } });
  });
  return {
    name: 'json-rules-engine',
    pkg: 'json-rules-engine',
    slow: true,
    async eligible(p) {
      const out = new Uint8Array(rules.length);
      const { events } = await engine.run(p);
      for (const e of events) out[e.params!.index as number] = 1;
      return out;
    },
    async pass(profiles) {
      for (let i = 0; i < profiles.length; i++) await engine.run(profiles[i]);
    },
  };
}
