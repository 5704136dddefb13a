/**
 * The JSON Schemas editors use: they accept every profile written in the
 * repository (examples/ and the rule files' example cases) and every rule
 * file, reject broken ones, agree with the profile reader on spellings, and
 * equal the files shipped in schema/.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { coerceValue } from '../../src/profile/coerce.js';
import { FIELDS, FIELD_BY_KEY } from '../../src/profile/fields.js';
import { FALSE_SPELLINGS, jsonSchema, jsonSchemaText, SCHEMA_FILES, TRUE_SPELLINGS, valueSpellings } from '../../src/rules/json-schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validateProfile = ajv.compile(jsonSchema('profile'));
const validateRules = ajv.compile(jsonSchema('rules'));

const read = (path: string): unknown => parse(readFileSync(path, 'utf8'));
const yamlIn = (dir: string) => readdirSync(join(PACKAGE_ROOT, dir)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(PACKAGE_ROOT, dir, f));
const ruleFiles = yamlIn('data').filter((f) => !f.endsWith('parameters.yaml'));

interface RuleFileData {
  items: { id: string; examples: { name: string; profile: unknown }[] }[];
}

const exampleProfiles: [string, unknown][] = [
  ...yamlIn('examples').map((f): [string, unknown] => [f.slice(PACKAGE_ROOT.length + 1), read(f)]),
  ...ruleFiles.flatMap((f) => (read(f) as RuleFileData).items.flatMap((item) => item.examples.map((ex): [string, unknown] => [`${item.id}「${ex.name}」`, ex.profile]))),
];

describe('the profile schema', () => {
  it('has the example profiles to check', () => {
    expect(exampleProfiles.length).toBeGreaterThan(300);
  });

  it.each(exampleProfiles)('accepts %s', (_name, profile) => {
    expect(validateProfile(profile), JSON.stringify(validateProfile.errors)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['an unknown key', { 出生日期: '1960-06-01', hukuo_type: 'rural' }],
    ['a value outside the enum', { sex: 'maleish' }],
    ['a yes/no it cannot read', { 常住: '也许' }],
    ['an age out of range', { age: 200 }],
    ['a set member that does not exist', { insurance: ['employee_medical', 'pet_insurance'] }],
    ['a date in no known form', { birth_date: 'June 1st' }],
    ['a list where one value belongs', { sex: ['male'] }],
  ])('rejects %s', (_name, profile) => {
    expect(validateProfile(profile)).toBe(false);
  });

  it('rejects the broken profile of the CLI fixtures', () => {
    expect(validateProfile(parse('age: -1\nhukuo_type: x\n'))).toBe(false);
  });

  it('titles each key with its Chinese label', () => {
    const json = jsonSchema('profile') as { $defs: Record<string, { title?: string }> };
    expect(json.$defs.birth_date.title).toBe('出生日期');
    expect(json.$defs.hukou_type.title).toBe('户籍性质');
  });

  it('offers only yes/no words the reader takes, and reads them the same way', () => {
    const field = FIELD_BY_KEY.get('resident')!;
    for (const w of TRUE_SPELLINGS) expect(coerceValue(field, w), w).toEqual({ ok: true, value: true });
    for (const w of FALSE_SPELLINGS) expect(coerceValue(field, w), w).toEqual({ ok: true, value: false });
  });

  it('offers only enum spellings the reader takes', () => {
    for (const field of FIELDS.filter((f) => f.type === 'enum')) {
      for (const s of valueSpellings(field)) expect(coerceValue(field, s).ok, `${field.key}: ${s}`).toBe(true);
    }
  });
});

describe('the rule file schema', () => {
  it.each(ruleFiles.map((f) => [f.slice(PACKAGE_ROOT.length + 1), f]))('accepts %s', (_name, file) => {
    expect(validateRules(read(file)), JSON.stringify(validateRules.errors?.slice(0, 3))).toBe(true);
  });

  it.each(['UNKNOWN_OPERATOR', 'UNKNOWN_FACT', 'SCHEMA', 'MISSING_SOURCE'])('rejects the %s fixture', (code) => {
    expect(validateRules(read(join(PACKAGE_ROOT, 'test', 'fixtures', 'rules', `${code}.yaml`)))).toBe(false);
  });
});

describe('the shipped schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))('`schema %s` prints what schema/%s holds', (kind, file) => {
    expect(readFileSync(join(PACKAGE_ROOT, 'schema', file), 'utf8')).toBe(jsonSchemaText(kind as 'profile' | 'rules'));
  });

  it('are named by the first line of every example and rule file', () => {
    for (const f of yamlIn('examples')) expect(readFileSync(f, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/profile.schema.json');
    for (const f of ruleFiles) expect(readFileSync(f, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/rules.schema.json');
  });
});
