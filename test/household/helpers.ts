/** Rosters for tests: valid ID numbers, CSV files in a temp folder, a checker that records what it saw. */
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { BatchChecker } from '../../src/household/batch-checker.js';
import { knownFacts } from '../../src/household/profile-shape.js';
import type { Profile } from '../../src/profile/normalise.js';
import { idCheckChar } from '../../src/profile/id-number.js';

/** A valid 18-character ID number: region 511028, the birth date, an odd (male) or even sequence digit. */
export function idFor(birth: string, sex: 'male' | 'female', serial = '01'): string {
  const body = `511028${birth.replace(/-/g, '')}${serial}${sex === 'male' ? '1' : '2'}`;
  return body + idCheckChar(body);
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed when the test file is done. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'longchang-batch-test-'));
  made.push(dir);
  return dir;
}

const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV text with CRLF line ends, as Excel writes it. */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function writeCsv(dir: string, name: string, rows: readonly (readonly string[])[], encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' = 'utf-8'): string {
  const path = join(dir, name);
  const text = csvText(rows);
  if (encoding === 'gb18030') writeFileSync(path, iconv.encode(text, 'gb18030'));
  else writeFileSync(path, (encoding === 'utf-8-bom' ? '\uFEFF' : '') + text);
  return path;
}

/** A checker with two items that remembers every profile it was asked about, by name. */
export function recordingChecker(): BatchChecker & { seen: Map<string, Profile> } {
  const seen = new Map<string, Profile>();
  return {
    seen,
    items: [
      { id: 'dibao-household', name: '低保家庭', domain: 'assistance' },
      { id: 'left-behind', name: '留守', domain: 'childcare' },
    ],
    statuses(profile, out) {
      seen.set(String(profile.name), knownFacts(profile));
      const assistance = profile.household_assistance as string[] | undefined;
      out[0] = assistance === undefined ? 1 : assistance.includes('dibao') ? 2 : 0;
      out[1] = profile.left_behind === undefined ? 1 : profile.left_behind === 'none' ? 0 : 2;
    },
    results: (profile) => [
      new TextEncoder().encode(JSON.stringify({ id: 'dibao-household', status: profile.household_assistance === undefined ? 'undetermined' : 'eligible' })),
    ],
  };
}

/** Parses CSV output text (BOM dropped) into rows of cells, with papaparse. */
export function parseCsvOutput(text: string): string[][] {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter: ',', newline: '\r\n' }).data;
  return rows.length > 0 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '' ? rows.slice(0, -1) : rows;
}
