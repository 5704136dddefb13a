/**
 * `batch --sorted` on worker threads (needs `npm run build`): `--jobs 2`
 * against `--jobs 0`, byte for byte (exit code, standard error, output), on
 * rosters made to stress the pieces' edges. The second group are the
 * differences a review found, each fixed.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROSTER_HEADER, rosterLines } from '../../bench/roster.js';
import { tempDir } from './helpers.js';

const BIN = resolve(process.env.LONGCHANG_BIN ?? 'bin/longchang-check.js');
const AS_OF = ['--as-of', '2025-06-01'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The --out file, when one was asked for and left. */
  out?: Buffer;
}

/** Runs `batch FILE --sorted` with `jobs` threads; with `out`, into that file (read back, then removed). */
function sorted(dir: string, file: string, jobs: string, args: string[] = [], out?: string): Run {
  const outArgs = out ? ['--out', `${jobs}-${out}`] : [];
  const r = spawnSync(process.execPath, [BIN, 'batch', file, '--sorted', '--jobs', jobs, ...outArgs, ...args, ...AS_OF], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const run: Run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (out && existsSync(join(dir, `${jobs}-${out}`))) run.out = readFileSync(join(dir, `${jobs}-${out}`));
  return run;
}

/** One thread and two, the same file and flags: exit code, standard error and output. */
function compare(dir: string, file: string, args: string[] = [], out?: string): { one: Run; two: Run } {
  const one = sorted(dir, file, '0', args, out);
  const two = sorted(dir, file, '2', args, out);
  return { one, two };
}

function expectSame({ one, two }: { one: Run; two: Run }): void {
  expect(two.status).toBe(one.status);
  expect(two.stderr).toBe(one.stderr);
  expect(two.stdout === one.stdout).toBe(true);
  expect(two.out === undefined).toBe(one.out === undefined);
  if (one.out) expect(two.out!.equals(one.out)).toBe(true);
}

const HEADER = ROSTER_HEADER.join(',');
const setCell = (line: string, k: number, v: string) => {
  const cells = line.split(',');
  cells[k] = v;
  return cells.join(',');
};
/** Data lines of the bench roster (its remark cell is at most one quoted "a,b" at the end). */
const lines = (rows: number, seed: number) => [...rosterLines({ rows, seed })];
const text = (data: readonly string[]) => `${HEADER}\r\n${data.join('\r\n')}\r\n`;

/**
 * A grouped roster with everything that lives at a piece's edges: bad ID
 * numbers and future births in the first, middle and last households of
 * pieces, rows without a household id among a household's rows and in a run
 * of 990 inside a household, blank rows, quoted remarks with line breaks, and one
 * household of 400 people.
 */
function stressRoster(rows: number, seed: number, lineBreaks = true): string[] {
  const out: string[] = [];
  const base = lines(rows, seed);
  const idOf = (i: number) => base[i]?.split(',')[0];
  /** The last row of a household at or after row `from`. */
  const householdEnd = (from: number) => {
    let i = from;
    while (i + 1 < base.length && idOf(i + 1) === idOf(i)) i++;
    return i;
  };
  const inside = Math.floor(rows / 3);
  const between = householdEnd(Math.floor(rows / 2));
  base.forEach((l, i) => {
    let line = l;
    if (i % 7 === 3) line = setCell(line, 3, '51102820300101123X'); // a birth after the check date, bad check digit
    if (i % 11 === 5) line = setCell(line, 3, '123');
    if (i % 13 === 2) line = setCell(line, 0, ''); // a person without a household id, inside a household
    if (lineBreaks && i % 9 === 0) line = line.replace(/,[^,]*$/, ',"第一行\r\n第二行\n第三行"');
    out.push(line);
    if (i % 17 === 0) out.push(',,,,', '');
    // 990 id-less rows inside a household: with the blank and id-less rows around them, still no more than 1000.
    if (i === inside) for (let k = 0; k < 990; k++) out.push(setCell(base[k % base.length], 0, ''));
    if (i === between) for (let k = 0; k < 400; k++) out.push(setCell(base[k % base.length], 0, 'BIG-HOUSEHOLD'));
  });
  return out;
}

describe('--sorted on two threads gives the bytes of one', () => {
  it('households, error rows, id-less runs, blank rows and line breaks in cells across 16 KiB pieces (JSON lines)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'stress.csv'), text(stressRoster(900, 1)));
    const r = compare(dir, 'stress.csv', ['--format', 'jsonl', '--summary'], 'out.jsonl');
    expect(r.one.status).toBe(1);
    expectSame(r);
  }, 120_000);

  it('the same roster without line breaks in cells: the row numbers of each piece guessed right, error rows among the rows written as they are', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'flat-stress.csv'), text(stressRoster(3000, 3, false)));
    const r = compare(dir, 'flat-stress.csv', ['--summary'], 'out.csv');
    expect(r.one.status).toBe(1);
    expectSame(r);
  }, 120_000);

  it('the same roster as CSV, --wide, standard output, and in GB18030', () => {
    const dir = tempDir();
    const roster = text(stressRoster(3000, 2));
    writeFileSync(join(dir, 'stress.csv'), roster);
    writeFileSync(join(dir, 'stress-gb.csv'), iconv.encode(roster, 'gb18030'));
    const wide = compare(dir, 'stress.csv', ['--wide', '--summary']);
    expect(wide.one.status).toBe(1);
    expectSame(wide);
    const gb = compare(dir, 'stress-gb.csv', ['--encoding', 'gb18030', '--summary'], 'out.csv');
    expectSame(gb);
    expectSame({ one: compare(dir, 'stress.csv', ['--summary'], 'out.csv').one, two: gb.two });
  }, 120_000);

  it('a roster without a household column', () => {
    const dir = tempDir();
    const data = lines(2000, 3).map((l) => l.split(',').slice(1).join(','));
    writeFileSync(join(dir, 'flat.csv'), `${ROSTER_HEADER.slice(1).join(',')}\r\n${data.join('\r\n')}\r\n`);
    expectSame(compare(dir, 'flat.csv', ['--format', 'jsonl', '--summary'], 'out.jsonl'));
  }, 120_000);

  it('a household back after more than 1000 rows without an id, the gap across pieces: NOT_SORTED at the same row, no output left', () => {
    const dir = tempDir();
    const base = lines(400, 4);
    const id = base[200].split(',')[0];
    const last = base.map((l) => l.startsWith(`${id},`)).lastIndexOf(true);
    const gap = Array.from({ length: 1001 }, (_, k) => setCell(base[k % base.length], 0, ''));
    writeFileSync(join(dir, 'back.csv'), text([...base.slice(0, last), ...gap, ...base.slice(last)]));
    const r = compare(dir, 'back.csv', ['--format', 'jsonl'], 'out.jsonl');
    expect(r.one.status).toBe(2);
    expect(r.one.stderr).toMatch(/back\.csv:\d+: .*NOT_SORTED/);
    expect(r.two.stderr).toBe(r.one.stderr);
    expect(r.two.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['back.csv']);
  }, 120_000);
});

