/** The rule model shared by the loader, the compiler and the engine. */
import type { OperatorName } from './operators.js';

export type Leaf = { fact: string; op: OperatorName; value: unknown };
export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { everyone: true }
  | Leaf;

export interface SourceRef {
  table: string;
  chapter: string;
  line: number;
}

export interface Amount {
  label: string;
  value?: number;
  min?: number;
  max?: number;
  unit: string;
  source: { line: number; text: string };
}

export interface Example {
  name: string;
  as_of?: string;
  profile: Record<string, unknown>;
  expect: Status;
  parts?: Record<string, Status>;
  missing?: string[];
}

export interface Part {
  id: string;
  name: string;
  target?: string;
  note?: string;
  rule: Condition;
  amounts?: Amount[];
}

export interface Item {
  id: string;
  name: string;
  domain: string;
  target: string;
  source: SourceRef;
  valid: { from: string; to: string };
  note?: string;
  rule?: Condition;
  parts?: Part[];
  amounts?: Amount[];
  examples: Example[];
  /** Where the item is written, for messages. */
  file: string;
  line?: number;
}

export interface Parameter {
  zh: string;
  unit?: string;
  note?: string;
  values: { from: string; value: number; source?: string }[];
}

export interface DomainInfo {
  id: string;
  name: string;
  source?: SourceRef;
  file: string;
}

export interface Catalogue {
  title: string;
  valid_from: string;
  valid_to: string;
  domains: DomainInfo[];
  items: Item[];
  parameters: Record<string, Parameter>;
}

export type Status = 'eligible' | 'ineligible' | 'undetermined';

export const isLeaf = (c: Condition): c is Leaf => 'fact' in c;

/** Every leaf of a condition tree, in order. */
export function leavesOf(cond: Condition, out: Leaf[] = []): Leaf[] {
  if (isLeaf(cond)) out.push(cond);
  else if ('all' in cond) cond.all.forEach((c) => leavesOf(c, out));
  else if ('any' in cond) cond.any.forEach((c) => leavesOf(c, out));
  else if ('not' in cond) leavesOf(cond.not, out);
  return out;
}
