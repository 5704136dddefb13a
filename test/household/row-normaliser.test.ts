/**
 * The batch's fast row normaliser must answer exactly as the profile
 * reader's normaliseRecord does, for any row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planColumns } from '../../src/household/columns.js';
import { knownFacts } from '../../src/household/profile-shape.js';
import { compileRowNormaliser } from '../../src/household/row-normaliser.js';
import { FIELDS, type FieldDef } from '../../src/profile/fields.js';
import { normaliseRecord } from '../../src/profile/normalise.js';
import { idFor } from './helpers.js';

const AS_OF = '2025-06-01';

function cellFor(field: FieldDef): fc.Arbitrary<string> {
  const noise = fc.constantFrom('', ' ', '？', 'x', '2023-02-30', '-1', '是否', '/', ' — ', '--');
  const spellings = (field.values ?? []).flatMap((v) => [v.value, v.zh, ...(v.aliases ?? [])]);
  switch (field.type) {
    case 'boolean':
      return fc.oneof(fc.constantFrom('是', '否', 'true', 'no', '1', '0', ' 是 '), noise);
    case 'enum':
      return fc.oneof(fc.constantFrom(...spellings), noise);
    case 'set':
      return fc.oneof(
        fc.subarray(spellings, { maxLength: 3 }).chain((xs) => fc.constantFrom(';', '、', '，').map((sep) => xs.join(sep))),
        fc.constant('无'),
        noise,
      );
    case 'date':
      return fc.oneof(fc.constantFrom('1990-01-01', '2000/2/29', '2001-02-29', '1960年5月3日', '20100615', '2030-01-01'), noise);
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -2, max: 120 }).map(String), fc.constantFrom('三级', '2.5', '35岁'), noise);
    default:
      if (field.key === 'id_number') {
        return fc.oneof(
          fc.constantFrom(idFor('1990-01-01', 'male'), idFor('2019-02-28', 'female'), idFor('1960-11-29', 'male', '77'), '51102819900101001X', '511028900101001', '12345'),
          fc.constantFrom(` ${idFor('1990-01-01', 'female')} `, '11010519491231002x', '11010519491231002X', idFor('2030-01-01', 'male'), idFor('2000-02-29', 'male')),
          fc.constantFrom(idFor('1990-01-01', 'male').slice(0, 17) + '0', '51102820010229001X', '510000199001010012'),
          noise,
        );
      }
      if (field.key === 'township') return fc.constantFrom('金鹅街道', '山川镇', ' 古湖街道 ', '');
      return fc.oneof(fc.string({ maxLength: 6 }), noise);
  }
}

const row = fc
  .subarray([...FIELDS], { minLength: 1, maxLength: 14 })
  .chain((fields) =>
    fc.tuple(
      fc.constant(fields),
      fc.tuple(...fields.map((f) => fc.constantFrom(f.key, f.zh))),
      fc.tuple(...fields.map(cellFor)),
    ),
  );

describe('the fast row normaliser', () => {
  it('gives the same profile, warnings and problems as normaliseRecord', () => {
    fc.assert(
      fc.property(row, ([, header, cells]) => {
        const plan = planColumns(header);
        const fast = compileRowNormaliser(plan, { asOf: AS_OF })(cells, 7);
        const record = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
        const slow = normaliseRecord(record, { asOf: AS_OF, unknownKeys: 'ignore' });
        expect(fast.ok).toBe(slow.ok);
        if (fast.ok && slow.ok) {
          expect(knownFacts(fast.profile)).toEqual(slow.profile);
          expect(fast.warnings.map((w) => w.message)).toEqual(slow.warnings.map((w) => w.message));
        } else if (!fast.ok && !slow.ok) {
          expect(fast.issues.map((i) => [i.code, i.field, i.message])).toEqual(slow.issues.map((i) => [i.code, i.field, i.message]));
          expect(fast.issues.every((i) => i.line === 7)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('answers the same for a run of rows read by one normaliser, remembered values, short rows and pass-1 keys included', () => {
    const rows = fc
      .subarray([...FIELDS], { minLength: 1, maxLength: 10 })
      .chain((fields) =>
        fc.tuple(
          fc.tuple(...fields.map((f) => fc.constantFrom(f.key, f.zh))),
          fc.array(fc.tuple(...fields.map(cellFor)).chain((cells) => fc.nat(cells.length).map((n) => cells.slice(0, n))), { minLength: 1, maxLength: 30 }),
          fc.option(fc.subarray(fields.map((f) => f.key)), { nil: undefined }),
        ),
      );
    fc.assert(
      fc.property(rows, ([header, cellRows, keys]) => {
        const plan = planColumns(header);
        const fast = compileRowNormaliser(plan, { asOf: AS_OF, keys });
        const read = header.filter((h) => keys === undefined || keys.includes(plan.keys[header.indexOf(h)]!));
        cellRows.forEach((cells, i) => {
          const got = fast(cells, i + 2);
          const record = Object.fromEntries(read.map((h) => [h, cells[header.indexOf(h)]]));
          const want = normaliseRecord(record, { asOf: AS_OF, unknownKeys: 'ignore' });
          expect(got.ok).toBe(want.ok);
          if (got.ok && want.ok) expect(knownFacts(got.profile)).toEqual(want.profile);
          else if (!got.ok && !want.ok) expect(got.issues.map((x) => [x.code, x.field, x.message, x.line])).toEqual(want.issues.map((x) => [x.code, x.field, x.message, i + 2]));
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the same cell the same way on every row (remembered values are not shared mutably)', () => {
    const plan = planColumns(['救助身份', '姓名']);
    const normalise = compileRowNormaliser(plan, { asOf: AS_OF });
    const first = normalise(['低保、低收入家庭', '甲'], 2);
    const second = normalise(['低保、低收入家庭', '乙'], 3);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) {
      expect(first.profile.assistance).toEqual(['dibao', 'low_income']);
      expect(() => (second.profile.assistance as string[]).push('x')).toThrow();
    }
  });
});

describe('ages on the check date', () => {
  it('count completed years exactly as completedYears does, 29 February included', async () => {
    const { ageCounter } = await import('../../src/household/row-normaliser.js');
    const { completedYears, formatYmd } = await import('../../src/profile/dates.js');
    const day = fc.record({ y: fc.integer({ min: 1900, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
    const date = fc.oneof(day.map(formatYmd), fc.constantFrom('2000-02-29', '2004-02-29', '1960-11-29', '2025-03-01', '2025-02-28'));
    fc.assert(
      fc.property(date, date, (birth, asOf) => {
        expect(ageCounter(asOf)(birth)).toBe(completedYears(birth, asOf));
      }),
    );
  });
});
