/** `longchang-check batch FILE`: every person of a household roster (CSV or .xlsx), one output row each. */
import { Option, type Command } from 'commander';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Checker } from '../../engine/check.js';
import { checkWarnings } from '../../engine/report.js';
import { formatBatchSummary } from '../../format/batch-summary.js';
import { fitProgress } from '../../format/progress.js';
import { BatchInputError, BatchOutputError, type FileProblem } from '../../household/batch-error.js';
import { engineChecker, type BatchChecker } from '../../household/batch-checker.js';
import { lookalikeKey } from '../../household/columns.js';
import { FIELD_BY_KEY } from '../../profile/fields.js';
import { maskIdNumbersInText } from '../../profile/id-number.js';
import { runBatch, type BatchLayout, type BatchProgress } from '../../household/run-batch.js';
import type { EncodingDoubt } from '../../household/csv-source.js';
import { CliError, ISSUE_TITLES, makeIssue, type IssueCode } from '../../issues.js';
import type { Catalogue } from '../../rules/types.js';
import { addAsOf, addColor, addLang, addRules, catalogueFor, checkDate, domainOption } from '../common.js';
import type { Io } from '../io.js';
import { setExitCode } from '../program.js';
import { SPOOL_FILE, removeOrphanPartials, removeOrphanSpools, spoolPrefix } from '../stale-files.js';
import { fileDestination, makeSink, stdoutDestination, type BatchFormat } from './batch-output.js';

interface BatchFlags {
  out?: string;
  format?: BatchFormat;
  encoding?: string;
  sheet?: string;
  sorted?: boolean;
  fillHouseholdIds?: boolean;
  wide?: boolean;
  summary?: boolean;
  domain?: string;
  jobs?: string;
  asOf?: string;
  lang: 'zh' | 'en';
  color?: boolean;
  rules?: string;
}

