/**
 * The report of `test`: one headline per failing example case (where it is,
 * what was expected, what came out), the conditions that decided it, and
 * the closing count `N passed, N failed`.
 */
import type { ChalkInstance } from 'chalk';
import type { TraceNode } from '../engine/trace.js';
import type { ExampleOutcome } from '../rules/examples.js';
import type { Lang } from '../rules/describe.js';
import { traceLines } from './trace-tree.js';

export interface FailedCase {
  outcome: ExampleOutcome;
  /** file:line:column of the example, for editors and terminals that link it. */
  place?: string;
  /** The decision tree of the item (or of each part) for this example's profile. */
  explain?: { whole: TraceNode; parts?: { id: string; name: string; node: TraceNode }[] };
}

function formatFailedCase(c: FailedCase, lang: Lang, chalk: ChalkInstance): string {
  const { item, example, index } = c.outcome;
  const head = `${chalk.red('✗')} ${c.place ? `${chalk.bold(c.place)} ` : ''}${item.id} #${index + 1}「${example.name}」: ${c.outcome.problems.join('; ')}`;
  const lines = [head];
  if (c.explain) {
    if (c.explain.parts) {
      for (const p of c.explain.parts) {
        lines.push(`    ${p.name}（${p.id}）:`);
        lines.push(...traceLines(p.node, { lang, chalk, indent: '      ' }));
      }
    } else lines.push(...traceLines(c.explain.whole, { lang, chalk, indent: '    ' }));
  }
  const missing = c.outcome.actual?.missing ?? [];
  if (missing.length) lines.push(chalk.dim(`    ${lang === 'zh' ? '待核实' : 'missing'}: ${missing.join(', ')}`));
  return lines.join('\n');
}

/**
 * The closing line; its wording is a contract (CI logs are searched for it).
 * Rule files with errors are counted after it: the cases of items that did
 * not load never ran, so "N passed, 0 failed" alone would read as all well.
 */
function testSummaryLine(passed: number, failed: number, notLoaded: number): string {
  const files = notLoaded === 1 ? 'rule file' : 'rule files';
  return `${passed} passed, ${failed} failed${notLoaded > 0 ? `; ${notLoaded} ${files} with errors: the cases of what did not load were not run` : ''}`;
}

export function formatTestReport(failures: FailedCase[], counts: { passed: number; failed: number; notLoaded?: number }, lang: Lang, chalk: ChalkInstance): string {
  const blocks = failures.map((f) => formatFailedCase(f, lang, chalk));
  const notLoaded = counts.notLoaded ?? 0;
  const line = testSummaryLine(counts.passed, counts.failed, notLoaded);
  blocks.push(counts.failed > 0 || notLoaded > 0 ? chalk.red.bold(line) : chalk.green.bold(line));
  return blocks.join('\n') + '\n';
}
