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
  BAD_DQ_ESCAPE: { what: '双引号里的转义写错了', hint: '反斜杠要写成 \\\\，或改用单引号' },
  BLOCK_IN_FLOW: { what: '花括号或方括号里不能换成缩进写法', hint: '在 { } 或 [ ] 里用逗号分隔各项' },
  MULTIPLE_DOCS: { what: '文件里有不止一个文档（---）', hint: '一个文件只写一个文档' },
  KEY_OVER_1024_CHARS: { what: '键太长', hint: '键不能超过 1024 个字符' },
};

/** The quote or bracket a token opens with, and the character that should close it. */
const CLOSERS: Record<string, string> = { '{': '}', '[': ']', '"': '"', "'": "'" };

/** Where each unclosed quote and bracket opens, in the CST (which keeps them when the document cannot). */
function unclosedOpenings(text: string): { offset: number; opener: string }[] {
  const found: { offset: number; opener: string }[] = [];
  const check = (token: CST.Token | undefined) => {
    if (!token) return;
    if (token.type === 'flow-collection') {
      const opener = token.start.source;
      if (!token.end.some((t) => t.source === CLOSERS[opener])) found.push({ offset: token.start.offset, opener });
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      if (!quoteClosed(token.source)) found.push({ offset: token.offset, opener: token.source[0] });
    }
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      check(item.key ?? undefined);
      check(item.value);
    });
  }
  return found;
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

/** The key a DUPLICATE_KEY error points at, and the line where that key first stands in the same mapping. */
function firstOfDuplicate(doc: Document.Parsed, lineCounter: LineCounter, offset: number): { key: string; line: number } | undefined {
  let found: { key: string; line: number } | undefined;
  visit(doc, {
    Map(_, map) {
      if (found || !isMap(map)) return;
      const at = map.items.findIndex((p) => (p.key as { range?: number[] } | null)?.range?.[0] === offset);
      if (at < 0) return;
      const key = String((map.items[at].key as { value?: unknown }).value ?? map.items[at].key);
      const first = map.items.find((p, i) => i < at && String((p.key as { value?: unknown } | null)?.value ?? p.key) === key);
      const start = (first?.key as { range?: number[] } | undefined)?.range?.[0];
      if (start !== undefined) found = { key, line: lineCounter.linePos(start).line };
      return visit.BREAK;
    },
  });
  return found;
}

/** The parse errors of a document, as issues placed where the mend is. */
export function yamlErrorIssues(doc: Document.Parsed, text: string, lineCounter: LineCounter, file: string): Issue[] {
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const issues: Issue[] = [];
  let openings: ReturnType<typeof unclosedOpenings> | undefined;
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i];
    if (e.code === 'DUPLICATE_KEY') {
      issues.push(duplicateKeyIssue(doc, lineCounter, file, e));
      continue;
    }
    openings ??= unclosedOpenings(text);
    issues.push(syntaxIssue(e, openings, lineCounter, file));
    const rest = errors.length - i - 1;
    if (rest > 0) {
      const last = issues[issues.length - 1];
      last.hint = `${last.hint ? `${last.hint}。` : ''}其后还有 ${rest} 处格式错误未列出，多半由这一处引起：改正后再检查`;
    }
    break;
  }
  return issues;
}

function duplicateKeyIssue(doc: Document.Parsed, lineCounter: LineCounter, file: string, e: YAMLError): Issue {
  const at = lineCounter.linePos(e.pos[0]);
  const first = firstOfDuplicate(doc, lineCounter, e.pos[0]);
  const detail = first ? `${first.key} 出现两次（另见第 ${first.line} 行）` : firstLine(e);
  return makeIssue('DUPLICATE_KEY', detail, { file, line: at.line, column: at.col, hint: '同一层里每个键只能写一次' });
}

function syntaxIssue(e: YAMLError, openings: { offset: number; opener: string }[], lineCounter: LineCounter, file: string): Issue {
  // An unclosed quote or bracket: the last one opened before the place the parser gave up.
  const unclosed = /closing|end with a/.test(e.message) ? openings.filter((o) => o.offset < e.pos[0]).pop() : undefined;
  if (unclosed) {
    const at = lineCounter.linePos(unclosed.offset);
    const kind = unclosed.opener === '{' || unclosed.opener === '[' ? '括号' : '引号';
    return makeIssue('YAML_SYNTAX', `${kind} ${unclosed.opener} 没有闭合`, { file, line: at.line, column: at.col, hint: `在该值的末尾补上 ${CLOSERS[unclosed.opener]}` });
  }
  const at = lineCounter.linePos(e.pos[0]);
  const explained = EXPLAINED[e.code];
  const detail = explained ? `${explained.what}（${firstLine(e)}）` : firstLine(e);
  return makeIssue('YAML_SYNTAX', detail, { file, line: at.line, column: at.col, ...(explained ? { hint: explained.hint } : {}) });
}

/** The library's message without its own "at line N, column M:" and excerpt. */
function firstLine(e: YAMLError): string {
  return e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
