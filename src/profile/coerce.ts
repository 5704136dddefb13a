/**
 * Turning a raw value (YAML scalar, JSON value or CSV cell) into the typed
 * value of a field: booleans in several spellings, enum values in English or
 * Chinese, sets as lists or split strings, real calendar dates.
 */
import type { IssueCode } from '../issues.js';
import { formatYmd, parseIsoDate } from './dates.js';
import type { EnumValue, FieldDef } from './fields.js';
import { hasChinese, nearest } from './keys.js';

/** Where in a set's value the bad element is: its index in a list, or where it starts in a split string. */
export type ElementAt = { index: number } | { offset: number };

export type Coerced = { ok: true; value: unknown } | { ok: false; code: IssueCode; detail: string; element?: ElementAt };

/** Boolean spellings, compared in lower case (the JSON Schema lists their cases from these). */
export const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', 'y', '是', '1', '有', '对', '√', '✓', '✔']);
export const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', 'n', '否', '0', '无', '没有', '×', '✗', '✘']);
const SET_SEPARATORS = /[;；，、,]/;
const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const D = '[一二两三四五六七八九]';
/** 六, 十, 十六, 六十, 六十五. */
const TENS = new RegExp(`^(${D})?十(${D})?$`);
/** 一百, 一百零二, 一百十, 一百二十三, and the spoken 一百一 (110). */
const HUNDREDS = new RegExp(`^(${D})百(?:零(${D})|(${D})?十(${D})?|(${D}))?$`);

/**
 * A whole number written in Chinese numerals up to 999, or undefined for
 * anything else: 六五 (65 typed digit by digit) or 十十 are no numbers, and
 * are refused rather than read as 5 or 20.
 */
function chineseNumber(text: string): number | undefined {
  const digit = (c: string | undefined) => (c === undefined ? undefined : CN_DIGITS[c]);
  if (/^[零一二两三四五六七八九]$/.test(text)) return CN_DIGITS[text];
  const tens = TENS.exec(text);
  if (tens) return (digit(tens[1]) ?? 1) * 10 + (digit(tens[2]) ?? 0);
  const h = HUNDREDS.exec(text);
  if (!h) return undefined;
  const hundreds = digit(h[1])! * 100;
  if (h[2] !== undefined) return hundreds + digit(h[2])!;
  if (h[5] !== undefined) return hundreds + digit(h[5])! * 10;
  if (text.includes('十')) return hundreds + (digit(h[3]) ?? 1) * 10 + (digit(h[4]) ?? 0);
  return hundreds;
}

/** A value in one pair of curly or corner quotes, as an input method types them (“是”), without them. */
function unquoted(text: string): string {
  return /^\s*(?:“([^“”]*)”|‘([^‘’]*)’|「([^「」]*)」)\s*$/.exec(text)?.slice(1).find((inner) => inner !== undefined) ?? text;
}

/** Full-width digits and Ｘ (１９６０, ６５), as an input method types them, as ASCII. */
const asciiDigits = (text: string): string =>
  text.replace(/[０-９Ｘｘ]/g, (c) => (c === 'Ｘ' || c === 'ｘ' ? 'X' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));

/** A value typed with an input method, made plain: quotes off, digits ASCII. Names and places stay as written. */
function plainTyped(field: FieldDef, text: string): string {
  if (field.type === 'string') return field.key === 'id_number' ? asciiDigits(text) : text;
  return asciiDigits(field.type === 'set' ? text : unquoted(text));
}

const enumIndexCache = new WeakMap<FieldDef, Map<string, string>>();

function enumIndex(field: FieldDef): Map<string, string> {
  let index = enumIndexCache.get(field);
  if (!index) {
    index = new Map();
    for (const v of field.values ?? []) {
      // 其它 is a common writing of 其他.
      for (const s of [v.value, v.zh, v.en, ...(v.aliases ?? [])]) for (const w of [s, s.replace('其他', '其它')]) index.set(w.trim().toLowerCase(), v.value);
    }
    enumIndexCache.set(field, index);
  }
  return index;
}

/** A field as a message names it: its Chinese label and its key, 常住（resident）. */
const named = (field: FieldDef): string => `${field.zh}（${field.key}）`;

export function allowedValues(field: FieldDef): string {
  return (field.values ?? []).map((v: EnumValue) => `${v.value}（${v.zh}）`).join('、');
}

function enumValue(field: FieldDef, raw: string): Coerced {
  const hit = enumIndex(field).get(raw.trim().toLowerCase());
  if (hit !== undefined) return { ok: true, value: hit };
  // A broader word than the plan's (高血压, 退役军人) suggests the values it is broader than. A Chinese
  // word one character from a value is no typo to correct: 已离婚 is one from 已婚, 待业 from 就业.
  const narrower = (field.values ?? []).filter((v) => v.broader?.includes(raw.trim())).map((v) => v.zh);
  const guess = narrower.length > 0 ? narrower.join('、') : hasChinese(raw) ? undefined : nearest(raw, (field.values ?? []).map((v) => v.value));
  const hint = guess ? `；是不是 ${guess}${narrower.length > 1 ? ' 之一' : ''}？` : '';
  return { ok: false, code: 'BAD_ENUM', detail: `“${raw}”不是${named(field)}的允许值；允许：${allowedValues(field)}${hint}` };
}

