/**
 * A .json profile is held to JSON: YAML (which reads JSON) would also take
 * a trailing comma, unquoted keys and yes/no, and would call a missing
 * comma a problem with keys. JSON.parse finds the first mistake; this
 * places it and says it in Chinese. Positions then still come from the
 * YAML reader, which reads valid JSON the same way.
 */
import { makeIssue, type Issue } from './issues.js';

/** JSON.parse's words (V8), what they mean, and how to mend it. */
const EXPLAINED: [RegExp, string, string][] = [
  [/^Expected (double-quoted )?property name/, '这里应是用双引号括起的键名', '键要加英文双引号 "，不能用中文引号 “”；最后一项后面不能有逗号'],
  [/^Expected ':' after property name/, '键后面应是冒号', '键和值之间用英文冒号 :，不能用中文冒号 ：'],
  [/^Expected ',' or '}' after property value/, '值后面应是逗号或 }', '上一项后面是不是少了逗号？'],
  [/^Expected ',' or ']' after array element/, '列表元素后面应是逗号或 ]', '上一个元素后面是不是少了逗号？'],
  [/^Unterminated string/, '字符串没有闭合', '在字符串末尾补上双引号'],
  [/^Unexpected end of JSON input/, '文件在 JSON 结束之前就结束了', '检查括号和引号是否都已闭合'],
  [/^(Unexpected token|Unexpected non-whitespace character)/, '这里不该有这个字符', 'JSON 的字符串和键都要用双引号；true、false、null 要小写'],
  [/^Bad control character in string literal/, '字符串里有换行或控制字符', '换行请写成 \\n'],
  [/^Bad (escaped|Unicode escape)/, '字符串里的转义写错了', '反斜杠要写成 \\\\'],
  [/^(Unexpected number|Exponent part is missing|Unterminated fractional number|No number after minus sign)/, '数字的写法不对', 'JSON 的数字不能以 0 开头（02 要写成 2 或 "02"），也不能写成 1. 或 -'],
];

const positionIn = (message: string): number | undefined => {
  const found = /at position (\d+)/.exec(message);
  return found ? Number(found[1]) : undefined;
};

/** Whether JSON.parse fails on `text` before its end (not only because the text stops too soon). */
function failsInside(text: string): boolean {
  try {
    JSON.parse(text);
    return false;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (message.startsWith('Unexpected end of JSON input')) return false;
    const at = positionIn(message);
    return at === undefined || at < text.length;
  }
}

/**
 * Where JSON.parse stopped, when its message does not say ("Unexpected
 * token 'T', ..."): the shortest start of the text that fails before its
 * end ends at the bad character. A longer start fails too, so halving finds it.
 */
function firstBadChar(text: string): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(text.slice(0, mid + 1))) hi = mid;
    else lo = mid + 1;
  }
  return Math.min(lo, text.trimEnd().length);
}

/** The first JSON syntax mistake in `text`, at its line and column, or undefined for valid JSON. */
export function jsonSyntaxIssue(text: string, file: string): Issue | undefined {
  // An empty file is said to be empty, as for YAML, not "ends before the JSON does".
  if (text.trim() === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const offset = positionIn(message) ?? firstBadChar(text);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    // V8 quotes the text itself (Unexpected token 'T', ..."t": True}" is not valid JSON): the excerpt shows it.
    const words = message
      .replace(/, (\.\.\.)?".*$/s, '')
      .replace(/ (in JSON )?at position \d+.*$/s, '')
      .replace(/\r/g, '\\r')
      .replace(/\n/g, '\\n');
    // A comma before a closing bracket is the commonest mistake of all, and V8 calls it an unexpected token.
    const trailingComma = /^[\]}]/.test(text.slice(offset)) && /,\s*$/.test(text.slice(0, offset));
    const known: [RegExp, string, string] | undefined = trailingComma
      ? [/ /, '最后一项后面多了逗号', '删去最后一项后面的逗号']
      : EXPLAINED.find(([pattern]) => pattern.test(words));
    const detail = known ? `${known[1]}（${words}）` : words;
    return makeIssue('JSON_SYNTAX', detail, { file, line, column, ...(known ? { hint: known[2] } : {}) });
  }
}
