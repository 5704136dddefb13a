/**
 * The built-in catalogue precompiled at build time (dist/catalogue.json), so
 * a one-person check need not parse and validate 150 KB of YAML at every
 * start. The YAML stays the source: the file records a fingerprint of the
 * rule files and of the tables they are checked against, and is used only
 * while that fingerprint still matches. This module must not import the rule
 * loader (and so zod): that is the point of it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILTIN_RULES_DIR, PACKAGE_ROOT } from './paths.js';
import { FIELDS } from './profile/fields.js';
import { OPERATOR_NAMES } from './rules/operators.js';
import type { Catalogue } from './rules/types.js';

export const PRECOMPILED_CATALOGUE_FILE = join(PACKAGE_ROOT, 'dist', 'catalogue.json');

/** Bumped whenever the file's shape or the loader's output changes meaning. */
const FORMAT = 1;

interface PrecompiledFile {
  format: number;
  fingerprint: string;
  catalogue: Catalogue;
}

/**
 * A fingerprint of everything a loaded catalogue depends on: the YAML files
 * of the rule folder (names and bytes), the profile field table and the
 * operator names.
 */
export function rulesFingerprint(dir: string = BUILTIN_RULES_DIR): string {
  const hash = createHash('sha256');
  hash.update(`format ${FORMAT}\n`);
  for (const name of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(join(dir, name)));
  }
  hash.update(JSON.stringify(FIELDS));
  hash.update(JSON.stringify(OPERATOR_NAMES));
  return hash.digest('hex');
}

/** The file's text for a catalogue loaded from `dir`; item files are stored relative to it. */
export function precompiledText(catalogue: Catalogue, dir: string = BUILTIN_RULES_DIR): string {
  const prefix = join(dir, '/');
  const items = catalogue.items.map((item) => ({ ...item, file: item.file.startsWith(prefix) ? item.file.slice(prefix.length) : item.file }));
  const file: PrecompiledFile = { format: FORMAT, fingerprint: rulesFingerprint(dir), catalogue: { ...catalogue, items } };
  return JSON.stringify(file);
}

/**
 * The precompiled built-in catalogue, or undefined when the file is absent,
 * unreadable or no longer matches the rule files (then read the YAML).
 */
export function readPrecompiledCatalogue(file: string = PRECOMPILED_CATALOGUE_FILE, dir: string = BUILTIN_RULES_DIR): Catalogue | undefined {
  let data: PrecompiledFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledFile;
  } catch {
    return undefined;
  }
  if (data?.format !== FORMAT || data.fingerprint !== rulesFingerprint(dir)) return undefined;
  const { catalogue } = data;
  for (const item of catalogue.items) item.file = join(dir, item.file);
  return catalogue;
}
