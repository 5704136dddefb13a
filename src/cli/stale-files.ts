/**
 * Files a batch run leaves when it is killed outright (SIGKILL, a power
 * cut): the partial output `.FILE.partial-PID` and the spooled copy of a
 * roster read from standard input, `longchang-batch-PID-…` in the
 * temporary folder. Both hold names and ID numbers. The next run removes
 * those whose process is gone; a live process's are left alone.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process is running (one of another user's counts: it cannot be signalled, but it is there). */
export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The names in `dir` matching `pattern` (its group 1 a PID) whose process is gone, removed; returns the paths removed. */
function removeOrphans(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    } catch {
      // Not ours to remove (another user's, read-only): left as it is.
    }
  }
  return removed;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Partial outputs of `out` (`.out.partial-PID`) left by runs that were killed. */
export function removeOrphanPartials(out: string): string[] {
  return removeOrphans(dirname(out), new RegExp(`^\\.${escaped(basename(out))}\\.partial-(\\d+)$`));
}

/** The spool folders' prefix in the temporary folder, with this process's id. */
export const spoolPrefix = (pid = process.pid) => `longchang-batch-${pid}-`;

/** Spooled copies of standard input left in `tmp` by runs that were killed. */
export function removeOrphanSpools(tmp: string): string[] {
  return removeOrphans(tmp, /^longchang-batch-(\d+)-[A-Za-z0-9]+$/);
}
