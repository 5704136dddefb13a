import { loadRules } from '../../src/rules/loader.js';
import { BUILTIN_RULES_DIR } from '../../src/paths.js';
import type { Catalogue, Condition, Item } from '../../src/rules/types.js';

let cached: Catalogue | undefined;
/** The built-in catalogue, loaded once per test file. */
export function builtinCatalogue(): Catalogue {
  if (!cached) {
    const loaded = loadRules(BUILTIN_RULES_DIR);
    if (loaded.issues.length) throw new Error(loaded.issues.map((i) => `${i.file}:${i.line} ${i.message}`).join('\n'));
    cached = loaded.catalogue;
  }
  return cached;
}

/** A one-item catalogue around a rule, for engine tests. */
export function catalogueOf(rule: Condition, extra: Partial<Item> = {}): Catalogue {
  const item: Item = {
    id: 'x', name: 'X', domain: 'test', target: 'X', file: 'x.yaml',
    source: { table: '表0—1', chapter: '第零章', line: 1 },
    valid: { from: '2021-01-01', to: '2025-12-31' },
    rule, examples: [], ...extra,
  };
  return {
    title: 'test', valid_from: '2021-01-01', valid_to: '2025-12-31',
    domains: [{ id: 'test', name: '测试', file: 'x.yaml' }], items: [item],
    parameters: { standard: { zh: '标准', values: [] }, set_standard: { zh: '已定标准', values: [{ from: '2020-01-01', value: 500 }] } },
  };
}
