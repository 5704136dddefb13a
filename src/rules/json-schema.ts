/**
 * JSON Schemas for editors (VS Code's YAML extension reads the
 * `# yaml-language-server: $schema=…` line): one for a profile, built from
 * the profile field table, and one for a rule file, from the rule file's zod
 * schema. Both come from zod 4's `z.toJSONSchema`, with Chinese titles and
 * descriptions, so hovering a key shows its label and completion offers the
 * allowed values. The files in schema/ are this module's output.
 */
import { z } from 'zod';
import { FALSE_WORDS, TRUE_WORDS, allowedValues } from '../profile/coerce.js';
import { FIELDS, RULE_FACTS, type FieldDef } from '../profile/fields.js';
import { OPERATORS } from './operators.js';
import { ruleFileSchema } from './schema.js';

export type SchemaKind = 'profile' | 'rules';
export const SCHEMA_KINDS: readonly SchemaKind[] = ['profile', 'rules'];

/** The file each schema is shipped as, under schema/. */
export const SCHEMA_FILES: Record<SchemaKind, string> = { profile: 'profile.schema.json', rules: 'rules.schema.json' };

/**
 * The yes/no words the profile reader accepts (src/profile/coerce.ts),
 * spelled as people type them; a test checks each one reads as the same
 * boolean.
 */
/** Every case a YAML or CSV cell may write a boolean word in (the reader compares in lower case). */
const spellingsOf = (words: ReadonlySet<string>): string[] =>
  [...new Set([...words].flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase()]))];
export const TRUE_SPELLINGS = spellingsOf(TRUE_WORDS);
export const FALSE_SPELLINGS = spellingsOf(FALSE_WORDS);

const SET_SEPARATOR = '[;；，、,]';
const EMPTY_SET_WORDS = ['无', 'none'];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every spelling of an enum or set value the reader accepts. */
export function valueSpellings(field: FieldDef): string[] {
  const out = new Set<string>();
  for (const v of field.values ?? []) for (const s of [v.value, v.zh, v.en, ...(v.aliases ?? [])]) out.add(s);
  return [...out];
}

function valueSchema(field: FieldDef): z.ZodType {
  switch (field.type) {
    case 'boolean':
      return z.union([z.boolean(), z.enum([...TRUE_SPELLINGS, ...FALSE_SPELLINGS]), z.literal(1), z.literal(0)]);
    case 'enum':
      return z.enum(valueSpellings(field));
    case 'set': {
      const spellings = valueSpellings(field);
      const one = `(?:${[...spellings, ...EMPTY_SET_WORDS].map(escapeRegex).join('|')})`;
      const joined = new RegExp(`^\\s*(?:${one}(?:\\s*${SET_SEPARATOR}\\s*${one})*)?\\s*$`);
      return z.union([z.array(z.enum([...spellings, ...EMPTY_SET_WORDS])), z.string().regex(joined)]);
    }
    case 'integer': {
      let n = z.int();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return z.union([n, z.string().regex(/^\s*(?:[0-9０-９]+|[零一二两三四五六七八九十百]+)\s*(?:周岁|[级岁元])?\s*$/)]);
    }
    case 'number': {
      let n = z.number();
      if (field.min !== undefined) n = n.min(field.min);
      if (field.max !== undefined) n = n.max(field.max);
      return z.union([n, z.string().regex(/^\s*-?\d+(?:\.\d+)?\s*元?\s*$/)]);
    }
    case 'date':
      return z.union([
        z.string().regex(/^\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})(?:\s+(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?\s*$/),
        z.int().min(18000101).max(29991231),
      ]);
    case 'string':
      return z.union([z.string(), z.number()]);
  }
}

function fieldDescription(field: FieldDef, spelling: string): string {
  const head = spelling === field.key ? `${field.zh}（${field.en}）` : `${field.zh}，即 ${field.key}（${field.en}）`;
  const values = field.values ? `。取值：${allowedValues(field)}` : '';
  const kind = field.type === 'boolean' ? '。是/否（true/false）' : field.type === 'date' ? '。日期 YYYY-MM-DD' : field.type === 'set' ? '，可多选（列表，或用顿号分隔）' : '';
  const range = field.min !== undefined || field.max !== undefined ? `。范围 ${field.min ?? '…'}–${field.max ?? '…'}` : '';
  return `${head}${kind}${values}${range}`;
}