function dateValue(raw: unknown): Coerced {
  if (raw instanceof Date && !Number.isNaN(raw.getTime())) {
    return { ok: true, value: formatYmd({ y: raw.getUTCFullYear(), m: raw.getUTCMonth() + 1, d: raw.getUTCDate() }) };
  }
  const text = String(raw).trim();
  // A time after the date (Excel's "1960-06-01 00:00:00", "1960/6/1 0:00") is dropped: only the day counts.
  const day = text.replace(/\s+([01]?[0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$/, '');
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(day) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(day);
  const iso = m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : day;
  const ymd = parseIsoDate(iso);
  if (!ymd) return { ok: false, code: 'BAD_DATE', detail: `“${text}”不是真实的日期，应为 YYYY-MM-DD` };
  return { ok: true, value: formatYmd(ymd) };
}

function numberValue(field: FieldDef, raw: unknown, integer: boolean): Coerced {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else {
    const text = String(raw).trim().replace(/(周岁|[级岁元])$/, '');
    n = chineseNumber(text) ?? (text === '' ? NaN : Number(text));
  }
  // An ID number in a number column (the columns shifted): refused, and not repeated, not shown as an income.
  if ((Number.isFinite(n) && Math.abs(n) >= 1e14) || (typeof raw === 'string' && /^\s*[0-9]{15,19}[Xx]?\s*$/.test(raw))) {
    return { ok: false, code: 'BAD_TYPE', detail: `${named(field)}应为${integer ? '整数' : '数字'}，这里却像是一个身份证号：是不是放错了列？` };
  }
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) {
    return { ok: false, code: 'BAD_TYPE', detail: `${named(field)}应为${integer ? '整数' : '数字'}，得到“${String(raw)}”` };
  }
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
    const range = `${field.min ?? '…'}–${field.max ?? '…'}`;
    return { ok: false, code: 'OUT_OF_RANGE', detail: `${named(field)}应在 ${range} 之间，得到 ${n}` };
  }
  return { ok: true, value: n };
}

/** Coerces a raw value; callers treat null, undefined and '' as unknown before calling. */
export function coerceValue(field: FieldDef, typed: unknown): Coerced {
  const raw = typeof typed === 'string' ? plainTyped(field, typed) : typed;
  // A list or a mapping where one value belongs is an error, not text to read (`常住: [是]`).
  if (field.type !== 'set' && typeof raw === 'object' && !(field.type === 'date' && raw instanceof Date)) {
    return { ok: false, code: 'BAD_TYPE', detail: field.type === 'string' ? `${named(field)}应为文本` : `${named(field)}应为单个取值${field.values ? `：${allowedValues(field)}` : ''}` };
  }
  switch (field.type) {
    case 'string':
      return { ok: true, value: String(raw).trim() };
    case 'boolean': {
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      const word = String(raw).trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, code: 'BAD_TYPE', detail: `${named(field)}应为是/否（true/false、yes/no、1/0），得到“${String(raw)}”` };
    }
    case 'integer':
      return numberValue(field, raw, true);
    case 'number':
      return numberValue(field, raw, false);
    case 'date':
      return dateValue(raw);
    case 'enum':
      return enumValue(field, String(raw));
    case 'set': {
      const parts: unknown[] = Array.isArray(raw)
        ? raw
        : typeof raw === 'string'
          ? raw.split(SET_SEPARATORS)
          : [raw];
      const out: string[] = [];
      let saidNone = false;
      let offset = 0;
      for (let i = 0; i < parts.length; i++) {
        const p = parts[i];
        const element: ElementAt = Array.isArray(raw) ? { index: i } : { offset };
        if (typeof raw === 'string') offset += String(p).length + 1;
        if (p === null || p === undefined || typeof p === 'object') {
          return { ok: false, code: 'BAD_TYPE', detail: `${named(field)}应为取值列表：${allowedValues(field)}`, ...(Array.isArray(raw) ? { element } : {}) };
        }
        const text = unquoted(String(p)).trim();
        if (text === '') continue;
        if (text === '无' || text === 'none') {
          saidNone = true;
          continue;
        }
        const one = enumValue(field, text);
        if (!one.ok) {
          // A split string's element starts after any spaces before it.
          const at = 'offset' in element ? { offset: element.offset + String(p).length - String(p).trimStart().length } : element;
          return { ...one, element: at };
        }
        if (!out.includes(one.value as string)) out.push(one.value as string);
      }
      // “居民医保、无” says both something and nothing: which one was meant is for the person to say.
      if (saidNone && out.length > 0) {
        const labels = out.map((value) => field.values?.find((v) => v.value === value)?.zh ?? value);
        return { ok: false, code: 'FACT_CONFLICT', detail: `${field.zh}（${field.key}）既写了“无”又写了 ${labels.join('、')}：只写其一` };
      }
      return { ok: true, value: out };
    }
  }
}
