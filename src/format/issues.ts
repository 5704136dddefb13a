/** Problems as text for a terminal: file:line:column, code, message, caret excerpt, hint. */
import type { ChalkInstance } from 'chalk';
import { issueMessage, type Issue } from '../issues.js';
import { maskIdLikeText, maskIdNumbersInText } from '../profile/id-number.js';
import { caretExcerpt } from '../yaml-source.js';

export function issuePlace(issue: Issue): string {
  // Masked here too: a file named by an ID number may be set on an issue after makeIssue.
  const parts = [maskIdNumbersInText(issue.file ?? ''), issue.line ?? '', issue.column ?? ''].filter((p) => p !== '');
  return parts.join(':');
}

export function formatIssue(issue: Issue, chalk: ChalkInstance, lang: 'zh' | 'en' = 'zh'): string {
  const en = lang === 'en';
  const head = issue.severity === 'warning' ? chalk.yellow(en ? 'warning' : '警告') : chalk.red(en ? 'error' : '错误');
  const place = issuePlace(issue);
  // Masked here too: a field may be set on an issue after makeIssue.
  const field = issue.field ? ` [${maskIdLikeText(String(issue.field))}]` : '';
  let out = `${place ? `${chalk.bold(place)}: ` : ''}${head} ${issue.code}${field}: ${issueMessage(issue, lang)}`;
  const caret = caretExcerpt(issue);
  if (caret) out += `\n${chalk.dim(caret)}`;
  if (issue.hint) out += `\n  ${chalk.cyan(en ? 'hint' : '提示')}: ${issue.hint}`;
  return out;
}

export function formatIssues(issues: Issue[], chalk: ChalkInstance, lang: 'zh' | 'en' = 'zh'): string {
  return issues.map((i) => formatIssue(i, chalk, lang)).join('\n') + '\n';
}
