/**
 * The YAML library's parse errors as our issues: in Chinese, at the place
 * to fix, and without the follow-on errors its recovery makes.
 *
 * - An unclosed quote or bracket is reported where it opens. The library
 *   reports where it gave up: the next line, or the end of the file when a
 *   quote swallowed the rest of it.
 * - After the first syntax error the rest are counted, not listed: once the
 *   parser is lost (a tab used as indentation), every later line can look
 *   wrong, and a key can look repeated when it is not.
 */
import { CST, isMap, Parser, visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import { makeIssue, type Issue } from './issues.js';

/** What went wrong and how to mend it, per code of the YAML library. */
const EXPLAINED: Partial<Record<string, { what: string; hint: string }>> = {
  TAB_AS_INDENT: { what: '用了制表符（Tab）缩进', hint: 'YAML 只认空格缩进：把行首的 Tab 换成空格' },
  BAD_INDENT: { what: '缩进没有对齐', hint: '同一层的键要从同一列开始，用空格缩进' },
  MULTILINE_IMPLICIT_KEY: { what: '键没有写在一行里', hint: '检查上一行是否少了冒号或引号' },
  BLOCK_AS_IMPLICIT_KEY: { what: '列表或映射被当成了键', hint: '检查这一行前后的缩进和冒号' },
  UNEXPECTED_TOKEN: { what: '这里不该有这个符号', hint: '含冒号、井号、括号的文字请加引号' },
  BAD_SCALAR_START: { what: '值不能以这个符号开头', hint: '给这个值加上引号' },
  BAD_DQ_ESCAPE: { what: '双引号里的转义写错了', hint: '反斜杠要写成 \\\\，或改用单引号' },
  BLOCK_IN_FLOW: { what: '花括号或方括号里不能换成缩进写法', hint: '在 { } 或 [ ] 里用逗号分隔各项' },
  MULTIPLE_DOCS: { what: '文件里有不止一个文档（---）', hint: '一个文件只写一个文档' },
  KEY_OVER_1024_CHARS: { what: '键太长', hint: '键不能超过 1024 个字符' },
};

/** The quote or bracket a token opens with, and the character that should close it. */
const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '"': '"', "'": "'" };

/**
 * Where each unclosed quote and bracket opens, by offset, from the CST
 * (which keeps them when the document cannot). Walked with a stack, not
 * CST.visit: its recursion overflows on a few thousand nested brackets.
 */
function unclosedOpenings(text: string): { offset: number; opener: string }[] {
  const found: { offset: number; opener: string }[] = [];
  const stack: CST.Token[] = [];
  for (const token of new Parser().parse(text)) if (token.type === 'document' && token.value) stack.push(token.value);
  while (stack.length > 0) {
    const token = stack.pop()!;
    if (token.type === 'flow-collection') {
      const opener = token.start.source;
      if (!token.end.some((t) => t.source === CLOSERS[opener])) found.push({ offset: token.start.offset, opener });
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      if (!quoteClosed(token.source)) found.push({ offset: token.offset, opener: token.source[0] });
    }
    if ('items' in token) {
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push(item.key);
        if (item.value) stack.push(item.value);
      }
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Whether a quoted scalar's source ends with its closing quote (not an escaped one). */
function quoteClosed(source: string): boolean {
  const quote = source[0];
  if (source.length < 2 || !source.endsWith(quote)) return false;
  // In "…", a quote after an odd number of backslashes is escaped; in '…', '' is an escaped quote.
  let run = 0;
  const escape = quote === '"' ? '\\' : "'";
  for (let i = source.length - 2; i > 0 && source[i] === escape; i--) run++;
  return run % 2 === 0;
}

/** The text of a key, as the mapping compares it. */
const keyText = (key: unknown): string => String((key as { value?: unknown } | null)?.value ?? key);
const keyStart = (key: unknown): number | undefined => (key as { range?: number[] } | null)?.range?.[0];

/**
 * For each repeated key (by its offset), its text and the line where the
 * same key first stands in its mapping: one walk of the document for all.
 */
function firstsOfDuplicates(doc: Document.Parsed, lineCounter: LineCounter, offsets: ReadonlySet<number>): Map<number, { key: string; line: number }> {
  const found = new Map<number, { key: string; line: number }>();
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = keyText(pair.key);
        const start = keyStart(pair.key);
        if (start === undefined) continue;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, start);
        else if (offsets.has(start)) found.set(start, { key, line: lineCounter.linePos(first).line });
      }
    },
  });
  return found;
}

/** The parse errors of a document, as issues placed where the mend is. */
export function yamlErrorIssues(doc: Document.Parsed, text: string, lineCounter: LineCounter, file: string): Issue[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const issues: Issue[] = [];
  const duplicates = new Set(errors.filter((e) => e.code === 'DUPLICATE_KEY').map((e) => e.pos[0]));
  // A document too deeply nested to walk is reported where the parser says, without the key's first line.
  const firsts = duplicates.size > 0 ? orNothing(() => firstsOfDuplicates(doc, lineCounter, duplicates), new Map()) : new Map();
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i];
    if (e.code === 'DUPLICATE_KEY') {
      issues.push(duplicateKeyIssue(firsts.get(e.pos[0]), lineCounter, file, e));
      continue;
    }
    issues.push(syntaxIssue(e, text, lineCounter, file));
    const rest = errors.length - i - 1;
    if (rest > 0) {
      const last = issues[issues.length - 1];
      last.hint = `${last.hint ? `${last.hint}。` : ''}其后还有 ${rest} 处格式错误未列出，多半由这一处引起：改正后再检查`;
    }
    break;
  }
  return issues;
}