const NOTES = {
  zh: {
    carried: (names: string[]) => `以下列不是档案字段，原样带到输出：${names.map((n) => withLookalike(n, 'zh')).join('、')}\n`,
    hiddenSheets: (read: string, hidden: string[]) => `工作簿的隐藏工作表 ${hidden.join('、')} 没有读；读的是第一张显示的工作表 ${read}（要读隐藏的表，用 --sheet 指定）\n`,
    aboveHeader: (row: number, rows: string[]) => `表头在第 ${row} 行；其上的标题等不是人员，未核查：${rows.join('；')}\n`,
    noHousehold: '没有户编号（household_id）列：不知道谁和谁是一户，按户判断的事实（家庭救助身份、零就业家庭、一户多残、父母外出务工）只取本人这一行能说明的，其余待核实\n',
    sheetIgnored: '--sheet 只用于 .xlsx 工作簿：这个文件按 CSV 读取，--sheet 不起作用\n',
    wideIgnored: '--wide 只用于 CSV 和 xlsx 输出：JSON 行本来就有每一项的结果\n',
    encodingDoubt: (file: string, d: EncodingDoubt) =>
      `${file}：用 --encoding ${d.forced} 解码时有 ${d.replaced} 个字符无法解码（显示为 �）；按字节看是 ${d.detected}，可去掉 --encoding 或改用 --encoding ${d.detected}\n`,
    failed: (n: number, nobody: number) => `${n} 行无法核查，原因见输出的 error 列${nobody > 0 ? `（其中 ${nobody} 行不是人员：空行、表尾、重复的表头或标题）` : ''}\n`,
    warned: (n: number, title: string, rows: number[], hint: string, values?: string[]) =>
      `提醒：${n} 行${title}${values ? `（${values.join('、')}）` : ''}（照常核查）：第 ${rows.join('、')} 行${n > rows.length ? '等' : ''}${hint ? `；${hint}` : ''}\n`,
    warningHints: { LEGACY_ID: '已按19XX年读取出生日期，请核对', OLD_TOWNSHIP: '请填写现在的镇（街道）' } as Record<string, string>,
    withoutId: (n: number, filled: boolean) =>
      `${n} 行没有户编号：这些人的家庭情况（家庭救助身份、零就业家庭、一户多残、父母外出务工）只取本人这一行能说明的${filled ? '（它们在第一个户编号之前，无从沿用）' : '；若是合并单元格（只在户主行写了户编号），加 --fill-household-ids 让空白沿用上一行的户编号'}\n`,
    xlsxNeedsOut: 'xlsx 输出需要 --out 文件',
    cannotWrite: (file: string, why: string) => `无法写入 --out ${file}（${why}）`,
    sameAsInput: (file: string) => `--out ${file} 就是输入的名单：结果会覆盖它，请写到另一个文件`,
    noFile: '请给出户籍花名册文件（.csv 或 .xlsx），或用 - 读标准输入；--help 查看用法',
    orphansRemoved: (paths: string[]) => `已删除此前被强行终止的运行留下的文件（含个人信息）：${paths.join('、')}\n`,
  },
  en: {
    carried: (names: string[]) => `columns that are not profile keys, carried through unchanged: ${names.map((n) => withLookalike(n, 'en')).join(', ')}\n`,
    hiddenSheets: (read: string, hidden: string[]) => `hidden sheets ${hidden.join(', ')} were passed over; read the first sheet shown, ${read} (--sheet reads a hidden one)\n`,
    aboveHeader: (row: number, rows: string[]) => `the header is row ${row}; the title and such above it are not people and were not checked: ${rows.join('; ')}\n`,
    noHousehold: 'no household_id column: who lives with whom is not known, so the household facts (assistance, zero employment, several disabled, parents away) are what each row itself settles, and undetermined otherwise\n',
    sheetIgnored: '--sheet is for .xlsx workbooks: this file is read as CSV, and --sheet does nothing\n',
    wideIgnored: '--wide is for CSV and xlsx output: JSON lines hold every item already\n',
    encodingDoubt: (file: string, d: EncodingDoubt) =>
      `${file}: decoding with --encoding ${d.forced} gave ${d.replaced} undecodable characters (shown as �); the bytes look like ${d.detected}: drop --encoding or use --encoding ${d.detected}\n`,
    failed: (n: number, nobody: number) => `${n} rows could not be checked; see the error column of the output${nobody > 0 ? ` (${nobody} of them are nobody: blank rows, footers, the header again, titles)` : ''}\n`,
    warned: (n: number, title: string, rows: number[], hint: string, values?: string[]) =>
      `note: ${n} rows with a ${title}${values ? ` (${values.join(', ')})` : ''} (checked all the same): row ${rows.join(', ')}${n > rows.length ? ' and more' : ''}${hint ? `; ${hint}` : ''}\n`,
    warningHints: { LEGACY_ID: 'the birth date was read as 19XX: check it', OLD_TOWNSHIP: 'give the town as it is now' } as Record<string, string>,
    withoutId: (n: number, filled: boolean) =>
      `${n} rows have no household id: their household facts (assistance, zero employment, several disabled, parents away) are what each row itself settles${filled ? ' (they stand above the first id, with none to take)' : "; if the ids stand only on the heads' rows (merged cells), add --fill-household-ids to have a blank take the id above"}\n`,
    xlsxNeedsOut: 'xlsx output needs --out FILE',
    cannotWrite: (file: string, why: string) => `cannot write --out ${file} (${why})`,
    sameAsInput: (file: string) => `--out ${file} is the input roster: the result would overwrite it; write to another file`,
    noFile: 'give a roster file (.csv or .xlsx), or - for standard input; see --help',
    orphansRemoved: (paths: string[]) => `removed what runs killed earlier had left (it holds personal data): ${paths.join(', ')}\n`,
  },
};

/** A row above the header as the note shows it: its cells, ID numbers masked, cut short. */
function aboveHeaderText(cells: readonly string[]): string {
  const text = maskIdNumbersInText(cells.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '').join(' '));
  const chars = [...text];
  return chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text;
}

/** The issue code a file problem is reported under; the problem's own code leads the message. */
const ISSUE_CODE: Partial<Record<FileProblem, IssueCode>> = {
  FILE_NOT_FOUND: 'FILE_NOT_FOUND',
  DUPLICATE_COLUMN: 'DUPLICATE_KEY',
  NOT_SORTED: 'BAD_ARGUMENT',
  BAD_ENCODING: 'BAD_ARGUMENT',
  SHEET_NOT_FOUND: 'BAD_ARGUMENT',
  NO_KNOWN_COLUMN: 'UNKNOWN_KEY',
};

/** A carried column's name, with the profile key it looks like a typo of (户籍姓质: 是不是 hukou_type？). */
function withLookalike(name: string, lang: 'zh' | 'en'): string {
  const key = lookalikeKey(name);
  if (!key) return name;
  return lang === 'zh' ? `${name}（是不是 ${FIELD_BY_KEY.get(key)?.zh ?? key}（${key}）？）` : `${name} (did you mean ${key}?)`;
}

