import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerLists } from '../../src/format/answer-lists.js';
import { ByteBuffer } from '../../src/format/byte-buffer.js';

const ids = Array.from({ length: 78 }, (_, i) => `item-${i}`);
const words = ['不符合', '待核实', '符合'];

/** What writeCsv writes for one row. */
function csvOf(answers: AnswerLists, statuses: Uint8Array): Uint8Array {
  const into = new ByteBuffer(64);
  answers.writeCsv(statuses, into);
  return into.take();
}

describe('answer lists', () => {
  it('list eligible and undetermined ids in item order, as joining them one by one would', () => {
    const narrow = new AnswerLists(ids, words);
    const wideLists = new AnswerLists(ids, words, true);
    fc.assert(
      fc.property(fc.uint8Array({ min: 0, max: 2, minLength: 78, maxLength: 78 }), fc.boolean(), (statuses, wide) => {
        const answers = wide ? wideLists : narrow;
        const eligible = ids.filter((_, i) => statuses[i] === 2).join(';');
        const undetermined = ids.filter((_, i) => statuses[i] === 1).join(';');
        expect(answers.lists(statuses)).toEqual([eligible, undetermined]);
        const csv = `,${eligible},${undetermined},${wide ? [...statuses].map((s) => `,${words[s]}`).join('') : ''}`;
        expect(new TextDecoder().decode(csvOf(answers, statuses))).toBe(csv);
      }),
      { numRuns: 500 },
    );
  });
});
