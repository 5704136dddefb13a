/** fast-check generators of profiles and check dates, for the engine's property tests. */
import fc from 'fast-check';
import { FIELDS, type FieldDef } from '../../src/profile/fields.js';

/** A value of the field's type; every fact may also be absent (unknown). */
function arbitraryValue(f: FieldDef): fc.Arbitrary<unknown> {
  const values = (f.values ?? []).map((v) => v.value);
  switch (f.type) {
    case 'boolean': return fc.boolean();
    case 'integer': return fc.integer({ min: f.min ?? 0, max: f.max ?? 120 });
    case 'number': return fc.double({ min: 0, max: 20000, noNaN: true });
    case 'enum': return fc.constantFrom(...values);
    case 'set': return fc.subarray(values);
    case 'date': return fc.date({ min: new Date('1920-01-01'), max: new Date('2025-06-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    case 'string': return fc.string();
  }
}

/** Profiles with any subset of the facts (the ID number left out: it would have to agree with the birth date). */
export const arbitraryProfile = fc.record(
  Object.fromEntries(FIELDS.filter((f) => f.key !== 'id_number').map((f) => [f.key, arbitraryValue(f)])),
  { requiredKeys: [] },
);

export const arbitraryDate = fc.date({ min: new Date('2021-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
