/**
 * A trace as an indented tree, one line per condition, each marked ✓ ? ✗
 * by its outcome; a condition on a fact shows the value seen. Used by the
 * check's --explain and by `test` for a failing example.
 */
import type { ChalkInstance } from 'chalk';
import type { TraceNode } from '../engine/trace.js';
import { describeLeaf, factLabel, valueLabel, type Lang } from '../rules/describe.js';

const MARK = ['✗', '?', '✓'];

const T = {
  zh: { open: '（', close: '）', colon: '：', semi: '；', seen: '所见', unknown: '未知', param: '参数未设定', everyone: '所有人', not: '并非：', all: '以下全部满足：', any: '以下满足其一：' },
  en: { open: ' (', close: ')', colon: ': ', semi: '; ', seen: 'seen', unknown: 'unknown', param: 'parameter not set', everyone: 'everyone', not: 'not:', all: 'all of:', any: 'any of:' },
};

export interface TraceTreeOptions {
  lang: Lang;
  chalk: ChalkInstance;
  /** Prefix of the first line; each level adds two spaces. */
  indent: string;
  /** Whether the value seen is introduced by the word "seen" (所见). */
  seenWord?: boolean;
}

export function traceLines(node: TraceNode, options: TraceTreeOptions): string[] {
  const { lang, chalk, indent } = options;
  const t = T[lang];
  const mark = [chalk.red, chalk.yellow, chalk.green][node.outcome](MARK[node.outcome]);
  const below = (child: TraceNode) => traceLines(child, { ...options, indent: indent + '  ' });
  switch (node.kind) {
    case 'leaf': {
      const seen = node.seen === undefined ? t.unknown : valueLabel(node.fact, node.seen, lang);
      const text = describeLeaf({ fact: node.fact, op: node.op as never, value: node.expected }, lang);
      const word = options.seenWord ? `${t.seen}${t.colon}` : '';
      return [`${indent}${mark} ${text}${t.open}${word}${factLabel(node.fact, lang)} = ${seen}${node.missingParam ? `${t.semi}${t.param}` : ''}${t.close}`];
    }
    case 'everyone':
      return [`${indent}${mark} ${t.everyone}`];
    case 'not':
      return [`${indent}${mark} ${t.not}`, ...below(node.child)];
    default:
      return [`${indent}${mark} ${t[node.kind]}`, ...node.children.flatMap(below)];
  }
}