/** What `find` gives, or `fallback` when it overflows the stack. */
function orNothing<T>(find: () => T, fallback: T): T {
  try {
    return find();
  } catch (e) {
    if (e instanceof RangeError) return fallback;
    throw e;
  }
}

function duplicateKeyIssue(first: { key: string; line: number } | undefined, lineCounter: LineCounter, file: string, e: YAMLError): Issue {
  const at = lineCounter.linePos(e.pos[0]);
  const detail = first ? `${first.key} 出现两次（另见第 ${first.line} 行）` : firstLine(e);
  return makeIssue('DUPLICATE_KEY', detail, { file, line: at.line, column: at.col, hint: '同一层里每个键只能写一次' });
}

function syntaxIssue(e: YAMLError, text: string, lineCounter: LineCounter, file: string): Issue {
  const at = lineCounter.linePos(e.pos[0]);
  const closer = /end with an? ([\]}])/.exec(e.message)?.[1];
  const lines = text.split(/\r?\n/);
  const errorLine = lines[at.line - 1] ?? '';
  // A tab at the start of the line is the cause whatever the parser calls it (bad indentation after a
  // block scalar, brackets around tab-indented contents), unless a quote is unclosed: its tabs are text.
  if (/^ *\t/.test(errorLine) && e.code !== 'TAB_AS_INDENT' && !/closing/.test(e.message)) {
    return makeIssue('YAML_SYNTAX', `${EXPLAINED.TAB_AS_INDENT!.what}（${firstLine(e)}）`, { file, line: at.line, column: 1, hint: EXPLAINED.TAB_AS_INDENT!.hint });
  }
  if (/closing/.test(e.message) || closer) {
    // The closer on the line where the parser gave up: the brackets are closed, but their contents
    // are not indented as YAML wants.
    if (closer && errorLine.includes(closer)) {
      return makeIssue('YAML_SYNTAX', `括号里换行后的内容（连同 ${closer}）缩进不够（${firstLine(e)}）`, {
        file,
        line: at.line,
        column: at.col,
        hint: '在 [ ] 或 { } 里换行时，后面各行要比这一项的键缩进得更深；或写在一行里',
      });
    }
    // An unclosed quote or bracket: the last one opened before the place the parser gave up.
    const unclosed = orNothing(() => unclosedOpenings(text), [])
      .filter((o) => o.offset < e.pos[0])
      .pop();
    if (unclosed) {
      const opened = lineCounter.linePos(unclosed.offset);
      const kind = unclosed.opener === '{' || unclosed.opener === '[' ? '括号' : '引号';
      return makeIssue('YAML_SYNTAX', `${kind} ${unclosed.opener} 没有闭合`, { file, line: opened.line, column: opened.col, hint: `在该值的末尾补上 ${CLOSERS[unclosed.opener]}` });
    }
  }
  const colon = colonMistake(e, lines, at.line);
  if (colon) return makeIssue('YAML_SYNTAX', colon.what, { file, line: colon.line, column: colon.column, hint: colon.hint });
  if (/Maximum call stack/.test(e.message)) return makeIssue('YAML_SYNTAX', '括号嵌套太深', { file, line: at.line, column: at.col });
  const explained = EXPLAINED[e.code];
  const detail = explained ? `${explained.what}（${firstLine(e)}）` : firstLine(e);
  return makeIssue('YAML_SYNTAX', detail, { file, line: at.line, column: at.col, ...(explained ? { hint: explained.hint } : {}) });
}

/**
 * The colon typed wrong, the commonest slip of a hand-written file: a
 * Chinese ： (the input method's), or no space after the colon (年龄:65).
 * YAML reads either as part of a key and says something about keys.
 */
function colonMistake(e: YAMLError, lines: readonly string[], line: number): { what: string; hint: string; line: number; column: number } | undefined {
  if (e.code !== 'MISSING_CHAR' && e.code !== 'MULTILINE_IMPLICIT_KEY') return undefined;
  // A key that runs on (MULTILINE_IMPLICIT_KEY) may start on the line above the one the parser names.
  for (const n of e.code === 'MULTILINE_IMPLICIT_KEY' ? [line, line - 1] : [line]) {
    const written = lines[n - 1];
    if (written === undefined) continue;
    // Quoted text and a comment hold colons of their own: blanked, the columns kept.
    const l = written.replace(/"[^"]*"|'[^']*'/g, (q) => ' '.repeat(q.length)).replace(/(^|\s)#.*$/, (c) => ' '.repeat(c.length));
    const full = l.indexOf('：');
    if (full >= 0) return { what: '用了中文冒号“：”', hint: '键和值之间用英文冒号加一个空格，如 年龄: 65', line: n, column: full + 1 };
    const tight = /^\s*[^\s#"':]+:(?=[^\s/])/.exec(l);
    if (tight) return { what: '冒号后面少了空格', hint: '键和值之间用冒号加一个空格，如 年龄: 65', line: n, column: tight[0].length };
  }
  // A line with no colon at all (年龄 65): YAML takes it for a key without a value.
  if (/followed by map values/.test(e.message)) {
    const column = (lines[line - 1] ?? '').search(/\S/) + 1;
    return { what: '这一行少了冒号', hint: '键和值之间用英文冒号加一个空格，如 年龄: 65', line, column: Math.max(1, column) };
  }
  return undefined;
}

/** The library's message without its own "at line N, column M:" and excerpt. */
function firstLine(e: YAMLError): string {
  return e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