interface Meta {
  id?: string;
  title?: string;
  description?: string;
}

/**
 * Titles and descriptions live in a registry of our own rather than zod's
 * global one, so building the schemas twice (tests, the generator) never
 * meets an id twice.
 */
let built: { profile: z.ZodType; registry: z.core.$ZodRegistry<Meta> } | undefined;

/**
 * The zod schema of a profile file: every key of the field table under its
 * English key, its Chinese label and its aliases; values in every spelling
 * the reader accepts; an empty value means unknown.
 */
function buildProfile(): NonNullable<typeof built> {
  if (built) return built;
  const registry = z.registry<Meta>();
  const shape: Record<string, z.ZodType> = {};
  for (const field of FIELDS) {
    // One value schema per field, referenced from each spelling of its key.
    const value = z.union([valueSchema(field), z.null()]);
    registry.add(value, { id: field.key, title: field.zh, description: fieldDescription(field, field.key) });
    for (const spelling of [field.key, field.zh, ...(field.aliases ?? [])]) {
      if (spelling in shape) continue;
      const property = value.optional();
      registry.add(property, { title: field.zh, description: fieldDescription(field, spelling) });
      shape[spelling] = property;
    }
  }
  const profile = z.strictObject(shape);
  registry.add(profile, {
    title: '个人档案（隆昌市基本公共服务核查）',
    description: '一个人的情况：键可用英文键或中文名称，未知的情况不写。A person\'s facts: English keys or Chinese labels; leave out what is unknown.',
  });
  built = { profile, registry };
  return built;
}

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Visits every object node of a JSON Schema. */
function walk(node: unknown, visit: (o: Json) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (isObject(node)) {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const TYPE_WORDS: Record<string, string> = { boolean: '是/否', enum: '单选', set: '多选', integer: '整数', number: '数字', date: '日期', string: '文本' };

function profileJson(): Json {
  const { profile, registry } = buildProfile();
  return z.toJSONSchema(profile, { metadata: registry, reused: 'inline' }) as Json;
}

function rulesJson(): Json {
  const json = z.toJSONSchema(ruleFileSchema) as Json;
  const facts = RULE_FACTS.map((f) => ({ const: f.key, description: `${f.zh}（${TYPE_WORDS[f.type]}${f.values ? `：${f.values.map((v) => v.value).join(', ')}` : ''}）` }));
  const ops = OPERATORS.map((o) => ({ const: o.name, description: `${o.zh} / ${o.en}（用于：${o.accepts.join(', ')}）` }));
  walk(json, (o) => {
    const props = o.properties;
    if (!isObject(props)) return;
    // The leaf condition: offer the profile keys and the operators, each with its meaning.
    if ('fact' in props && 'op' in props && 'value' in props) {
      props.fact = { description: '档案字段（英文键）', anyOf: facts };
      props.op = { description: '运算符', anyOf: ops };
    }
    // An example's profile is a profile: check and complete it like one.
    if ('profile' in props && 'expect' in props) props.profile = { $ref: '#/$defs/profile', description: '示例的个人档案' };
  });
  // The profile's own definitions (one per field) join the rule file's, beside the profile itself.
  const { $schema: _drop, $defs: fieldDefs, ...profile } = profileJson();
  json.title = '规则文件（隆昌市“十四五”基本公共服务清单）';
  json.description = '一个领域的服务项目及其规则、出处和示例。见 docs/rule-format.md。';
  json.$defs = { ...(isObject(json.$defs) ? json.$defs : {}), ...(isObject(fieldDefs) ? fieldDefs : {}), profile };
  return json;
}

/** A schema as a JSON value. */
export function jsonSchema(kind: SchemaKind): Json {
  return kind === 'profile' ? profileJson() : rulesJson();
}

/** A schema exactly as `longchang-check schema KIND` prints it and schema/ ships it. */
export function jsonSchemaText(kind: SchemaKind): string {
  return JSON.stringify(jsonSchema(kind), null, 2) + '\n';
}
