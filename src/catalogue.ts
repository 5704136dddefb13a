/** Loading the catalogue for checks: the built-in rules or another folder. */
import { CliError, makeIssue } from './issues.js';
import { BUILTIN_RULES_DIR } from './paths.js';
import { readPrecompiledCatalogue } from './precompiled.js';
import { loadRules } from './rules/loader.js';
import type { Catalogue } from './rules/types.js';

/**
 * The catalogue from a rule folder. Without a folder, the built-in rules:
 * the copy precompiled at build time while it matches data/*.yaml, else the
 * YAML itself. A folder given by name is always read from its YAML. Throws
 * a CliError (exit 2) listing every problem when the rules do not load.
 */
export function loadCatalogue(dir?: string): Catalogue {
  if (dir === undefined) {
    const precompiled = readPrecompiledCatalogue();
    if (precompiled) return precompiled;
  }
  const loaded = loadRules(dir ?? BUILTIN_RULES_DIR);
  if (loaded.issues.length > 0) throw new CliError(2, loaded.issues);
  // --rules naming parameters.yaml (or a file of no items) would answer "nothing applies" to everyone.
  if (loaded.catalogue.items.length === 0) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', `${dir} 中没有服务项目：--rules 应为规则目录或一个领域的规则文件`, { file: dir, field: '--rules' })]);
  }
  return loaded.catalogue;
}
