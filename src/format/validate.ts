/**
 * The report of `validate`, as text for a terminal, JSON, or GitHub Actions
 * workflow commands (`::error file=…,line=…,col=…::message`), which GitHub
 * shows as annotations on the lines of the pull request.
 */
import type { ChalkInstance } from 'chalk';
import { isAbsolute, relative } from 'node:path';
import type { Issue } from '../issues.js';
import type { Lang } from '../rules/describe.js';
import { formatIssue } from './issues.js';

export type ValidateFormat = 'text' | 'json' | 'github';

export interface ValidateView {
  /** The PATH as the user gave it (or the built-in folder). */
  path: string;
  files: string[];
  issues: Issue[];
  errorCount: number;
  warningCount: number;
  itemCount: number;
  strict: boolean;
}

/** A file name as the user knows it: relative to the working directory when it lies below it. */
export function displayPath(file: string, cwd: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** An issue with its file as the user knows it. */
export function withDisplayPath(issue: Issue, cwd: string): Issue {
  return issue.file ? { ...issue, file: displayPath(issue.file, cwd) } : issue;
}

function summary(view: ValidateView, lang: Lang): string {
  const { errorCount: e, warningCount: w, files } = view;
  if (lang === 'en') {
    const head = e === 0 && w === 0 ? '✓ no problems found' : `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`;
    return `${head} (${files.length} rule files, ${view.itemCount} items${view.strict ? ', --strict: warnings fail' : ''})`;
  }
  const head = e === 0 && w === 0 ? '✓ 没有发现问题' : `${e} 个错误，${w} 个警告`;
  return `${head}（${files.length} 个规则文件，${view.itemCount} 项${view.strict ? '；--strict：警告也算失败' : ''}）`;
}

export function formatValidateText(view: ValidateView, options: { cwd: string; lang: Lang; chalk: ChalkInstance }): string {
  const { chalk } = options;
  const blocks = view.issues.map((i) => formatIssue(withDisplayPath(i, options.cwd), chalk, options.lang));
  const failed = view.errorCount > 0 || (view.strict && view.warningCount > 0);
  const line = summary(view, options.lang);
  blocks.push(failed ? chalk.red.bold(line) : view.warningCount > 0 ? chalk.yellow(line) : chalk.green(line));
  return blocks.join('\n\n') + '\n';
}

export function formatValidateJson(view: ValidateView, options: { cwd: string }): string {
  const body = {
    path: view.path,
    ok: view.errorCount === 0 && !(view.strict && view.warningCount > 0),
    errors: view.errorCount,
    warnings: view.warningCount,
    files: view.files.map((f) => displayPath(f, options.cwd)),
    issues: view.issues.map((i) => {
      const { excerpt: _excerpt, excerptColumn: _column, ...rest } = withDisplayPath(i, options.cwd);
      return rest;
    }),
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** Workflow-command escaping (actions/toolkit, command.ts): data and property values differ. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatValidateGithub(view: ValidateView, options: { cwd: string; lang: Lang }): string {
  const lines = view.issues.map((raw) => {
    const i = withDisplayPath(raw, options.cwd);
    const level = i.severity === 'error' ? 'error' : 'warning';
    const props = [
      i.file ? `file=${escapeProperty(i.file)}` : '',
      i.line ? `line=${i.line}` : '',
      i.column ? `col=${i.column}` : '',
      `title=${escapeProperty(i.code)}`,
    ].filter(Boolean);
    const message = i.hint ? `${i.message}\n${i.hint}` : i.message;
    return `::${level} ${props.join(',')}::${escapeData(message)}`;
  });
  lines.push(summary(view, options.lang));
  return lines.join('\n') + '\n';
}
