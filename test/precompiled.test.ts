/**
 * The precompiled catalogue (dist/catalogue.json) is the YAML catalogue,
 * and is used only while it still matches the rule files and the tables
 * they are checked against.
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue.js';
import { BUILTIN_RULES_DIR } from '../src/paths.js';
import { precompiledText, readPrecompiledCatalogue, rulesFingerprint } from '../src/precompiled.js';
import { FIELDS, type FieldDef } from '../src/profile/fields.js';
import { loadRules } from '../src/rules/loader.js';
import { OPERATOR_NAMES } from '../src/rules/operators.js';

const dir = mkdtempSync(join(tmpdir(), 'lc-precompiled-'));
const rules = join(dir, 'data');
const file = join(dir, 'catalogue.json');
for (const f of readdirSync(BUILTIN_RULES_DIR).filter((f) => /\.ya?ml$/.test(f))) cpSync(join(BUILTIN_RULES_DIR, f), join(rules, f));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fromYaml = () => {
  const loaded = loadRules(rules);
  expect(loaded.issues).toEqual([]);
  return loaded.catalogue;
};

describe('the precompiled catalogue', () => {
  it('is not used once the profile fields or the operators change (a new build is needed)', () => {
    writeFileSync(file, precompiledText(fromYaml(), rules));
    const fields = FIELDS as FieldDef[];
    fields.push({ key: 'test_only_fact', zh: '测试', en: 'test', type: 'boolean', group: 'identity' });
    try {
      expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();
    } finally {
      fields.pop();
    }
    const operators = OPERATOR_NAMES as string[];
    operators.push('test_only_op');
    try {
      expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();
    } finally {
      operators.pop();
    }
    expect(readPrecompiledCatalogue(file, rules)).toEqual(fromYaml());
  });

  it('reads back as exactly the catalogue the YAML gives', () => {
    writeFileSync(file, precompiledText(fromYaml(), rules));
    expect(readPrecompiledCatalogue(file, rules)).toEqual(fromYaml());
  });

  it('is not used once a rule file changes, is added or is removed', () => {
    writeFileSync(file, precompiledText(fromYaml(), rules));
    const before = rulesFingerprint(rules);
    appendFileSync(join(rules, 'elderly.yaml'), '\n# edited\n');
    expect(rulesFingerprint(rules)).not.toBe(before);
    expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();

    writeFileSync(file, precompiledText(fromYaml(), rules));
    writeFileSync(join(rules, 'extra.yaml'), 'domain: x\n');
    expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();
    rmSync(join(rules, 'extra.yaml'));
    expect(readPrecompiledCatalogue(file, rules)).toEqual(fromYaml());
  });

  it('is not used when missing, unreadable or of another format', () => {
    expect(readPrecompiledCatalogue(join(dir, 'absent.json'), rules)).toBeUndefined();
    writeFileSync(file, '{ not json');
    expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();
    writeFileSync(file, JSON.stringify({ ...JSON.parse(precompiledText(fromYaml(), rules)), format: 0 }));
    expect(readPrecompiledCatalogue(file, rules)).toBeUndefined();
  });

  it('gives loadCatalogue() the same catalogue whichever way it is read', () => {
    const loaded = loadRules(BUILTIN_RULES_DIR);
    expect(loadCatalogue()).toEqual(loaded.catalogue);
    expect(loadCatalogue(BUILTIN_RULES_DIR)).toEqual(loaded.catalogue);
  });
});
