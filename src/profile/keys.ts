/** Key spellings: English keys, Chinese labels and aliases, with typo hints. */
import { FIELDS, type FieldDef } from './fields.js';

/** Whether text holds a Chinese character: a spelling a character or two from another is then another word, no typo. */
export const hasChinese = (text: string): boolean => /[\u3400-\u9fff]/.test(text);

export const normaliseSpelling = (s: string): string => s.trim().toLowerCase().replace(/[\s（）()]/g, '');

/**
 * A note in brackets that only says how to write the value (身份证号（18位）,
 * 性别(男/女), 出生日期（年月日）): the header names the field without it. A
 * note that says whose value it is (身份证号（户主）, 年龄（虚岁）) is not
 * one of these, and the column stays a column of its own.
 */
const FORMAT_NOTE =
  /[（(]\s*(?:\d+\s*位|男\s*[/、或]\s*女|是\s*[/、或]\s*否|周岁|岁|元(?:\s*\/\s*[人月])*|年\s*[-/.]?\s*月\s*[-/.]?\s*日|yyyy[-/.]?mm[-/.]?dd|必填|选填|可多选|多选|单选)\s*[）)]/gi;
const withoutNote = (s: string): string => s.replace(FORMAT_NOTE, '');

const KEY_INDEX: Map<string, FieldDef> = (() => {
  const index = new Map<string, FieldDef>();
  for (const f of FIELDS) {
    for (const spelling of [f.key, f.zh, ...(f.aliases ?? [])]) index.set(normaliseSpelling(spelling), f);
  }
  return index;
})();

/** The field a key spelling names (English key, Chinese label or alias), if any. */
export function fieldForKey(spelling: string): FieldDef | undefined {
  return KEY_INDEX.get(normaliseSpelling(spelling)) ?? KEY_INDEX.get(normaliseSpelling(withoutNote(spelling)));
}

/** The profile key a header or YAML key names, if any. */
export function resolveKey(spelling: string): string | undefined {
  return fieldForKey(spelling)?.key;
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The nearest known spelling among candidates, when it is plausibly a typo (within `limit` edits when given). */
export function nearest(word: string, candidates: Iterable<string>, limit?: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const w = normaliseSpelling(word);
  for (const c of candidates) {
    const d = editDistance(w, normaliseSpelling(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  // A word of one or two characters is two edits from almost anything (否 → 低保, x → name): only one edit counts there.
  const within = limit ?? ([...w].length <= 2 ? 1 : Math.max(2, Math.ceil(w.length / 3)));
  return bestDistance <= within ? best : undefined;
}

/** Every spelling of every key: English keys, Chinese labels, aliases. */
export const KEY_SPELLINGS: readonly string[] = FIELDS.flatMap((f) => [f.key, f.zh, ...(f.aliases ?? [])]);

/** The nearest known key for an unknown key spelling: English key or Chinese label. */
export function suggestKey(spelling: string): string | undefined {
  // A Chinese key two characters from a label is another word (残疾证 is not 身份证): one only.
  const hit = nearest(spelling, KEY_SPELLINGS, hasChinese(spelling) ? 1 : undefined);
  return hit === undefined ? undefined : fieldForKey(hit)?.key;
}
