/** Options and helpers shared by the commands. */
import { Chalk, type ChalkInstance } from 'chalk';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { CATALOGUE } from '../rules/catalogue.js';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { nearest } from '../profile/keys.js';
import { CliError, makeIssue, type Issue } from '../issues.js';
import { BUILTIN_RULES_DIR } from '../paths.js';
import { readPrecompiledCatalogue } from '../precompiled.js';
import { parseIsoDate, todayIso } from '../profile/dates.js';
import type { Profile } from '../profile/normalise.js';
import { readProfileText } from '../profile/read.js';
import type { Lang } from '../rules/describe.js';
import type { Catalogue } from '../rules/types.js';
import { decodeUtf8Text } from '../utf8-text.js';
import type { Io } from './io.js';

export interface CommonOptions {
  asOf?: string;
  lang: Lang;
  color?: boolean;
  rules?: string;
  debug?: boolean;
}

export function addAsOf(cmd: Command): Command {
  return cmd.option('--as-of <date>', '核查日期 YYYY-MM-DD（默认今天） / check date');
}

/** --domain: a domain's id or its Chinese name (老有所养), as the tables print it. */
export function domainOption(): Option {
  const names = CATALOGUE.map((d) => `${d.id}（${d.zh}）`).join('、');
  return new Option('--domain <id>', `只看一个领域：${names} / one domain only, by id or Chinese name`).argParser((value: string) => {
    const domain = CATALOGUE.find((d) => d.id === value || d.zh === value);
    if (!domain) throw new InvalidArgumentError(`可选 / choices: ${names}`);
    return domain.id;
  });
}

export function addLang(cmd: Command): Command {
  return cmd.addOption(new Option('--lang <lang>', '输出语言 / output language').choices(['zh', 'en']).default('zh'));
}

export function addRules(cmd: Command): Command {
  return cmd.option('--rules <path>', '另用一个规则目录 / use another rule folder');
}

export function addColor(cmd: Command): Command {
  return cmd.option('--no-color', '不用颜色（也可设 NO_COLOR） / no colour');
}

export function checkDate(io: Io, asOf: string | undefined): string {
  if (asOf === undefined) return io.today?.() ?? todayIso();
  if (!parseIsoDate(asOf)) throw new CliError(2, [makeIssue('BAD_ARGUMENT', `--as-of “${asOf}” 不是真实日期，应为 YYYY-MM-DD`, { field: '--as-of' })]);
  return asOf;
}

export function chalkFor(io: Io, color: boolean | undefined): ChalkInstance {
  const off = color === false || io.env?.NO_COLOR !== undefined && io.env?.NO_COLOR !== '' || !io.isTTY;
  return new Chalk({ level: off ? 0 : 1 });
}

/**
 * validate and test take the rule folder as their PATH, and also as
 * `--rules PATH`, the option the other commands use (spec/cli.md). Two
 * different paths are refused rather than one of them ignored.
 */
export function rulesPathOrOption(path: string | undefined, option: string | undefined): string | undefined {
  // data, ./data and data/ are one folder.
  if (path !== undefined && option !== undefined && resolve(path) !== resolve(option)) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', `规则路径给了两个：${path} 和 --rules ${option}；只给一个`, { field: '--rules' })]);
  }
  return path ?? option;
}

/** A rule folder or file argument as a full path (default: the built-in rules); exit 2 when it does not exist. */
export function rulesPathArgument(io: Io, path: string | undefined): string {
  if (path === undefined) return BUILTIN_RULES_DIR;
  const full = resolve(io.cwd ?? process.cwd(), path);
  if (!existsSync(full)) throw new CliError(2, [makeIssue('FILE_NOT_FOUND', path, { file: path })]);
  return full;
}

/**
 * The catalogue a command checks against: the built-in one precompiled at
 * build time, else rules read from YAML. The YAML loader (and zod with it)
 * is imported only in the second case, which keeps a one-person check fast
 * to start.
 */
export async function catalogueFor(io: Io, rules: string | undefined): Promise<Catalogue> {
  if (rules === undefined) {
    const precompiled = readPrecompiledCatalogue();
    if (precompiled) return precompiled;
  }
  const { loadCatalogue } = await import('../catalogue.js');
  return loadCatalogue(rulesPathArgument(io, rules));
}

/** The subcommands, for hints when one is mistyped as a file name. */
const COMMAND_NAMES = ['check', 'batch', 'validate', 'test', 'schema', 'list', 'show'];

/**
 * The largest profile read. One person's facts take a few hundred bytes;
 * a file far bigger is the wrong file (a roster: that is `batch`). Parsing
 * and reporting on tens of thousands of keys is slow (the YAML library's
 * duplicate-key check is quadratic): 20,000 unknown keys took 6 s.
 */
export const MAX_PROFILE_BYTES = 64 * 1024;

function tooLarge(file: string, bytes: number): CliError {
  const detail = `${file}（${Math.ceil(bytes / 1024)} KB；一个人的档案应在 64 KB 以内，名单请用 batch 命令）`;
  return new CliError(2, [makeIssue('FILE_UNREADABLE', detail, { file })]);
}

/** A profile's text, which must be UTF-8: a GB18030 file read as UTF-8 had given keys nobody wrote. */
function profileText(bytes: Buffer, file: string): string {
  const decoded = decodeUtf8Text(bytes, file, '档案文件');
  if (!decoded.ok) throw new CliError(2, [decoded.issue]);
  return decoded.text.replace(/^\uFEFF/, '');
}

/** Reads a file argument, or standard input for "-". */
export async function readInput(io: Io, path: string): Promise<{ text: string; file: string }> {
  if (path === '-') {
    if (!io.stdin) throw new CliError(2, [makeIssue('FILE_UNREADABLE', '没有标准输入', { file: '<stdin>' })]);
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of io.stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      bytes += buffer.length;
      if (bytes > MAX_PROFILE_BYTES) throw tooLarge('<stdin>', bytes);
      chunks.push(buffer);
    }
    return { text: profileText(Buffer.concat(chunks), '<stdin>'), file: '<stdin>' };
  }
  const full = resolve(io.cwd ?? process.cwd(), path);
  try {
    const { size, isFile } = await stat(full).then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (isFile && size > MAX_PROFILE_BYTES) throw tooLarge(path, size);
    return { text: profileText(await readFile(full), path), file: path };
  } catch (e) {
    if (e instanceof CliError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // `longchang-check validat` reaches the default command with a file that is not there: a mistyped command.
    const command = code === 'ENOENT' && !/[./\\]/.test(path) ? nearest(path, COMMAND_NAMES) : undefined;
    const hint = command ? `是不是命令 ${command}？ / did you mean the command ${command}?` : undefined;
    throw new CliError(2, [makeIssue(code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', path, { file: path, hint })]);
  }
}

/** A profile argument read for the check date; exit 2 with every problem (and warning) when it cannot be used. */
export async function readProfileArgument(io: Io, path: string, asOf: string): Promise<{ profile: Profile; warnings: Issue[] }> {
  const input = await readInput(io, path);
  const read = readProfileText(input.text, { file: input.file, asOf });
  if (!read.ok) throw new CliError(2, [...read.issues, ...read.warnings]);
  return read;
}
