/**
 * Warnings of rows that are checked all the same (a 15-digit ID number, a
 * township merged away): no output column holds them, so a run names them
 * on standard error, and JSON lines carry them on the row.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WarningTally } from '../../src/household/warning-tally.js';
import { idFor, tempDir } from './helpers.js';

const AS_OF = ['--as-of', '2025-06-01'];
const BIN = resolve(process.env.LONGCHANG_BIN ?? 'bin/longchang-check.js');
const BUILT = existsSync(resolve('dist/src/household/parallel/worker.js'));

/** 30,000 people, three to a household; a quoted line break early on makes worker threads' first guess at later row numbers wrong. */
function roster(): string {
  const lines = ['户编号,姓名,身份证号,镇街,备注'];
  for (let i = 0; i < 30_000; i++) {
    const id = i % 5000 === 7 ? `511028600101${String(i % 1000).padStart(3, '0')}` : idFor('1960-01-01', 'male', String(i % 100).padStart(2, '0'));
    const town = i % 9000 === 4 ? '山川镇' : '金鹅街道';
    lines.push(`H${Math.floor(i / 3)},人${i},${id},${town},${i === 1 ? '"两行\r\n备注"' : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('warnings of rows checked all the same', () => {
  it.skipIf(!BUILT)('are counted and named by row on standard error, the same on one thread and on workers, sorted or not (needs npm run build)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), roster());
    const runs = [['--jobs', '0'], ['--jobs', '2'], ['--sorted', '--jobs', '0'], ['--sorted', '--jobs', '2']].map((args) =>
      spawnSync(process.execPath, [BIN, 'batch', 'roster.csv', ...args, ...AS_OF, '--out', 'out.csv'], { cwd: dir, encoding: 'utf8' }),
    );
    for (const run of runs) {
      expect(run.status).toBe(0);
      // Rows 2, 3 … with the quoted line break in row 3 counted once: person i is row i + 2.
      expect(run.stderr).toContain('提醒：6 行15位旧身份证号（照常核查）：第 9、5009、10009、15009、20009 行等；已按19XX年读取出生日期，请核对');
      expect(run.stderr).toContain('提醒：4 行镇街名称已撤并（山川镇）（照常核查）：第 6、9006、18006、27006 行；请填写现在的镇（街道）');
      // In the order of their first rows, whichever thread finished first.
      expect(run.stderr.indexOf('镇街名称已撤并')).toBeLessThan(run.stderr.indexOf('15位旧身份证号'));
    }
  });

  it('ride along on the row in JSON lines', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.csv'), `户编号,身份证号,镇街\r\nH1,511028600101001,山川镇\r\nH1,${idFor('1960-01-01', 'male')},金鹅街道\r\n`);
    const run = spawnSync(process.execPath, [BIN, 'batch', 'roster.csv', '--format', 'jsonl', ...AS_OF], { cwd: dir, encoding: 'utf8' });
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { warnings?: string[] });
    expect(lines.map((l) => l.warnings)).toEqual([['15位旧身份证号：已按19XX年读取出生日期，请核对', '镇街名称已撤并：山川镇 已于2019—2020年撤并，请填写现在的镇（街道）'], undefined]);
    expect(run.stderr).toContain('提醒：1 行15位旧身份证号（照常核查）：第 2 行；');
  });
});

describe('a tally of warnings', () => {
  it('keeps the count and the lowest row numbers, whatever order rows and merges come in', () => {
    const tally = new WarningTally();
    for (const row of [50, 7, 30, 9, 11, 8, 60]) tally.add('LEGACY_ID', row);
    tally.merge({ LEGACY_ID: { count: 2, rows: [1, 100] }, OLD_TOWNSHIP: { count: 1, rows: [3] } }, 1);
    expect(tally.take()).toEqual({ LEGACY_ID: { count: 9, rows: [2, 7, 8, 9, 11] }, OLD_TOWNSHIP: { count: 1, rows: [4] } });
    expect(tally.take()).toEqual({});
  });

  it('names the merged townships met, sorted, whatever order rows and merges come in', () => {
    const one = new WarningTally();
    one.add('OLD_TOWNSHIP', 9, '渔箭镇');
    one.add('OLD_TOWNSHIP', 3, '山川镇');
    const two = new WarningTally();
    two.add('OLD_TOWNSHIP', 20, '山川镇');
    two.merge(one.take());
    expect(two.take()).toEqual({ OLD_TOWNSHIP: { count: 3, rows: [3, 9, 20], values: ['山川镇', '渔箭镇'] } });
  });
});
