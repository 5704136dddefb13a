/**
 * Whatever a maintainer types, validate answers with coded issues at places
 * in the file, never with an exception.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/issues.js';
import { lintRules } from '../../src/rules/lint.js';

const good = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'good.yaml'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'lc-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An edit: replace a slice of the good file by a few characters typical of YAML mistakes. */
const edit = fc.tuple(fc.nat(good.length), fc.nat(12), fc.stringMatching(/^[ :{}[\],\-a-z0-9"'\n#&*!|>]{0,6}$/));

it('answers every edited rule file with coded, placed issues', () => {
  fc.assert(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      let text = good;
      for (const [at, len, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + len);
      const file = join(dir, 'elderly.yaml');
      writeFileSync(file, text);
      const report = lintRules(file, { planFile: join(import.meta.dirname, '..', 'fixtures', 'rules', 'source', 'plan.txt') });
      for (const issue of report.issues) {
        expect(ISSUE_CODES).toContain(issue.code);
        if (issue.file === file) expect(issue.line).toBeGreaterThan(0);
      }
    }),
    { numRuns: 150 },
  );
}, 30_000);
