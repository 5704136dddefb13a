/**
 * The batch command as a real process (needs `npm run build`): worker
 * threads give the same bytes as one thread, and a run killed part way
 * leaves no output file that looks finished.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, createWriteStream, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROSTER_HEADER, rosterLines, shuffled } from '../../bench/roster.js';
import { ORPHAN_AGE_MS } from '../../src/cli/stale-files.js';
import { tempDir } from './helpers.js';

/** The executable; LONGCHANG_BIN points elsewhere to try these tests on another build. */
const BIN = resolve(process.env.LONGCHANG_BIN ?? 'bin/longchang-check.js');
const AS_OF = ['--as-of', '2025-06-01'];

const batch = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, 'batch', ...args, ...AS_OF], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });

async function writeRoster(path: string, rows: number, order: 'grouped' | 'shuffled' = 'shuffled'): Promise<void> {
  const lines = [...rosterLines({ rows })];
  const out = createWriteStream(path);
  out.write(`${ROSTER_HEADER.join(',')}\r\n`);
  for (const line of order === 'shuffled' ? shuffled(lines, 11) : lines) if (!out.write(`${line}\r\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

describe('worker threads', () => {
  it('give byte for byte the output of one thread, in CSV (UTF-8 and GB18030) and JSON lines', async () => {
    const dir = tempDir();
    await writeRoster(join(dir, 'roster.csv'), 20_000);
    // Blank rows after the last person, as Excel leaves them, are not rows on any thread.
    appendFileSync(join(dir, 'roster.csv'), ',,,,\r\n\r\n');
    writeFileSync(join(dir, 'roster-gb.csv'), iconv.encode(readFileSync(join(dir, 'roster.csv'), 'utf8'), 'gb18030'));
    const one = batch(dir, ['roster.csv', '--jobs', '0', '--out', 'one.csv']);
    const two = batch(dir, ['roster.csv', '--jobs', '2', '--out', 'two.csv']);
    const gb = batch(dir, ['roster-gb.csv', '--jobs', '2', '--out', 'gb.csv']);
    expect([one.status, two.status, gb.status]).toEqual([one.status, one.status, one.status]);
    expect(one.status === 0 || one.status === 1).toBe(true);
    const reference = readFileSync(join(dir, 'one.csv'));
    expect(reference.toString('utf8').split('\r\n')).toHaveLength(20_002);
    expect(readFileSync(join(dir, 'two.csv')).equals(reference)).toBe(true);
    expect(readFileSync(join(dir, 'gb.csv')).equals(reference)).toBe(true);
    // Standard output (a pipe here) gets the same bytes as a file.
    const piped = batch(dir, ['roster.csv', '--jobs', '2']);
    expect(piped.status).toBe(one.status);
    expect(piped.stdout).toBe(reference.toString('utf8'));

    await writeRoster(join(dir, 'small.csv'), 600);
    const jsonOne = batch(dir, ['small.csv', '--jobs', '0', '--format', 'jsonl']);
    const jsonTwo = batch(dir, ['small.csv', '--jobs', '2', '--format', 'jsonl']);
    expect(jsonTwo.stdout).toBe(jsonOne.stdout);
    expect(jsonOne.stdout.trim().split('\n')).toHaveLength(600);
  }, 120_000);
});

describe('worker threads on a roster promised sorted', () => {
  it('give byte for byte the output of one thread, with households cut between pieces', async () => {
    const dir = tempDir();
    await writeRoster(join(dir, 'grouped.csv'), 20_000, 'grouped');
    const one = batch(dir, ['grouped.csv', '--sorted', '--jobs', '0', '--out', 'one.csv']);
    const two = batch(dir, ['grouped.csv', '--sorted', '--jobs', '2', '--out', 'two.csv']);
    const unsorted = batch(dir, ['grouped.csv', '--jobs', '0', '--out', 'unsorted.csv']);
    expect([two.status, unsorted.status]).toEqual([one.status, one.status]);
    expect(one.status === 0 || one.status === 1).toBe(true);
    const reference = readFileSync(join(dir, 'unsorted.csv'));
    expect(reference.toString('utf8').split('\r\n')).toHaveLength(20_002);
    expect(readFileSync(join(dir, 'one.csv')).equals(reference)).toBe(true);
    expect(readFileSync(join(dir, 'two.csv')).equals(reference)).toBe(true);

    // JSON lines go in pieces of 16 KiB: about 40 rows, so many households are cut.
    await writeRoster(join(dir, 'small.csv'), 3000, 'grouped');
    const jsonOne = batch(dir, ['small.csv', '--sorted', '--jobs', '0', '--format', 'jsonl']);
    const jsonTwo = batch(dir, ['small.csv', '--sorted', '--jobs', '2', '--format', 'jsonl']);
    expect(jsonTwo.stdout).toBe(jsonOne.stdout);
    expect(jsonOne.stdout.trim().split('\n')).toHaveLength(3000);
  }, 120_000);

  it('stop at the same row as one thread when a household comes back', async () => {
    const dir = tempDir();
    await writeRoster(join(dir, 'shuffled.csv'), 3000, 'shuffled');
    const runs = ['0', '2'].map((jobs) => batch(dir, ['shuffled.csv', '--sorted', '--jobs', jobs, '--format', 'jsonl', '--out', `out-${jobs}.jsonl`]));
    for (const r of runs) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/shuffled\.csv:\d+: .*NOT_SORTED/);
    }
    expect(runs[1].stderr).toBe(runs[0].stderr);
    expect(readdirSync(dir)).toEqual(['shuffled.csv']);
  }, 60_000);
});

describe('a quote never closed', () => {
  it('stops the run on one thread and on several alike, naming the line, and leaves no output', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'unclosed.csv'), `户编号,姓名\r\nH1,甲\r\nH1,"乙\r\n${'H2,丙\r\n'.repeat(5000)}`);
    for (const jobs of ['0', '2']) {
      const r = batch(dir, ['unclosed.csv', '--jobs', jobs, '--out', 'out.csv']);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unclosed\.csv:3: .*UNTERMINATED_QUOTE/);
      expect(readdirSync(dir)).toEqual(['unclosed.csv']);
    }
  });

  it('is named by its row, counted as records, after cells with line breaks, on one thread and several alike', () => {
    const dir = tempDir();
    // 3,000 rows whose remark holds a line break (past the 64 KiB the header is read from): lines and records differ by 3,000.
    const broken = Array.from({ length: 3000 }, (_, i) => `H${i},甲,"第一行\r\n第二行"\r\n`).join('');
    writeFileSync(join(dir, 'late.csv'), `户编号,姓名,备注\r\n${broken}H9,乙,"没有闭合\r\n${'H10,丙,\r\n'.repeat(2000)}`);
    const runs = ['0', '2'].map((jobs) => batch(dir, ['late.csv', '--jobs', jobs, '--out', 'out.csv']));
    for (const r of runs) {
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/late\.csv:3002: .*UNTERMINATED_QUOTE.*第 3002 行起/);
    }
    expect(runs[1].stderr).toBe(runs[0].stderr);
    expect(readdirSync(dir)).toEqual(['late.csv']);
  });
});

