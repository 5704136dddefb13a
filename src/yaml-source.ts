/**
 * Parsing YAML (and JSON, which YAML reads too) while keeping positions, so
 * every problem can name its line and column and show a caret excerpt.
 */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { makeIssue, visibleText, type Issue } from './issues.js';
import { yamlErrorIssues } from './yaml-errors.js';
import { maskIdLikeText, maskIdNumbersInText } from './profile/id-number.js';

/** Above this many alias expansions a document is refused (alias bombs). */
const MAX_ALIAS_COUNT = 100;

export interface SourceDoc {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export type ParsedSource = { ok: true; source: SourceDoc; data: unknown } | { ok: false; issues: Issue[] };

export function parseYamlSource(text: string, file: string): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const source: SourceDoc = { file, text, doc, lineCounter };
  const issues = yamlErrorIssues(doc, text, lineCounter, file).map((issue) => withExcerpt(source, issue));
  if (issues.length > 0) return { ok: false, issues };
  try {
    // Dates stay strings: the profile and rule readers check them themselves.
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, source, data };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(message)) {
      return { ok: false, issues: [makeIssue('ALIAS_LIMIT', `> ${MAX_ALIAS_COUNT}`, { file, line: 1, column: 1 })] };
    }
    return { ok: false, issues: [makeIssue('YAML_SYNTAX', message, { file, line: 1, column: 1 })] };
  }
}

/** The node at a path, for key (the key node) or value. */
function nodeAt(source: SourceDoc, path: (string | number)[], key: boolean): Node | undefined {
  let node: unknown = source.doc.contents;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) return isNode(node) ? node : undefined;
      if (i === path.length - 1 && key && isNode(pair.key)) return pair.key;
      // `value` with nothing after it: point at the key.
      if (!isNode(pair.value)) return isNode(pair.key) ? pair.key : node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      break;
    }
  }
  return isNode(node) ? node : undefined;
}

/** Line and column (1-based) of the value (or key) at a path, or of the nearest node above it. */
export function locate(
  source: SourceDoc,
  path: (string | number)[],
  key = false,
): { line: number; column: number } | undefined {
  const node = nodeAt(source, path, key);
  if (!node?.range) return undefined;
  const at = source.lineCounter.linePos(node.range[0]);
  return { line: at.line, column: at.col };
}

/** Each source's lines, split once: a file with thousands of problems was split again for each (quadratic). */
const linesOf = new WeakMap<{ text: string }, string[]>();

/** The longest source line shown whole under an issue. */
const MAX_EXCERPT = 160;

/** Adds the source line and a caret under the column to an issue. */
export function withExcerpt(source: { text: string }, issue: Issue): Issue {
  if (!issue.line) return issue;
  let lines = linesOf.get(source);
  if (!lines) {
    lines = source.text.split(/\r?\n/);
    linesOf.set(source, lines);
  }
  const lineText = lines[issue.line - 1];
  if (lineText === undefined) return issue;
  if (lineText.length <= MAX_EXCERPT) return { ...issue, excerpt: visibleText(maskIdLikeText(lineText)) };
  // A long line (a minified file, a plan pasted as one line) is cut around the column.
  const column = (issue.column ?? 1) - 1;
  // Masked before it is cut: a cut through an ID number would leave digits too few to be seen as one.
  const masked = maskIdLikeText(lineText);
  const start = Math.max(0, Math.min(column - 60, masked.length - MAX_EXCERPT));
  const cut = `${start > 0 ? '…' : ''}${masked.slice(start, start + MAX_EXCERPT)}${start + MAX_EXCERPT < masked.length ? '…' : ''}`;
  return { ...issue, excerpt: visibleText(cut), excerptColumn: column - start + 1 + (start > 0 ? 1 : 0) };
}

/** Renders "  12 | text\n     |    ^" under an issue, CJK-width aware. */
export function caretExcerpt(issue: Issue): string {
  if (!issue.excerpt || !issue.line) return '';
  const gutter = String(issue.line);
  const before = issue.excerpt.slice(0, Math.max(0, (issue.excerptColumn ?? issue.column ?? 1) - 1));
  const width = [...before].reduce((w, ch) => w + (/[\u1100-\uffe6]/.test(ch) ? 2 : 1), 0);
  return `  ${gutter} | ${issue.excerpt}\n  ${' '.repeat(gutter.length)} | ${' '.repeat(width)}^`;
}

export function placeIssue(source: SourceDoc, issue: Issue, key = false): Issue {
  // The whole document (an empty or comment-only file has no node to point at) is at its start.
  const at = issue.path ? (locate(source, issue.path, key) ?? (issue.path.length === 0 ? { line: 1, column: 1 } : undefined)) : undefined;
  return withExcerpt(source, { ...issue, file: maskIdNumbersInText(source.file), ...(at ?? {}) });
}
