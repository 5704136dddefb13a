/**
 * `npm run bench:batch`: the batch command end to end on a generated roster
 * (default 1,000,000 rows × 21 columns), against parse-only passes over the
 * same file by papaparse and csv-parse, in the same run. Every measurement
 * is a fresh process (wall time from spawn to exit, peak RSS from inside),
 * repeated, median reported.
 *
 *   node dist/bench/batch.js [--rows N] [--repeat N] [--dir DIR] [--keep] [--bin PATH]
 *
 * Targets (issue 4): end to end ≤ 2 × the fastest parse-only pass; peak
 * memory < 300 MB; the unsorted roster ≤ 2 × the sorted one. One run writes
 * to /dev/null, to tell the work from the cost of writing 1.1 GB to a file.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROSTER_HEADER, rosterLines, shuffled } from './roster.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The package root, from dist/bench/ (compiled) or bench/ (source). */
const root = [resolve(here, '../..'), resolve(here, '..')].find((d) => existsSync(join(d, 'package.json')) && existsSync(join(d, 'bin')))!;
const AS_OF = '2025-06-01';

// Peak RSS of a child, printed by a preloaded hook when it exits.
const RSS_HOOK = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('\\nBENCH_MAXRSS ' + process.resourceUsage().maxRSS + '\\n'));",
)}`;

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk: string[] = [];
  const flush = async () => {
    if (!out.write(chunk.join('\r\n') + '\r\n')) await once(out, 'drain');
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length >= 5000) await flush();
  }
  if (chunk.length) await flush();
  out.end();
  await once(out, 'close');
}

async function generate(dir: string, rows: number): Promise<{ sorted: string; unsorted: string }> {
  const sorted = join(dir, 'roster-grouped.csv');
  const unsorted = join(dir, 'roster-shuffled.csv');
  const lines = [...rosterLines({ rows })];
  await writeLines(sorted, [ROSTER_HEADER.join(','), ...lines]);
  await writeLines(unsorted, [ROSTER_HEADER.join(','), ...shuffled(lines, 7)]);
  return { sorted, unsorted };
}

interface Measurement {
  seconds: number;
  maxRssMb: number;
  status: number | null;
}

function measure(args: string[]): Measurement {
  const at = args.indexOf('--out');
  // A real file is removed first and must exist after; /dev/null is left alone.
  const outAt = at >= 0 && args[at + 1] !== '/dev/null' ? at : -1;
  if (outAt >= 0) rmSync(args[outAt + 1], { force: true });
  // The last run's 1.1 GB may still be going to disk: flushed first, untimed, so each run starts
  // from the same state (otherwise a run is slowed by the one before it, more the later it comes).
  spawnSync('sync');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /BENCH_MAXRSS (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  // Exit 1 is normal for a batch (the roster has error rows), but only with a finished output file:
  // a run that failed early must not be timed as a fast one.
  if (outAt >= 0 && (!existsSync(args[outAt + 1]) || statSync(args[outAt + 1]).size === 0)) {
    throw new Error(`${args.join(' ')} exited ${r.status} without writing ${args[outAt + 1]}: ${r.stderr}`);
  }
  return { seconds, maxRssMb: rss ? Number(rss[1]) / 1024 : NaN, status: r.status };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function repeatMeasure(args: string[], repeat: number): Measurement {
  const runs = Array.from({ length: repeat }, () => measure(args));
  return { seconds: median(runs.map((r) => r.seconds)), maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)), status: runs[0].status };
}

/** Child mode: a parse-only pass, counting rows. */
async function parseOnly(kind: string, file: string): Promise<void> {
  let rows = 0;
  if (kind === 'papaparse') {
    const Papa = (await import('papaparse')).default;
    const parser = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, {}));
    parser.on('data', () => rows++);
    await once(parser, 'end');
  } else if (kind === 'csv-parse') {
    const { parse } = await import('csv-parse');
    const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }));
    parser.on('data', () => rows++);
    await once(parser, 'end');
  } else if (kind === 'reader') {
    const { openRoster } = await import('../src/household/source.js');
    const source = await openRoster(file);
    rows = 1;
    for await (const batch of source.batches) rows += batch.rows.length;
  } else throw new Error(`unknown parse kind ${kind}`);
  process.stderr.write(`rows ${rows}\n`);
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return parseOnly(process.argv[3], process.argv[4]);
  const rows = Number(flag('--rows') ?? 1_000_000);
  const repeat = Number(flag('--repeat') ?? 3);
  const dir = flag('--dir') ?? mkdtempSync(join(tmpdir(), 'longchang-bench-'));
  const self = fileURLToPath(import.meta.url);
  const bin = resolve(flag('--bin') ?? join(root, 'bin', 'longchang-check.js'));

  const cleanUp = !process.argv.includes('--keep') && flag('--dir') === undefined;
  try {
    await measureAll(dir, rows, repeat, self, bin);
  } finally {
    if (cleanUp) rmSync(dir, { recursive: true, force: true });
  }
}

async function measureAll(dir: string, rows: number, repeat: number, self: string, bin: string): Promise<void> {
  process.stderr.write(`generating ${rows} rows in ${dir} …\n`);
  const { sorted, unsorted } = await generate(dir, rows);
  const mb = statSync(sorted).size / 1e6;
  const out = join(dir, 'out.csv');

  const cases: [string, string[]][] = [
    ['parse only: papaparse (Node stream)', [self, '--child', 'papaparse', sorted]],
    ['parse only: csv-parse (Node stream)', [self, '--child', 'csv-parse', sorted]],
    ["parse only: our reader (papaparse's parser, batches)", [self, '--child', 'reader', sorted]],
    ['batch, grouped file, `--sorted` (one pass, worker threads)', [bin, 'batch', sorted, '--sorted', '--as-of', AS_OF, '--out', out]],
    ['batch, grouped file, `--sorted`, one thread (`--jobs 0`)', [bin, 'batch', sorted, '--sorted', '--jobs', '0', '--as-of', AS_OF, '--out', out]],
    ['batch, shuffled file (two passes, worker threads)', [bin, 'batch', unsorted, '--as-of', AS_OF, '--out', out]],
    ['batch, shuffled file, one thread (`--jobs 0`)', [bin, 'batch', unsorted, '--jobs', '0', '--as-of', AS_OF, '--out', out]],
    ['batch, grouped file (two passes, worker threads)', [bin, 'batch', sorted, '--as-of', AS_OF, '--out', out]],
    ['batch, grouped file, `--sorted`, output to /dev/null (no file written)', [bin, 'batch', sorted, '--sorted', '--as-of', AS_OF, '--out', '/dev/null']],
  ];
  const results = new Map<string, Measurement>();
  for (const [name, args] of cases) {
    process.stderr.write(`${name} …`);
    const m = repeatMeasure(args, repeat);
    results.set(name, m);
    process.stderr.write(` ${m.seconds.toFixed(2)} s, ${m.maxRssMb.toFixed(0)} MB\n`);
  }
  const fastestParse = Math.min(results.get(cases[0][0])!.seconds, results.get(cases[1][0])!.seconds);
  const sortedRun = results.get(cases[3][0])!.seconds;
  const unsortedRun = results.get(cases[5][0])!.seconds;
  const outMb = existsSync(out) ? statSync(out).size / 1e6 : NaN;
  const lines = [
    `Rows: ${rows} × ${ROSTER_HEADER.length} columns, ${mb.toFixed(0)} MB UTF-8; check date ${AS_OF}; median of ${repeat} runs.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; load average before: ${loadavg()[0].toFixed(2)}.`,
    '',
    '| run | seconds | × fastest parse | peak RSS MB |',
    '|---|---:|---:|---:|',
    ...[...results].map(([name, m]) => `| ${name} | ${m.seconds.toFixed(2)} | ${(m.seconds / fastestParse).toFixed(2)} | ${Number.isNaN(m.maxRssMb) ? '—' : m.maxRssMb.toFixed(0)} |`),
    '',
    `Shuffled file (two passes) ÷ grouped file with --sorted (one pass): ${(unsortedRun / sortedRun).toFixed(2)}. Output CSV: ${outMb.toFixed(0)} MB.`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
