/**
 * A condition tree as a readable sentence, generated (never hand-written) so
 * it always says what the rule does: "年龄 ≥ 65 且（常住 为 是 或 本地户籍 为 是）".
 */
import { FIELD_BY_KEY } from '../profile/fields.js';
import { OPERATOR_BY_NAME, isParamRef } from './operators.js';
import { isLeaf, type Condition, type Leaf } from './types.js';

export type Lang = 'zh' | 'en';

const WORDS = {
  zh: { and: ' 且 ', or: ' 或 ', not: '并非', everyone: '所有人', yes: '是', no: '否', open: '（', close: '）', listSep: '、', years: '年', param: '参数' },
  en: { and: ' and ', or: ' or ', not: 'not ', everyone: 'everyone', yes: 'yes', no: 'no', open: '(', close: ')', listSep: ', ', years: ' years', param: 'parameter' },
};

export function factLabel(fact: string, lang: Lang): string {
  const f = FIELD_BY_KEY.get(fact);
  if (!f) return fact;
  return lang === 'zh' ? f.zh : f.en;
}

/** A value as the reader knows it: enum values by their label, booleans as 是/否. */
export function valueLabel(fact: string, value: unknown, lang: Lang): string {
  const w = WORDS[lang];
  if (value === undefined) return lang === 'zh' ? '未知' : 'unknown';
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (isParamRef(value)) return `${w.param} ${value.param}`;
  // Ranges are worded by describeLeaf; a list here is a list of choices.
  if (Array.isArray(value)) return value.length === 0 ? (lang === 'zh' ? '无' : 'none') : value.map((v) => valueLabel(fact, v, lang)).join(w.listSep);
  const f = FIELD_BY_KEY.get(fact);
  const ev = f?.values?.find((v) => v.value === value);
  if (ev) return lang === 'zh' ? ev.zh : ev.en;
  return String(value);
}

export function describeLeaf(leaf: Leaf, lang: Lang): string {
  const op = OPERATOR_BY_NAME.get(leaf.op)!;
  const label = factLabel(leaf.fact, lang);
  const w = WORDS[lang];
  const opWord = lang === 'zh' ? op.zh : op.en;
  if (leaf.op === 'within_years') {
    return lang === 'zh' ? `${label} 在核查日前${String(leaf.value)}年内` : `${label} within ${String(leaf.value)}${w.years} before the check date`;
  }
  if (leaf.op === 'age_between' && Array.isArray(leaf.value)) {
    return lang === 'zh'
      ? `${label} 对应周岁在 ${leaf.value[0]}—${leaf.value[1]} 之间`
      : `${label} gives an age of ${leaf.value[0]}–${leaf.value[1]}`;
  }
  if (leaf.op === 'between' && Array.isArray(leaf.value)) {
    return lang === 'zh' ? `${label} 在 ${leaf.value[0]}—${leaf.value[1]} 之间` : `${label} between ${leaf.value[0]} and ${leaf.value[1]}`;
  }
  return `${label} ${opWord} ${valueLabel(leaf.fact, leaf.value, lang)}`;
}

export function describe(cond: Condition, lang: Lang = 'zh', nested = false): string {
  const w = WORDS[lang];
  if (isLeaf(cond)) return describeLeaf(cond, lang);
  if ('everyone' in cond) return w.everyone;
  if ('not' in cond) return `${w.not}${w.open}${describe(cond.not, lang, false)}${w.close}`;
  const isAll = 'all' in cond;
  const children = isAll ? cond.all : cond.any;
  if (children.length === 1) return describe(children[0], lang, nested);
  const text = children.map((c) => describe(c, lang, true)).join(isAll ? w.and : w.or);
  return nested ? `${w.open}${text}${w.close}` : text;
}
