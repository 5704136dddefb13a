/**
 * validate's checks, one broken fixture per issue code (test/fixtures/rules/
 * CODE.yaml: good.yaml with one mistake), each found at its line and column.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueCode, Severity } from '../../src/issues.js';
import { BUILTIN_RULES_DIR } from '../../src/paths.js';
import { lintRules } from '../../src/rules/lint.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'rules');
const fixture = (code: string) => join(FIXTURES, `${code}.yaml`);

interface Expected {
  code: IssueCode;
  line: number;
  column: number;
  severity?: Severity;
}

const CASES: Expected[] = [
  { code: 'YAML_SYNTAX', line: 12, column: 11 },
  { code: 'DUPLICATE_KEY', line: 12, column: 5 },
  { code: 'SCHEMA', line: 12, column: 5 },
  { code: 'UNKNOWN_FACT', line: 12, column: 19 },
  { code: 'UNKNOWN_OPERATOR', line: 12, column: 28 },
  { code: 'BAD_OPERATOR', line: 15, column: 33 },
  { code: 'BAD_VALUE', line: 15, column: 46 },
  { code: 'UNKNOWN_PARAM', line: 15, column: 62 },
  { code: 'DUPLICATE_ID', line: 25, column: 9 },
  { code: 'EMPTY_GROUP', line: 15, column: 16 },
  { code: 'UNSATISFIABLE', line: 15, column: 11 },
  { code: 'ALWAYS_TRUE', line: 13, column: 7 },
  { code: 'BAD_VALIDITY', line: 11, column: 12 },
  { code: 'BAD_DATE', line: 11, column: 36 },
  { code: 'MISSING_SOURCE', line: 7, column: 5 },
  { code: 'MISSING_TARGET', line: 9, column: 13 },
  { code: 'TARGET_NOT_IN_SEED', line: 9, column: 13 },
  { code: 'AMOUNT_SOURCE', line: 16, column: 34 },
  { code: 'COVERAGE', line: 7, column: 9, severity: 'warning' },
  { code: 'TOO_FEW_EXAMPLES', line: 13, column: 5 },
  { code: 'MISSING_EXAMPLE', line: 13, column: 5 },
  { code: 'BAD_EXAMPLE', line: 15, column: 29 },
];

describe('validate finds each mistake at its place', () => {
  it('passes the fixture every broken one is made from', () => {
    const report = lintRules(fixture('good'));
    expect(report.errorCount).toBe(0);
    expect(report.catalogue.items.map((i) => i.id)).toEqual(['elderly-health-management']);
  });

  it.each(CASES)('$code.yaml: $code at $line:$column', ({ code, line, column, severity = 'error' }) => {
    const file = fixture(code);
    const report = lintRules(file);
    const found = report.issues.filter((i) => i.code === code && i.line === line);
    expect(found, JSON.stringify(report.issues.filter((i) => i.code === code), null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ code, file, line, column, severity });
    expect(found[0].excerpt).toBeDefined();
    // One mistake per file: nothing else is an error.
    expect(report.issues.filter((i) => i.severity === 'error' && i.code !== code)).toEqual([]);
  });

  it('covers every fixture file with a case', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml') && f !== 'good.yaml');
    expect(files.map((f) => f.replace('.yaml', '')).sort()).toEqual(CASES.map((c) => c.code).sort());
  });

  it('reports every broken file of a folder in one run', () => {
    const report = lintRules(FIXTURES);
    for (const { code, line, column } of CASES) {
      expect(report.issues.some((i) => i.code === code && i.file === fixture(code) && i.line === line && i.column === column), code).toBe(true);
    }
  });

  it('reports several mistakes of one file in one run, even when one is a structure error', () => {
    const file = join(FIXTURES, 'several', 'elderly.yaml');
    const errors = lintRules(file).issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.code, i.line, i.column])).toEqual([
      ['UNKNOWN_FACT', 12, 19],
      ['BAD_OPERATOR', 30, 33],
      ['UNKNOWN_OPERATOR', 48, 28],
      ['BAD_EXAMPLE', 72, 29],
    ]);
    expect(errors.every((i) => i.file === file)).toBe(true);
  });

  it('gives hints: the nearest fact, operator and key', () => {
    const hint = (code: string) => lintRules(fixture(code)).issues.find((i) => i.code === code)?.hint;
    expect(hint('UNKNOWN_FACT')).toContain('age');
    expect(hint('UNKNOWN_OPERATOR')).toContain('gte');
    expect(hint('SCHEMA')).toContain('note');
    expect(hint('AMOUNT_SOURCE')).toContain('6');
  });
});

describe('validate on the built-in catalogue', () => {
  it('finds no errors and no warnings', () => {
    const report = lintRules(BUILTIN_RULES_DIR);
    expect(report.issues).toEqual([]);
    expect(report.catalogue.items).toHaveLength(78);
  });

  it('makes coverage gaps errors for the built-in catalogue, warnings elsewhere', () => {
    const unknownId = (builtin: boolean) => lintRules(fixture('COVERAGE'), { builtin }).issues.find((i) => i.code === 'COVERAGE' && i.line === 7);
    expect(unknownId(true)?.severity).toBe('error');
    expect(unknownId(false)?.severity).toBe('warning');
  });
});

describe('another folder', () => {
  it('warns, and skips the seed checks, when there is no source/plan.txt beside it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lc-rules-'));
    try {
      cpSync(fixture('TARGET_NOT_IN_SEED'), join(dir, 'elderly.yaml'));
      const report = lintRules(dir);
      expect(report.issues.map((i) => i.code)).toContain('NO_PLAN_TEXT');
      expect(report.issues.map((i) => i.code)).not.toContain('TARGET_NOT_IN_SEED');
      expect(report.errorCount).toBe(0);
      // A folder is compared with the whole catalogue: the other eight domains are missing.
      expect(report.issues.some((i) => i.code === 'COVERAGE' && i.message.includes('8 个领域'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** validate's report on a copy of the built-in rules, edited first. */