describe('an interrupted run', () => {
  async function interrupt(signal: 'SIGKILL' | 'SIGTERM') {
    const dir = tempDir();
    await writeRoster(join(dir, 'roster.csv'), 300_000);
    const child = spawn(process.execPath, [BIN, 'batch', 'roster.csv', '--out', 'result.csv', '--jobs', '0', ...AS_OF], { cwd: dir, stdio: 'ignore' });
    const exited = once(child, 'exit');
    // Wait until output is being written, then stop the process mid-file.
    const started = Date.now();
    const partial = () => readdirSync(dir).find((f) => f.startsWith('.result.csv.partial-'));
    let done = false;
    void exited.then(() => (done = true));
    while (!done && Date.now() - started < 60_000) {
      const name = partial();
      if (name && statSync(join(dir, name)).size > 1_000_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill(signal);
    const [code, killedBy] = await exited;
    return { dir, code, killedBy, partial: partial() };
  }

  it('killed outright, leaves only a file named as partial, which a run to that --out an hour later removes', async () => {
    const { dir, killedBy, partial } = await interrupt('SIGKILL');
    expect(killedBy).toBe('SIGKILL');
    expect(existsSync(join(dir, 'result.csv'))).toBe(false);
    expect(partial).toMatch(/^\.result\.csv\.partial-\d+$/);
    // An hour later (a partial file touched within the hour may be a live run's elsewhere):
    const then = (Date.now() - ORPHAN_AGE_MS - 60_000) / 1000;
    utimesSync(join(dir, partial!), then, then);
    writeFileSync(join(dir, 'small.csv'), '户编号,户籍性质\nH1,农村\n');
    const next = spawnSync(process.execPath, [BIN, 'batch', 'small.csv', '--out', 'result.csv', ...AS_OF], { cwd: dir, encoding: 'utf8' });
    expect(next.stderr).toContain(`${partial}`);
    expect(readdirSync(dir).sort()).toEqual(['result.csv', 'roster.csv', 'small.csv']);
  }, 120_000);

  it('interrupted while reading standard input, removes its spooled copy of the roster and ends by the signal', async () => {
    const tmp = tempDir();
    const child = spawn(process.execPath, [BIN, 'batch', '-', ...AS_OF], { cwd: tmp, stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, TMPDIR: tmp } });
    const exited = once(child, 'exit');
    child.stdin.write(`${ROSTER_HEADER.join(',')}\r\n${[...rosterLines({ rows: 1000 })].join('\r\n')}\r\n`);
    // The copy is being written (stdin stays open): names and ID numbers are on disk.
    const started = Date.now();
    const spooled = () => readdirSync(tmp).filter((f) => f.startsWith('longchang-batch-'));
    while (spooled().length === 0 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
    expect(spooled()).toHaveLength(1);
    child.kill('SIGINT');
    // Ended by SIGINT, not an exit code: a shell loop over rosters then stops too.
    const [code, signal] = await exited;
    expect([code, signal]).toEqual([null, 'SIGINT']);
    expect(spooled()).toEqual([]);
  }, 60_000);

  it('stopped with SIGTERM, removes its partial file and ends by the signal', async () => {
    const { dir, code, killedBy, partial } = await interrupt('SIGTERM');
    expect([code, killedBy]).toEqual([null, 'SIGTERM']);
    expect(existsSync(join(dir, 'result.csv'))).toBe(false);
    expect(partial).toBeUndefined();
  }, 120_000);
});
