/** What an evaluation needs besides the profile: the check date and the parameters in force. */
import type { Catalogue } from '../rules/types.js';

export interface EvalContext {
  asOf: string;
  /** Parameter values in force on asOf; absent when the parameter has none yet. */
  params: Record<string, number | undefined>;
}

export function makeContext(catalogue: Catalogue, asOf: string): EvalContext {
  // No prototype: a parameter named like an Object method is just a missing parameter.
  const params: Record<string, number | undefined> = Object.create(null);
  for (const [name, p] of Object.entries(catalogue.parameters)) {
    const inForce = p.values.filter((v) => v.from <= asOf).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
    params[name] = inForce?.value;
  }
  return { asOf, params };
}