function lintEditedCopy(edit: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'lc-edited-'));
  try {
    cpSync(BUILTIN_RULES_DIR, dir, { recursive: true });
    edit(dir);
    return lintRules(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a broken parameters.yaml', () => {
  it('is reported once, in itself: the rules that read its parameters get no errors of their own', () => {
    const report = lintEditedCopy((dir) => {
      const file = join(dir, 'parameters.yaml');
      const text = readFileSync(file, 'utf8');
      const broken = text.replace('values: []        # - { from: 2025-01-01, value: 700, source: "……" }', 'values: [{ from: 2025-01-01, value: "700" }]');
      expect(broken).not.toBe(text);
      writeFileSync(file, broken);
    });
    expect(report.issues.map((i) => [i.code, i.file?.endsWith('parameters.yaml')])).toEqual([['SCHEMA', true]]);
  });
});

describe('a domain file that does not load', () => {
  it('is reported by its own errors, not also as a missing domain', () => {
    const report = lintEditedCopy((dir) => writeFileSync(join(dir, 'assistance.yaml'), 'domain: assistance\nname: [\n'));
    expect(report.issues.map((i) => i.code)).toEqual(['YAML_SYNTAX']);
  });
});

describe('a parameter no rule reads', () => {
  const addUnused = (dir: string) => {
    const file = join(dir, 'parameters.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('parameters:\n', 'parameters:\n  old_limit:\n    zh: 旧标准\n    unit: 元\n    values: []\n'));
  };

  it('is a warning at its name in parameters.yaml', () => {
    const report = lintEditedCopy(addUnused);
    expect(report.issues.map((i) => [i.code, i.severity, i.file?.endsWith('parameters.yaml'), i.line, i.column])).toEqual([['UNUSED_PARAM', 'warning', true, 4, 3]]);
    expect(report.issues[0].message).toContain('old_limit 没有规则引用');
  });

  it('is not reported while a rule file does not load (it may be the one that reads it)', () => {
    const report = lintEditedCopy((dir) => {
      addUnused(dir);
      writeFileSync(join(dir, 'assistance.yaml'), 'domain: assistance\nname: [\n');
    });
    expect(report.issues.map((i) => i.code)).toEqual(['YAML_SYNTAX']);
  });

  it('counts a parameter read only by an item the loader refused', () => {
    const report = lintEditedCopy((dir) => {
      const file = join(dir, 'housing.yaml');
      const text = readFileSync(file, 'utf8');
      // The item that reads public_rental_income_limit gets a mistake of its own.
      const broken = text.replace('id: public-rental-housing', 'id: public-rental-housing\n    bogus: 1');
      expect(broken).not.toBe(text);
      writeFileSync(file, broken);
    });
    expect(report.issues.map((i) => i.code)).not.toContain('UNUSED_PARAM');
    expect(report.errorCount).toBeGreaterThan(0);
  });
});

describe('a parameter without a value', () => {
  const withParam = (op: string) =>
    lintEditedCopy((dir) => {
      const params = join(dir, 'parameters.yaml');
      writeFileSync(params, readFileSync(params, 'utf8').replace('parameters:\n', 'parameters:\n  elderly_age:\n    zh: 老年年龄\n    unit: 周岁\n    values: []\n'));
      const file = join(dir, 'elderly.yaml');
      const text = readFileSync(file, 'utf8');
      const edited = text.replace('rule: { fact: age, op: gte, value: 65 }', `rule: { fact: age, op: ${op}, value: { param: elderly_age } }`);
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
    });

  it.each(['gte', 'lte'])('makes no rule comparing with it (%s) look impossible or always true', (op) => {
    const codes = withParam(op).issues.map((i) => i.code);
    expect(codes).not.toContain('UNSATISFIABLE');
    expect(codes).not.toContain('ALWAYS_TRUE');
  });
});

describe('the plan text', () => {
  it('in another encoding is one ENCODING error at the plan, not a flood over every rule file', () => {
    const report = lintEditedCopy((dir) => {
      const plan = join(dir, 'source', 'plan.txt');
      writeFileSync(plan, Buffer.from(readFileSync(plan, 'utf8').replace(/[^\x00-\x7f]/g, '') + '\xb2\xbb', 'latin1'));
    });
    expect(report.issues.map((i) => [i.code, i.file?.endsWith('plan.txt')])).toEqual([['ENCODING', true]]);
  });

  it('that is empty is one warning at the plan', () => {
    const report = lintEditedCopy((dir) => writeFileSync(join(dir, 'source', 'plan.txt'), '\n'));
    expect(report.issues.map((i) => [i.code, i.severity, i.file?.endsWith('plan.txt')])).toEqual([['NO_PLAN_TEXT', 'warning', true]]);
  });
});

describe("a rule file's own citation", () => {
  it.each([
    ['a line that is not its table caption', 'line: 444 }', 'line: 445 }', 'line', '把 line 改为 444'],
    ['the caption of another table', 'table: 表7—1, chapter: 第七章 老有所养, line: 444 }', 'table: 表8—1, chapter: 第七章 老有所养, line: 444 }', 'table', '把 table 改为 表7—1'],
    ['another chapter', 'chapter: 第七章 老有所养, line: 444 }', 'chapter: 第八章 住有所居, line: 444 }', 'chapter', '把 chapter 改为 第七章 老有所养'],
  ])('warns at its source for %s', (_name, from, to, key, hint) => {
    const report = lintEditedCopy((dir) => {
      const file = join(dir, 'elderly.yaml');
      const lines = readFileSync(file, 'utf8').split('\n');
      expect(lines[3]).toContain(from);
      lines[3] = lines[3].replace(from, to);
      writeFileSync(file, lines.join('\n'));
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ code: 'MISSING_SOURCE', severity: 'warning', line: 4, path: ['source', key] });
    expect(report.issues[0].hint).toContain(hint);
  });
});
