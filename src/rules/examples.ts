/**
 * Running the example cases written beside the rules (OpenFisca's YAML tests
 * are the model): each example's profile is read like any profile, checked
 * on its date, and compared with the expected status, parts and missing facts.
 */
import type { Checker, ItemResult } from '../engine/check.js';
import { parseIsoDate } from '../profile/dates.js';
import { normaliseRecord } from '../profile/normalise.js';
import type { Example, Item } from './types.js';

/** Examples without a date are checked on the last day of the plan. */
export const DEFAULT_EXAMPLE_DATE = '2025-12-31';

export interface ExampleOutcome {
  item: Item;
  example: Example;
  index: number;
  passed: boolean;
  /** What differs, in words; empty when passed. */
  problems: string[];
  actual?: ItemResult;
}

/** The same keys, each once: a list written with a key twice and another left out is not the same. */
const sameSet = (a: string[], b: string[]) => new Set(a).size === a.length && a.length === b.length && a.every((x) => b.includes(x));

export function runExample(checker: Checker, item: Item, example: Example, index: number): ExampleOutcome {
  const asOf = example.as_of ?? DEFAULT_EXAMPLE_DATE;
  // Checked on an impossible date (2025-02-30) an example would pass or fail by accident.
  if (parseIsoDate(asOf) === undefined) {
    return { item, example, index, passed: false, problems: [`as_of: ${String(asOf)} is not a real calendar date (YYYY-MM-DD)`] };
  }
  const read = normaliseRecord(example.profile, { asOf });
  if (!read.ok) {
    return { item, example, index, passed: false, problems: read.issues.map((i) => `profile: ${i.message}`) };
  }
  const actual = checker.checkItem(item, read.profile, asOf);
  const problems: string[] = [];
  if (actual.status !== example.expect) problems.push(`expected ${example.expect}, got ${actual.status}`);
  for (const [partId, expected] of Object.entries(example.parts ?? {})) {
    const part = actual.parts?.find((p) => p.id === partId);
    if (!part) problems.push(`no part ${partId}`);
    else if (part.status !== expected) problems.push(`part ${partId}: expected ${expected}, got ${part.status}`);
  }
  if (example.missing && !sameSet(example.missing, actual.missing)) {
    problems.push(`missing: expected [${example.missing.join(', ')}], got [${actual.missing.join(', ')}]`);
  }
  return { item, example, index, passed: problems.length === 0, problems, actual };
}

export function runExamples(checker: Checker, filter?: (item: Item) => boolean): ExampleOutcome[] {
  const out: ExampleOutcome[] = [];
  for (const item of checker.catalogue.items) {
    if (filter && !filter(item)) continue;
    item.examples.forEach((ex, i) => out.push(runExample(checker, item, ex, i)));
  }
  return out;
}