function inputError(e: BatchInputError, lang: 'zh' | 'en'): CliError {
  const { file, line, column, field } = e.place;
  const code = ISSUE_CODE[e.problem] ?? 'FILE_UNREADABLE';
  // Where the code says the problem already, its title is not said twice.
  const detail = code === e.problem ? e.detail : `[${e.problem}] ${e.describe(lang)}`;
  return new CliError(2, [makeIssue(code, detail, { file, line, column, field })]);
}

/** What an interrupted run undoes before it exits, synchronously: a signal handler cannot wait. */
type Undo = Set<() => void>;

interface Spooled {
  path: string;
  cleanup(): Promise<void>;
}

/** Standard input spooled to a file: two passes need to read it twice. */
async function spoolStdin(io: Io, undo: Undo): Promise<Spooled> {
  if (!io.stdin) throw new CliError(2, [makeIssue('FILE_UNREADABLE', '没有标准输入', { file: '<stdin>' })]);
  return spool(io.stdin, undo);
}

/** The spooled copy is a copy of the roster (names, ID numbers): removed when the run ends, fails or is interrupted. */
async function spool(input: NodeJS.ReadableStream, undo: Undo): Promise<Spooled> {
  // Named with this process's id, so a later run can tell a killed run's copy from a live one's.
  const dir = await mkdtemp(join(tmpdir(), spoolPrefix()));
  const removeSync = () => rmSync(dir, { recursive: true, force: true });
  undo.add(removeSync);
  const path = join(dir, SPOOL_FILE);
  try {
    await pipeline(input, createWriteStream(path));
  } catch (e) {
    removeSync();
    throw e;
  }
  return {
    path,
    cleanup: async () => {
      undo.delete(removeSync);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Whether a path is read once, as it comes: a pipe (`<(…)`), a FIFO, a
 * socket. Such input is spooled to a file first, as standard input is:
 * detecting the encoding and the two passes read it again. (A device such
 * as /dev/zero is not: it never ends, and the reader stops it.)
 */
function readsOnce(path: string): boolean {
  const stats = statSync(path, { throwIfNoEntry: false });
  return stats !== undefined && (stats.isFIFO() || stats.isSocket());
}

/** Below this size a roster is checked on the main thread: starting workers would cost more. */
const AUTO_PARALLEL_BYTES = 8 * 1024 * 1024;

function jobsFor(value: string | undefined): { count: number; explicit: boolean } {
  if (value === undefined) return { count: Math.min(availableParallelism(), 4), explicit: false };
  if (!/^\d+$/.test(value) || Number(value) > 64) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', `--jobs “${value}” 应为 0 到 64 的整数`, { field: '--jobs' })]);
  }
  return { count: Number(value), explicit: true };
}

function formatFor(flags: BatchFlags): BatchFormat {
  if (flags.format) return flags.format;
  if (flags.out && /\.xlsx$/i.test(flags.out)) return 'xlsx';
  if (flags.out && /\.jsonl$/i.test(flags.out)) return 'jsonl';
  return 'csv';
}

/** Progress on standard error when it is a terminal, at most a few times a second. */
function progressReporter(io: Io, lang: 'zh' | 'en', toStdout: boolean): { report(p: BatchProgress): void; clear(): void } {
  // Not when the rows themselves go to the same terminal: the bar would be written into them.
  if (!io.stderrIsTTY || (toStdout && io.isTTY)) return { report: () => {}, clear: () => {} };
  let phase: string | undefined;
  let started = Date.now();
  let last = 0;
  let shown = false;
  return {
    report(p) {
      const now = Date.now();
      if (p.phase !== phase) {
        phase = p.phase;
        started = now;
      } else if (now - last < 200) return;
      last = now;
      shown = true;
      io.stderr(`\r${fitProgress({ ...p, elapsed: (now - started) / 1000 }, lang, io.stderrColumns)}\u001b[K`);
    },
    clear() {
      if (shown) io.stderr('\r\u001b[K');
    },
  };
}

/**
 * On Ctrl-C (or a kill): the progress line cleared, the partial output file
 * and the spooled copy of the input removed, then the process ends by the
 * same signal. An exit code (130) instead would tell a shell the program
 * handled the signal itself, and a loop over rosters would go on to the
 * next file after Ctrl-C.
 */
function onInterrupt(undo: Undo): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const off = () => signals.forEach((signal, k) => process.removeListener(signal, handlers[k]));
  const handlers = signals.map((signal) => () => {
    for (const step of undo) {
      try {
        step();
      } catch {
        // Ending anyway: the other steps still run.
      }
    }
    off();
    process.kill(process.pid, signal);
  });
  signals.forEach((signal, k) => process.once(signal, handlers[k]));
  return off;
}

export function registerBatchCommand(program: Command, io: Io): void {
  const cmd = program
    .command('batch [file]')
    .description('核查户籍花名册中的每一个人（CSV 或 .xlsx，每人一行，按户编号分户）/ check every person of a household roster')
    .option('--out <file>', '写到文件（写完才改名，中断不留半截文件；- 为标准输出） / write to FILE (renamed into place when complete; - for standard output)')
    .addOption(new Option('--format <format>', '输出格式 / output format (default csv, or by --out extension)').choices(['csv', 'jsonl', 'xlsx']))
    .option('--encoding <name>', 'CSV 编码：utf-8、gb18030、gbk …（默认自动识别） / CSV encoding (detected by default)')
    .option('--sheet <name>', '.xlsx 的工作表名或序号（默认第一张显示的） / sheet name or number (default the first one shown)')
    .option('--sorted', '文件已按户编号排好：只读一遍 / rows are grouped by household: read once')
    .option('--fill-household-ids', '户编号为空的行沿用上一行的户编号（Excel 合并单元格；单线程） / a blank household id takes the one above (merged cells; one thread)')
    .option('--wide', '每个项目一列 / one column per item')
    .option('--summary', '在标准错误输出各项目的统计 / per-item counts on standard error')
    .addOption(domainOption())
    .option('--jobs <n>', '工作线程数，0 为单线程（默认按 CPU 核数，小文件单线程） / worker threads, 0 for none (default: one per core for large files)');
  addAsOf(cmd);
  addLang(cmd);
  addRules(cmd);
  addColor(cmd);
  cmd.action(async (file: string | undefined, flags: BatchFlags) => {
    const notes = NOTES[flags.lang];
    if (!file) throw new CliError(2, [makeIssue('BAD_ARGUMENT', notes.noFile, {})]);
    // `--out -` is standard output, as `-` for the roster is standard input.
    if (flags.out === '-') flags.out = undefined;
    const asOf = checkDate(io, flags.asOf);
    const format = formatFor(flags);
    if (format === 'xlsx' && !flags.out) throw new CliError(2, [makeIssue('BAD_ARGUMENT', notes.xlsxNeedsOut, { field: '--format' })]);
    if (flags.wide && format === 'jsonl') io.stderr(notes.wideIgnored);
    const jobs = jobsFor(flags.jobs);
    const catalogue = await catalogueFor(io, flags.rules);
    const checker = engineChecker(new Checker(catalogue), { asOf, domain: flags.domain, lang: flags.lang });
    // Said once for the run, as a single check says it above its table: the catalogue's period, an item's own.
    for (const warning of checkWarnings(catalogue, asOf, flags.lang, flags.domain)) io.stderr(`${warning}\n`);
    const undo: Undo = new Set();
    const offSignals = onInterrupt(undo);
    try {
      await checkRoster(file, flags, { io, format, asOf, jobs, catalogue, checker, undo, cmd });
    } finally {
      offSignals();
    }
  });
}

interface RunContext {
  io: Io;
  format: BatchFormat;
  asOf: string;
  jobs: { count: number; explicit: boolean };
  catalogue: Catalogue;
  checker: BatchChecker;
  undo: Undo;
  cmd: Command;
}

/** The run itself, from the input's path to the committed output. */
async function checkRoster(file: string, flags: BatchFlags, { io, format, asOf, jobs, catalogue, checker, undo, cmd }: RunContext): Promise<void> {
  const notes = NOTES[flags.lang];
  const cwd = io.cwd ?? process.cwd();
  const spools = file === '-' || readsOnce(resolve(cwd, file));
  // What killed runs left (the partial output, a spooled copy of standard input) holds personal data.
  // Spooled copies are looked for by a run that spools (the temporary folder can be large to list).
  const orphans = [...(spools ? removeOrphanSpools(tmpdir()) : []), ...(flags.out ? removeOrphanPartials(resolve(cwd, flags.out)) : [])];
  if (orphans.length > 0) io.stderr(notes.orphansRemoved(orphans));
  const spooled = !spools ? undefined : file === '-' ? await spoolStdin(io, undo) : await spool(createReadStream(resolve(cwd, file)), undo);
  const input = spooled?.path ?? resolve(cwd, file);
  if (flags.out && !spooled && sameFile(input, resolve(cwd, flags.out))) {
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', notes.sameAsInput(flags.out), { file: flags.out, field: '--out' })]);
  }
  const destination = flags.out ? fileDestination(resolve(cwd, flags.out)) : stdoutDestination(io);
  await destination.ready().catch(async (e: NodeJS.ErrnoException) => {
    await spooled?.cleanup();
    throw new CliError(2, [makeIssue('BAD_ARGUMENT', notes.cannotWrite(flags.out!, e.code ?? e.message), { file: flags.out, field: '--out' })]);
  });
  const abortOutput = () => destination.abortSync();
  undo.add(abortOutput);
  const progress = progressReporter(io, flags.lang, !flags.out);
  let hasHouseholdColumn = false;
  // Cleared too: the shell's prompt after an interrupted run starts on a line of its own.
  const clearProgress = () => progress.clear();
  undo.add(clearProgress);
  try {
    const report = await runBatch({
      input,
      file: file === '-' ? '<stdin>' : file,
      encoding: flags.encoding,
      sheet: flags.sheet,
      sorted: flags.sorted,
      fillHouseholdIds: flags.fillHouseholdIds === true,
      asOf,
      lang: flags.lang,
      checker,
      full: format === 'jsonl',
      start(layout: BatchLayout) {
        hasHouseholdColumn = layout.plan.household >= 0;
        if (layout.hiddenSheets) io.stderr(notes.hiddenSheets(layout.hiddenSheets.read, layout.hiddenSheets.hidden));
        if (layout.aboveHeader) io.stderr(notes.aboveHeader(layout.headerRow, layout.aboveHeader.map(aboveHeaderText)));
        if (layout.carriedLabels.length > 0) io.stderr(notes.carried(layout.carriedLabels));
        if (layout.plan.household < 0) io.stderr(notes.noHousehold);
        if (flags.sheet !== undefined && layout.encoding !== 'xlsx') io.stderr(notes.sheetIgnored);
        if (layout.encodingDoubt) io.stderr(notes.encodingDoubt(file === '-' ? '<stdin>' : file, layout.encodingDoubt));
        // A note (cells cut to fit xlsx) clears the progress line first, or it would be written onto it.
        const note = (text: string) => {
          progress.clear();
          io.stderr(text);
        };
        return makeSink(layout, destination, { format, items: checker.items, wide: flags.wide === true, lang: flags.lang, note });
      },
      onProgress: (p) => progress.report(p),
      parallel:
        format === 'xlsx'
          ? undefined
          : { jobs: jobs.count, minBytes: jobs.explicit ? 0 : AUTO_PARALLEL_BYTES, catalogue, domain: flags.domain, format, wide: flags.wide === true },
    });
    progress.clear();
    await destination.commit();
    if (flags.summary) {
      io.stderr(formatBatchSummary({ items: checker.items, counts: report.counts, rows: report.rows, errors: report.errors }, { lang: flags.lang, chart: io.stderrIsTTY === true, columns: io.stderrColumns }));
    }
    if (hasHouseholdColumn && report.withoutId > 0) io.stderr(notes.withoutId(report.withoutId, flags.fillHouseholdIds === true));
    if (report.errors > 0) io.stderr(notes.failed(report.errors, report.nobody));
    // By their first row: the order threads finish in is no order.
    for (const [code, { count, rows, values }] of Object.entries(report.warnings.counts).sort(([, a], [, b]) => a.rows[0] - b.rows[0])) {
      io.stderr(notes.warned(count, ISSUE_TITLES[code as IssueCode]?.[flags.lang] ?? code, rows, notes.warningHints[code] ?? '', values));
    }
    setExitCode(cmd, report.errors > 0 ? 1 : 0);
  } catch (e) {
    progress.clear();
    await destination.abort();
    if (e instanceof BatchInputError) throw inputError(e, flags.lang);
    if (e instanceof BatchOutputError) {
      const target = flags.out ?? (flags.lang === 'zh' ? '标准输出' : 'standard output');
      throw new CliError(2, [makeIssue('BAD_ARGUMENT', notes.cannotWrite(target, e.code), { file: flags.out, field: '--out' })]);
    }
    throw e;
  } finally {
    undo.delete(abortOutput);
    undo.delete(clearProgress);
    await spooled?.cleanup();
  }
}

/** Whether two paths are one file (a link or another spelling of the same path included); false when either is not there. */
function sameFile(a: string, b: string): boolean {
  const sa = statSync(a, { throwIfNoEntry: false });
  const sb = statSync(b, { throwIfNoEntry: false });
  return sa !== undefined && sb !== undefined && sa.isFile() && sa.dev === sb.dev && sa.ino === sb.ino;
}
