/** The answer lists copied from per-segment bytes are the lists joined as strings, for any item count and status vector. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerLists } from '../../src/format/answer-lists.js';
import { ByteBuffer } from '../../src/format/byte-buffer.js';

const words = ['不符合', '待核实', '符合'];
// Chinese and ASCII ids, so the bytes are multi-byte in places.
const idsOf = (n: number) => Array.from({ length: n }, (_, i) => (i % 5 === 0 ? `项目-${i}` : `item-${i}`));

/** The CSV text the string way: filter, join, concatenate. */
function expectedCsv(ids: readonly string[], statuses: Uint8Array, wide: boolean): string {
  const eligible = ids.filter((_, i) => statuses[i] === 2).join(';');
  const undetermined = ids.filter((_, i) => statuses[i] === 1).join(';');
  return `,${eligible},${undetermined},${wide ? [...statuses].map((s) => `,${words[s]}`).join('') : ''}`;
}

/** What writeCsv writes for one row. */
function csvOf(answers: AnswerLists, statuses: Uint8Array): Uint8Array {
  const into = new ByteBuffer(64);
  answers.writeCsv(statuses, into);
  return into.take();
}

describe('answer lists from byte pieces', () => {
  it('equal the string version for any item count (whole and part segments) and statuses', () => {
    const rows = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.uint8Array({ min: 0, max: 2, minLength: n, maxLength: n }), { minLength: 1, maxLength: 20 })));
    fc.assert(
      fc.property(rows, fc.boolean(), ([n, vectors], wide) => {
        const ids = idsOf(n);
        const answers = new AnswerLists(ids, words, wide);
        const buffer = new ByteBuffer(16);
        let expected = '';
        for (const statuses of vectors) {
          // Rows one after another in one buffer, as the batch writes them.
          buffer.text('|');
          answers.writeCsv(statuses, buffer);
          expected += `|${expectedCsv(ids, statuses, wide)}`;
          expect(new TextDecoder().decode(csvOf(answers, statuses))).toBe(expectedCsv(ids, statuses, wide));
          expect(answers.lists(statuses)).toEqual([ids.filter((_, i) => statuses[i] === 2).join(';'), ids.filter((_, i) => statuses[i] === 1).join(';')]);
        }
        expect(new TextDecoder().decode(buffer.take())).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('write empty lists as empty cells', () => {
    const ids = idsOf(17);
    const answers = new AnswerLists(ids, words);
    expect(new TextDecoder().decode(csvOf(answers, new Uint8Array(17)))).toBe(',,,');
    expect(new TextDecoder().decode(csvOf(answers, new Uint8Array(17).fill(2)))).toBe(`,${ids.join(';')},,`);
  });
});
