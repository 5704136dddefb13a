/** Where the package's own files are, whether running from src/ (tests) or dist/src/ (built). */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('longchang-check: cannot find the package folder (data/ missing)');
}

export const PACKAGE_ROOT = findRoot();
export const BUILTIN_RULES_DIR = join(PACKAGE_ROOT, 'data');
export const PLAN_TEXT_FILE = join(PACKAGE_ROOT, 'data', 'source', 'plan.txt');
