/**
 * What a run killed outright left behind (its partial output, its spooled
 * copy of standard input: names and ID numbers) is removed by the next run,
 * which says so, once it is surely an orphan: this user's, a plain file, its
 * process gone, untouched for an hour. Anything else is left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORPHAN_AGE_MS, isRunning, removeOrphanPartials, removeOrphanSpools, spoolPrefix } from '../../src/cli/stale-files.js';
import { idFor, tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  expect(isRunning(pid)).toBe(false);
  return pid;
}

/** Marks a path as last changed longer ago than the orphan age. */
function age(path: string): string {
  const then = (Date.now() - ORPHAN_AGE_MS - 60_000) / 1000;
  utimesSync(path, then, then);
  return path;
}

const roster = (dir: string) => writeCsv(dir, 'roster.csv', [['户编号', '身份证号'], ['H1', idFor('1960-06-01', 'male')]]);
const PERSONAL = '511028196006010011,张三\n';

describe('partial outputs left by a killed run', () => {
  it('are removed by the next run to the same --out, which says so', async () => {
    const dir = tempDir();
    roster(dir);
    const dead = join(dir, `.result.csv.partial-${deadPid()}`);
    writeFileSync(dead, PERSONAL);
    age(dead);
    const r = await runBatchCli(['roster.csv', '--as-of', '2025-06-01', '--out', 'result.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(dead)).toBe(false);
    expect(r.stderr).toContain(`已删除此前被强行终止的运行留下的文件（含个人信息）：${dead}`);
    expect(existsSync(join(dir, 'result.csv'))).toBe(true);
  });

  it('are kept when they may belong to a live run: its process runs, or it wrote within the hour (another container, another computer)', () => {
    const dir = tempDir();
    const live = join(dir, `.result.csv.partial-${process.ppid}`);
    writeFileSync(live, PERSONAL);
    age(live);
    const recent = join(dir, `.result.csv.partial-${deadPid()}`);
    writeFileSync(recent, PERSONAL);
    expect(removeOrphanPartials(join(dir, 'result.csv'))).toEqual([]);
    expect([existsSync(live), existsSync(recent)]).toEqual([true, true]);
  });

  it('are only plain files named exactly as the tool names them: no folder, link, other output or odd id is touched', () => {
    const dir = tempDir();
    const pid = deadPid();
    const folder = join(dir, `.result.csv.partial-${pid}`);
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep'), 'x');
    const target = join(dir, 'target.txt');
    writeFileSync(target, 'x');
    const link = join(dir, `.result.csv.partial-${deadPid()}`);
    symlinkSync(target, link);
    const odd = [`.result.csv.partial-0`, `.result.csv.partial-0${pid}`, `.other.csv.partial-${pid}`, `result.csv.partial-${pid}`].map((n) => join(dir, n));
    for (const f of odd) writeFileSync(f, PERSONAL);
    for (const f of [folder, target, ...odd]) age(f);
    expect(removeOrphanPartials(join(dir, 'result.csv'))).toEqual([]);
    for (const f of [join(folder, 'keep'), target, link, ...odd]) expect(existsSync(f)).toBe(true);
  });
});

describe('spooled copies of standard input left by a killed run', () => {
  const spoolIn = (tmp: string, pid: number, contents: Record<string, string>) => {
    const dir = join(tmp, `${spoolPrefix(pid)}Ab12Cd`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(contents)) {
      writeFileSync(join(dir, name), text);
      age(join(dir, name));
    }
    return age(dir);
  };

  it('are removed from the temporary folder by the next run that reads standard input, which says so', async () => {
    const dir = tempDir();
    const spool = spoolIn(tmpdir(), deadPid(), { 'stdin.csv': PERSONAL });
    const r = await runBatchCli(['-', '--as-of', '2025-06-01'], { cwd: dir, stdin: '户编号,户籍性质\nH1,农村\n' });
    expect(r.code).toBe(0);
    expect(existsSync(spool)).toBe(false);
    expect(r.stderr).toContain(spool);
  });

  it('are left alone when recent, when their process runs, or when the folder holds more than the copy', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lc-orphans-'));
    const live = spoolIn(tmp, process.ppid, { 'stdin.csv': PERSONAL });
    const other = join(tmp, `${spoolPrefix(deadPid())}Zz99Yy`);
    mkdirSync(other);
    writeFileSync(join(other, 'stdin.csv'), PERSONAL);
    const more = join(tmp, `${spoolPrefix(deadPid())}Qq11Ww`);
    mkdirSync(more);
    for (const name of ['stdin.csv', 'mine.txt']) writeFileSync(join(more, name), PERSONAL);
    for (const f of ['stdin.csv', 'mine.txt']) age(join(more, f));
    age(more);
    const removed = removeOrphanSpools(tmp);
    expect(removed).toEqual([]);
    for (const f of [live, other, join(more, 'stdin.csv'), join(more, 'mine.txt')]) expect(existsSync(f)).toBe(true);
  });
});
