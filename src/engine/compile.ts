/**
 * Compiling condition trees into JavaScript functions, once per catalogue.
 * Every value from a rule file enters the source through JSON.stringify and
 * every fact name as a JSON string property key, never by pasting text.
 */
import { CODEGEN_HELPERS, OPERATOR_BY_NAME, isParamRef } from '../rules/operators.js';
import { isLeaf, type Catalogue, type Condition, type Item } from '../rules/types.js';
import type { EvalContext } from './context.js';
import type { Truth } from './truth.js';

type Profile = Record<string, unknown>;
export type CompiledCondition = (p: Profile, c: EvalContext) => Truth;

class Emitter {
  private next = 0;
  readonly vars: string[] = [];
  fresh(): string {
    const name = `v${this.next++}`;
    this.vars.push(name);
    return name;
  }
}

function leafCode(leaf: Extract<Condition, { fact: string }>, out: string): string {
  const op = OPERATOR_BY_NAME.get(leaf.op)!;
  const fact = `p[${JSON.stringify(leaf.fact)}]`;
  if (isParamRef(leaf.value)) {
    const param = `c.params[${JSON.stringify(leaf.value.param)}]`;
    return `x=${fact};z=${param};${out}=(x===undefined||z===undefined)?1:(${op.js('x', 'z')})?2:0;`;
  }
  return `x=${fact};${out}=x===undefined?1:(${op.js('x', JSON.stringify(leaf.value))})?2:0;`;
}

let labelCount = 0;

function nodeCode(cond: Condition, out: string, em: Emitter): string {
  if (isLeaf(cond)) return leafCode(cond, out);
  if ('everyone' in cond) return `${out}=2;`;
  if ('not' in cond) {
    const t = em.fresh();
    return `${nodeCode(cond.not, t, em)}${out}=2-${t};`;
  }
  const isAll = 'all' in cond;
  const children = isAll ? cond.all : cond.any;
  const label = `L${labelCount++}`;
  const t = em.fresh();
  // AND stops at the first false, OR at the first true; unknown is remembered.
  const decisive = isAll ? 0 : 2;
  let code = `${out}=${isAll ? 2 : 0};${label}:{`;
  for (const child of children) {
    code += `${nodeCode(child, t, em)}if(${t}===${decisive}){${out}=${decisive};break ${label};}if(${t}===1)${out}=1;`;
  }
  return `${code}}`;
}

function functionSource(cond: Condition): string {
  const em = new Emitter();
  const body = nodeCode(cond, 'r', em);
  const decls = ['x', 'y', 'z', 'r', ...em.vars].join(',');
  return `let ${decls};${body}return r;`;
}

/** Compiles one condition tree into a function returning 0, 1 or 2. */
export function compileCondition(cond: Condition): CompiledCondition {
  const inner = new Function('p', 'c', 'h', functionSource(cond)) as (p: Profile, c: EvalContext, h: typeof CODEGEN_HELPERS) => Truth;
  return (p, c) => inner(p, c, CODEGEN_HELPERS);
}

/** The rule an item's part is judged by: the item's own rule AND the part's. */
export function partCondition(item: Item, partIndex: number): Condition {
  const part = item.parts![partIndex];
  return item.rule ? { all: [item.rule, part.rule] } : part.rule;
}

/** An item's whole rule: its own rule, and when it has parts, any of them. */
export function itemCondition(item: Item): Condition {
  if (!item.parts) return item.rule!;
  const anyPart: Condition = { any: item.parts.map((p) => p.rule) };
  return item.rule ? { all: [item.rule, anyPart] } : anyPart;
}

/**
 * One function for a whole catalogue, writing every item's answer (0
 * ineligible, 1 undetermined, 2 eligible) into `out`, in catalogue order.
 * This is the fast path for batches and benchmarks: no explanations.
 */
export function compileCatalogue(catalogue: Catalogue): (p: Profile, c: EvalContext, out: Uint8Array) => Uint8Array {
  const em = new Emitter();
  let body = '';
  catalogue.items.forEach((item, i) => {
    body += `${nodeCode(itemCondition(item), 'r', em)}o[${i}]=r;`;
  });
  const decls = ['x', 'y', 'z', 'r', ...em.vars].join(',');
  const inner = new Function('p', 'c', 'h', 'o', `let ${decls};${body}return o;`) as (
    p: Profile,
    c: EvalContext,
    h: typeof CODEGEN_HELPERS,
    o: Uint8Array,
  ) => Uint8Array;
  return (p, c, out) => inner(p, c, CODEGEN_HELPERS, out);
}
