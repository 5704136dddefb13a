/** json-logic-js: the catalogue as one array of JsonLogic rules, applied to each profile. */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { isLoweredLeaf, type Lowered } from '../lower.js';
import type { BenchEngine } from './types.js';

const COMPARE = { is: '===', eq: '===', ne: '!==', gt: '>', gte: '>=', lt: '<', lte: '<=', date_gte: '>=', date_lte: '<=' } as const;

export function toJsonLogic(c: Lowered): RulesLogic {
  if (isLoweredLeaf(c)) {
    // A dot in a var name is a path in JsonLogic; profile keys have none.
    if (c.fact.includes('.')) throw new Error(`bench: fact ${c.fact} cannot be a JsonLogic var`);
    const x = { var: c.fact };
    const v = c.value as never;
    switch (c.op) {
      case 'in':
        return { in: [x, v] } as RulesLogic;
      case 'not_in':
        return { '!': { in: [x, v] } } as RulesLogic;
      case 'between':
        return { '<=': [(c.value as number[])[0], x, (c.value as number[])[1]] } as RulesLogic;
      case 'has':
        return { in: [v, x] } as RulesLogic;
      case 'has_any':
        return { or: (c.value as string[]).map((e) => ({ in: [e, x] })) } as RulesLogic;
      case 'has_all':
        return { and: (c.value as string[]).map((e) => ({ in: [e, x] })) } as RulesLogic;
      default:
        return { [COMPARE[c.op]]: [x, v] } as RulesLogic;
    }
  }
  if ('everyone' in c) return true;
  if ('not' in c) return { '!': [toJsonLogic(c.not)] } as RulesLogic;
  if ('all' in c) return c.all.length ? ({ and: c.all.map(toJsonLogic) } as RulesLogic) : true;
  return c.any.length ? ({ or: c.any.map(toJsonLogic) } as RulesLogic) : false;
}

export function jsonLogicEngine(rules: readonly { rule: Lowered }[]): BenchEngine {
  const logic = rules.map((r) => toJsonLogic(r.rule)) as unknown as RulesLogic;
  return {
    name: 'json-logic-js',
    pkg: 'json-logic-js',
    eligible: (p) => Uint8Array.from(jsonLogic.apply(logic, p) as unknown[], (b) => (b === true ? 1 : 0)),
    pass(profiles) {
      for (let i = 0; i < profiles.length; i++) jsonLogic.apply(logic, profiles[i]);
    },
  };
}