describe('found in review, now the same on two threads as on one', () => {
  // Excel leaves thousands of formatted but empty rows after the last person. recordChunks used to
  // drop blank rows only from its last piece, so a piece of nothing but blank rows before it came
  // out as EMPTY_ROW errors on two threads (6,400 rows, exit 1) against 200 rows and exit 0 on one.
  // In JSON lines a piece is 16 KiB; in CSV it takes 256 KiB of blank rows.
  it('blank rows after the last person, more than a piece of them, are dropped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'excel.csv'), `${text(lines(200, 5))}${',,,,\r\n'.repeat(8000)}`);
    const r = compare(dir, 'excel.csv', ['--format', 'jsonl'], 'out.jsonl');
    expect(r.one.out!.toString('utf8').trim().split('\n')).toHaveLength(200);
    expectSame(r);
  }, 120_000);

  // `"",""` is a blank row to isBlankRow (one thread drops it); the piece cutter used to know
  // only delimiters, spaces and line ends, not quotes.
  it('a quoted empty row at the end is dropped', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'quoted-blank.csv'), `${text(lines(3, 6))}"",""\r\n`);
    const r = compare(dir, 'quoted-blank.csv', [], 'out.csv');
    expect(r.one.status).toBe(0);
    expectSame(r);
  }, 60_000);

  // The main thread reads pieces ahead of the joiner; a runaway quote in that read-ahead used to be
  // thrown before the NOT_SORTED of an earlier piece (one thread: NOT_SORTED at row 4; two threads:
  // UNTERMINATED_QUOTE at row 20005).
  it('NOT_SORTED early in the file is reported before a quote never closed further on', () => {
    const dir = tempDir();
    let csv = '户编号,姓名,备注\r\nH1,甲,\r\nH2,乙,\r\nH1,丙,\r\n';
    for (let i = 0; i < 20_000; i++) csv += `H${i + 3},某,备注\r\n`;
    csv += 'H9,某,"没有闭合\r\n' + 'Z,z\r\n'.repeat(2000);
    writeFileSync(join(dir, 'late-quote.csv'), csv);
    const r = compare(dir, 'late-quote.csv', [], 'out.csv');
    expect(r.one.stderr).toMatch(/late-quote\.csv:4: .*NOT_SORTED/);
    expectSame(r);
  }, 60_000);

  // recordChunks counts lines, the one-thread reader records: with quoted line breaks before it, a
  // runaway quote used to be named by a different row (and wording) on two threads.
  it('a quote never closed after cells with line breaks is named by the same row', () => {
    const dir = tempDir();
    let csv = '户编号,姓名,备注\r\n';
    for (let i = 0; i < 20_000; i++) csv += `H${i},某,${i % 10 === 0 ? '"两\r\n行"' : '一行'}\r\n`;
    csv += 'H9,某,"没有闭合\r\n' + 'Z,z\r\n'.repeat(2000);
    writeFileSync(join(dir, 'multiline-quote.csv'), csv);
    const r = compare(dir, 'multiline-quote.csv', [], 'out.csv');
    expect(r.one.stderr).toMatch(/multiline-quote\.csv:20002: .*UNTERMINATED_QUOTE/);
    expectSame(r);
  }, 60_000);

  // A household's rows wait in the worker until the household ends. With the workers' heap capped
  // at 96 MB, about 150,000 rows in one household (20 MB of CSV) killed a worker (exit 2) where one
  // thread finishes; the cap is gone.
  it('one household of 200,000 rows is checked, not a worker out of memory', async () => {
    const dir = tempDir();
    const file = createWriteStream(join(dir, 'one-household.csv'));
    file.write(`${HEADER}\r\n`);
    for (const l of rosterLines({ rows: 200_000, seed: 7 })) if (!file.write(`${setCell(l, 0, 'H1')}\r\n`)) await once(file, 'drain');
    file.end();
    await once(file, 'close');
    const r = compare(dir, 'one-household.csv', [], 'out.csv');
    expect(r.one.status).toBe(1);
    expectSame(r);
  }, 300_000);
});
