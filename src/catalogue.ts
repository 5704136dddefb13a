/** Loading the catalogue for checks: the built-in rules or another folder. */
import { CliError } from './issues.js';
import { BUILTIN_RULES_DIR } from './paths.js';
import { loadRules } from './rules/loader.js';
import type { Catalogue } from './rules/types.js';

/**
 * The catalogue from a rule folder (default: the built-in data/). Throws a
 * CliError (exit 2) listing every problem when the rules do not load.
 */
export function loadCatalogue(dir: string = BUILTIN_RULES_DIR): Catalogue {
  const loaded = loadRules(dir);
  if (loaded.issues.length > 0) throw new CliError(2, loaded.issues);
  return loaded.catalogue;
}
