/**
 * The limit: one plain JavaScript function per catalogue, generated from the
 * same (lowered, two-valued) rules, with no unknowns and no explanations.
 * Values enter the source through JSON.stringify, as in the engine.
 */
import type { Profile } from '../../src/profile/normalise.js';
import { OPERATOR_BY_NAME } from '../../src/rules/operators.js';
import { isLoweredLeaf, type Lowered } from '../lower.js';
import type { BenchEngine } from './types.js';

export function plainExpression(c: Lowered): string {
  if (isLoweredLeaf(c)) {
    const x = `p[${JSON.stringify(c.fact)}]`;
    const v = JSON.stringify(c.value);
    if (c.op === 'date_gte') return `${x}>=${v}`;
    if (c.op === 'date_lte') return `${x}<=${v}`;
    return OPERATOR_BY_NAME.get(c.op)!.js(x, v);
  }
  if ('everyone' in c) return 'true';
  if ('not' in c) return `!(${plainExpression(c.not)})`;
  const [list, glue, empty] = 'all' in c ? [c.all, '&&', 'true'] : [c.any, '||', 'false'];
  return list.length ? `(${list.map(plainExpression).join(glue)})` : empty;
}

export function plainJs(rules: readonly { rule: Lowered }[]): BenchEngine {
  const body = rules.map((r, i) => `o[${i}]=${plainExpression(r.rule)}?1:0;`).join('\n');
  const fn = new Function('p', 'o', body) as (p: Profile, o: Uint8Array) => void;
  return {
    name: 'plain JavaScript (generated, two-valued)',
    pkg: '—',
    eligible(p) {
      const out = new Uint8Array(rules.length);
      fn(p, out);
      return out;
    },
    pass(profiles) {
      const out = new Uint8Array(rules.length);
      for (let i = 0; i < profiles.length; i++) fn(profiles[i], out);
    },
  };
}
