/**
 * Files a batch run leaves when it is killed outright (SIGKILL, a power
 * cut): the partial output `.FILE.partial-PID` and the spooled copy of a
 * roster read from standard input, `longchang-batch-PID-…/stdin.csv` in the
 * temporary folder. Both hold names and ID numbers, so the next run removes
 * them, but only what is surely an orphan of this user's:
 * - owned by this user, a plain file (a spool: a real folder holding only
 *   stdin.csv), never followed through a link, nothing removed recursively
 *   (the temporary folder is everyone's);
 * - its process is not running here, and it has not changed for an hour:
 *   a process id says nothing of a run in another container or on another
 *   computer sharing the folder, and such a run writes its partial file or
 *   reads its copy within the hour.
 */
import { lstatSync, readdirSync, rmdirSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** How long a file must have been left alone before it is taken as orphaned. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

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

const lstat = (path: string): Stats | undefined => {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
};

/** Owned by this user and left alone for the orphan age. */
function ownOld(stats: Stats, now: number): boolean {
  const uid = process.getuid?.();
  return (uid === undefined || stats.uid === uid) && now - stats.mtimeMs >= ORPHAN_AGE_MS;
}

/** The names in `dir` matching `pattern` (its group 1 a process id) whose process is not running. */
function namesOfDeadRuns(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => {
    const pid = pattern.exec(name)?.[1];
    return pid !== undefined && Number(pid) !== process.pid && !isRunning(Number(pid));
  });
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A process id as the tool writes it. */
const PID = '([1-9][0-9]{0,9})';

/** Partial outputs of `out` (`.out.partial-PID`) left by runs that were killed; returns the paths removed. */
export function removeOrphanPartials(out: string, now = Date.now()): string[] {
  const dir = dirname(out);
  const removed: string[] = [];
  for (const name of namesOfDeadRuns(dir, new RegExp(`^\\.${escaped(basename(out))}\\.partial-${PID}$`))) {
    const path = join(dir, name);
    const stats = lstat(path);
    if (!stats?.isFile() || !ownOld(stats, now)) continue;
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
  return removed;
}

/** The spool folders' prefix in the temporary folder, with this process's id. */
export const spoolPrefix = (pid = process.pid) => `longchang-batch-${pid}-`;
/** The one file a spool folder holds. */
export const SPOOL_FILE = 'stdin.csv';

/** Spooled copies of standard input left in `tmp` by runs that were killed; returns the folders removed. */
export function removeOrphanSpools(tmp: string, now = Date.now()): string[] {
  const removed: string[] = [];
  for (const name of namesOfDeadRuns(tmp, new RegExp(`^longchang-batch-${PID}-[A-Za-z0-9]{6}$`))) {
    const dir = join(tmp, name);
    const stats = lstat(dir);
    if (!stats?.isDirectory() || !ownOld(stats, now)) continue;
    // A folder holding anything but the copy is not one this tool left: it is left whole.
    let inside: string[];
    try {
      inside = readdirSync(dir);
    } catch {
      continue;
    }
    if (inside.some((name) => name !== SPOOL_FILE)) continue;
    const file = join(dir, SPOOL_FILE);
    const fileStats = lstat(file);
    if (fileStats && (!fileStats.isFile() || !ownOld(fileStats, now))) continue;
    try {
      if (fileStats) unlinkSync(file);
      rmdirSync(dir); // not recursive
      removed.push(dir);
    } catch {
      // Gone already, or not ours to remove: left as it is.
    }
  }
  return removed;
}
