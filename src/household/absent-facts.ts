/**
 * The profile facts no row of a roster can hold: no column gives them, and
 * none is read from another cell or from the household. The engine answers
 * such rows faster knowing it (Checker.statusesWithout). It still looks at
 * each profile, so a fact wrongly listed here costs speed, never an answer.
 */
import { FIELDS } from '../profile/fields.js';
import { DERIVED_FROM } from '../profile/normalise.js';
import type { ColumnPlan } from './columns.js';
import { HOUSEHOLD_FACTS } from './household-facts.js';

export function absentFacts(plan: ColumnPlan): Set<string> {
  const possible = new Set<string>(HOUSEHOLD_FACTS);
  for (const key of plan.keys) {
    if (key === undefined) continue;
    possible.add(key);
    for (const derived of DERIVED_FROM[key] ?? []) possible.add(derived);
  }
  return new Set(FIELDS.map((f) => f.key).filter((key) => !possible.has(key)));
}
