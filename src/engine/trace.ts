/**
 * Evaluating a condition tree step by step, keeping every condition's fact,
 * the value seen, the expected value and the outcome. Used for explanations
 * and for the facts an undetermined answer is waiting on; the compiled
 * functions give the same answers faster without the record.
 */
import { ASK_INSTEAD, FIELDS } from '../profile/fields.js';
import { OPERATOR_BY_NAME, isParamRef } from '../rules/operators.js';
import { isLeaf, type Condition } from '../rules/types.js';
import type { EvalContext } from './context.js';
import { FALSE, TRUE, UNKNOWN, and, not, or, type Truth } from './truth.js';

export interface TraceLeaf {
  kind: 'leaf';
  outcome: Truth;
  fact: string;
  op: string;
  expected: unknown;
  seen: unknown;
  /** Set when the comparison waits on a parameter that has no value yet. */
  missingParam?: string;
}

export type TraceNode =
  | TraceLeaf
  | { kind: 'all' | 'any'; outcome: Truth; children: TraceNode[] }
  | { kind: 'not'; outcome: Truth; child: TraceNode }
  | { kind: 'everyone'; outcome: Truth };

export function trace(cond: Condition, profile: Record<string, unknown>, ctx: EvalContext): TraceNode {
  if (isLeaf(cond)) {
    const seen = profile[cond.fact];
    const op = OPERATOR_BY_NAME.get(cond.op)!;
    let expected = cond.value;
    let missingParam: string | undefined;
    if (isParamRef(cond.value)) {
      expected = ctx.params[cond.value.param];
      if (expected === undefined) missingParam = cond.value.param;
    }
    const outcome: Truth = seen === undefined || expected === undefined ? UNKNOWN : op.test(seen, expected, ctx.asOf) ? TRUE : FALSE;
    const leaf: TraceLeaf = { kind: 'leaf', outcome, fact: cond.fact, op: cond.op, expected: cond.value, seen };
    if (missingParam) leaf.missingParam = missingParam;
    return leaf;
  }
  if ('everyone' in cond) return { kind: 'everyone', outcome: TRUE };
  if ('not' in cond) {
    const child = trace(cond.not, profile, ctx);
    return { kind: 'not', outcome: not(child.outcome), child };
  }
  const isAll = 'all' in cond;
  const children = (isAll ? cond.all : cond.any).map((c) => trace(c, profile, ctx));
  const outcome = children.reduce<Truth>((acc, c) => (isAll ? and(acc, c.outcome) : or(acc, c.outcome)), isAll ? TRUE : FALSE);
  return { kind: isAll ? 'all' : 'any', outcome, children };
}

const FIELD_ORDER = new Map(FIELDS.map((f, i) => [f.key, i]));

/**
 * The unknown leaves an undetermined node waits on: those reached through
 * unknown nodes only. A known-false branch of an OR, or a known-true branch
 * of an AND, waits on nothing.
 */
function openLeaves(node: TraceNode, out: TraceLeaf[] = []): TraceLeaf[] {
  if (node.outcome !== UNKNOWN) return out;
  if (node.kind === 'leaf') out.push(node);
  else if (node.kind === 'not') openLeaves(node.child, out);
  else if (node.kind === 'all' || node.kind === 'any') node.children.forEach((c) => openLeaves(c, out));
  return out;
}

/** The profile keys whose values would settle an undetermined node, in field-table order. */
export function missingFacts(node: TraceNode): string[] {
  // A comparison with a parameter that has no value stays unknown whatever the fact: asking for it settles nothing.
  const found = new Set(openLeaves(node).filter((l) => l.seen === undefined && !l.missingParam).map((l) => ASK_INSTEAD[l.fact] ?? l.fact));
  return [...found].sort((a, b) => (FIELD_ORDER.get(a) ?? 999) - (FIELD_ORDER.get(b) ?? 999));
}

/** Parameters without a value that an undetermined node waits on. */
export function missingParams(node: TraceNode): string[] {
  return [...new Set(openLeaves(node).flatMap((l) => (l.missingParam ? [l.missingParam] : [])))];
}

/** Every leaf of a trace, in order. */
export function leaves(node: TraceNode): TraceLeaf[] {
  if (node.kind === 'leaf') return [node];
  if (node.kind === 'not') return leaves(node.child);
  if (node.kind === 'everyone') return [];
  return node.children.flatMap(leaves);
}
