/**
 * What a run killed outright left behind (its partial output, its spooled
 * copy of standard input: names and ID numbers) is removed by the next run,
 * which says so; a live run's files are left alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRunning, spoolPrefix } from '../../src/cli/stale-files.js';
import { idFor, tempDir, writeCsv } from './helpers.js';
import { runBatchCli } from './run.js';

/** The id of a process that has ended. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '0']).pid;
  expect(isRunning(pid)).toBe(false);
  return pid;
}

const roster = (dir: string) => writeCsv(dir, 'roster.csv', [['户编号', '身份证号'], ['H1', idFor('1960-06-01', 'male')]]);

describe('files left by a killed run', () => {
  it('removes a dead run’s partial output of the same --out, keeps a live one’s and other files', async () => {
    const dir = tempDir();
    roster(dir);
    const dead = join(dir, `.result.csv.partial-${deadPid()}`);
    const live = join(dir, `.result.csv.partial-${process.ppid}`);
    const other = join(dir, `.other.csv.partial-${deadPid()}`);
    for (const f of [dead, live, other]) writeFileSync(f, '511028196006010011,张三\n');
    const r = await runBatchCli(['roster.csv', '--as-of', '2025-06-01', '--out', 'result.csv'], { cwd: dir });
    expect(r.code).toBe(0);
    expect([existsSync(dead), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
    expect(r.stderr).toContain(`已删除此前被强行终止的运行留下的文件（含个人信息）：${dead}`);
    expect(existsSync(join(dir, 'result.csv'))).toBe(true);
  });

  it('removes a dead run’s spooled copy of standard input from the temporary folder', async () => {
    const dir = tempDir();
    roster(dir);
    const spool = join(tmpdir(), `${spoolPrefix(deadPid())}Ab12Cd`);
    mkdirSync(spool);
    writeFileSync(join(spool, 'stdin.csv'), '户编号,身份证号\nH1,511028196006010011\n');
    const r = await runBatchCli(['roster.csv', '--as-of', '2025-06-01'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(spool)).toBe(false);
    expect(r.stderr).toContain(spool);
  });

  it('says nothing of an --out that nothing was left for', async () => {
    const dir = tempDir();
    roster(dir);
    const r = await runBatchCli(['roster.csv', '--as-of', '2025-06-01', '--out', 'result.csv'], { cwd: dir });
    expect(r.stderr).not.toContain('.result.csv.partial');
  });
});
