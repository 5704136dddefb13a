/**
 * GoRules zen-engine: one decision with an expression node that computes
 * every item as a boolean in ZEN expressions, evaluated by the Rust core
 * through the Node binding.
 */
import { ZenEngine } from '@gorules/zen-engine';
import { isLoweredLeaf, type Lowered } from '../lower.js';
import type { BenchEngine } from './types.js';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SAFE_STRING = /^[A-Za-z0-9_ .:-]*$/;

/** A value as a ZEN literal; only the plain strings the profile uses are allowed. */
function literal(v: unknown): string {
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v === 'string' && SAFE_STRING.test(v)) return JSON.stringify(v);
  throw new Error(`bench: no ZEN literal for ${JSON.stringify(v)}`);
}

const list = (v: unknown) => `[${(v as unknown[]).map(literal).join(', ')}]`;
const COMPARE = { is: '==', eq: '==', ne: '!=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

export function toZen(c: Lowered): string {
  if (isLoweredLeaf(c)) {
    if (!IDENT.test(c.fact)) throw new Error(`bench: fact ${c.fact} is not a ZEN identifier`);
    const x = c.fact;
    switch (c.op) {
      case 'in':
        return `${x} in ${list(c.value)}`;
      case 'not_in':
        return `not (${x} in ${list(c.value)})`;
      case 'between': {
        const [min, max] = c.value as number[];
        return `${x} in [${literal(min)}..${literal(max)}]`;
      }
      case 'has':
        return `contains(${x}, ${literal(c.value)})`;
      case 'has_any':
        return `some(${x}, # in ${list(c.value)})`;
      case 'has_all':
        return `all(${list(c.value)}, # in ${x})`;
      case 'date_gte':
        return `d(${x}) >= d(${literal(c.value)})`;
      case 'date_lte':
        return `d(${x}) <= d(${literal(c.value)})`;
      default:
        return `${x} ${COMPARE[c.op]} ${literal(c.value)}`;
    }
  }
  if ('everyone' in c) return 'true';
  if ('not' in c) return `not (${toZen(c.not)})`;
  const [items, glue, empty] = 'all' in c ? [c.all, ' and ', 'true'] : [c.any, ' or ', 'false'];
  return items.length ? `(${items.map(toZen).join(glue)})` : empty;
}

const outputKey = (id: string) => id.replace(/-/g, '_');

/** The decision as JDM (the JSON the GoRules editor writes). */
export function zenDecision(rules: readonly { id: string; rule: Lowered }[]): object {
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'eligibility',
        type: 'expressionNode',
        name: 'Eligibility',
        position: { x: 300, y: 0 },
        content: { expressions: rules.map((r, i) => ({ id: `e${i}`, key: outputKey(r.id), value: toZen(r.rule) })) },
      },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: 'in', sourceId: 'request', targetId: 'eligibility', type: 'edge' },
      { id: 'out', sourceId: 'eligibility', targetId: 'response', type: 'edge' },
    ],
  };
}

/**
 * The decision evaluated one profile at a time (`inFlight` 1), as a request
 * handler would, or `inFlight` at a time, which lets the binding spread the
 * work over its threads: zen-engine's best case.
 */
export function zenEngine(rules: readonly { id: string; rule: Lowered }[], inFlight = 1): BenchEngine {
  const decision = new ZenEngine().createDecision(zenDecision(rules));
  const keys = rules.map((r) => outputKey(r.id));
  return {
    name: inFlight === 1 ? 'zen-engine (await each)' : `zen-engine (${inFlight} in flight)`,
    pkg: '@gorules/zen-engine',
    slow: true,
    async eligible(p) {
      const { result } = await decision.evaluate(p);
      return Uint8Array.from(keys, (k) => (result[k] === true ? 1 : 0));
    },
    async pass(profiles) {
      if (inFlight === 1) {
        for (let i = 0; i < profiles.length; i++) await decision.evaluate(profiles[i]);
        return;
      }
      for (let i = 0; i < profiles.length; i += inFlight) {
        await Promise.all(profiles.slice(i, i + inFlight).map((p) => decision.evaluate(p)));
      }
    },
  };
}
