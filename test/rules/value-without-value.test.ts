import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lintRules } from '../../src/rules/lint.js';

// Found by the lint property test: `value` written with nothing after it had no place.
it('places a comparison whose value is left out at its key', () => {
  const good = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'good.yaml'), 'utf8');
  const text = good.replace('{ fact: age, op: gte, value: 65 }', '{ fact: age, op: gte, value }');
  expect(text).not.toBe(good);
  const file = join(mkdtempSync(join(tmpdir(), 'lc-value-')), 'elderly.yaml');
  writeFileSync(file, text);
  const issue = lintRules(file).issues.find((i) => i.code === 'BAD_VALUE');
  const line = text.split('\n').findIndex((l) => l.includes('value }')) + 1;
  expect(issue).toMatchObject({ file, line, column: text.split('\n')[line - 1].indexOf('value }') + 1 });
});
