/**
 * Build step: load and validate the built-in rule files (data/*.yaml), then
 * write dist/catalogue.json, the copy a check loads at start-up instead of
 * parsing the YAML. Any problem in the rules fails the build, listed with
 * file, line and column. Run after `tsc` (it runs from dist/scripts/).
 */
import { Chalk } from 'chalk';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatIssues } from '../src/format/issues.js';
import { BUILTIN_RULES_DIR } from '../src/paths.js';
import { PRECOMPILED_CATALOGUE_FILE, precompiledText } from '../src/precompiled.js';
import { loadRules } from '../src/rules/loader.js';

const loaded = loadRules(BUILTIN_RULES_DIR);
if (loaded.issues.length > 0) {
  process.stderr.write(`build-catalogue: the rule files in ${BUILTIN_RULES_DIR} do not load:\n`);
  process.stderr.write(formatIssues(loaded.issues, new Chalk({ level: 0 })));
  process.exitCode = 1;
} else {
  mkdirSync(dirname(PRECOMPILED_CATALOGUE_FILE), { recursive: true });
  writeFileSync(PRECOMPILED_CATALOGUE_FILE, precompiledText(loaded.catalogue));
  process.stdout.write(`build-catalogue: ${loaded.catalogue.items.length} items → ${PRECOMPILED_CATALOGUE_FILE}\n`);
}
