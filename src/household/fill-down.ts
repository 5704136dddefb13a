/**
 * Household ids filled down (--fill-household-ids): a row whose id cell is
 * blank takes the id of the row above, as a roster with merged 户编号 cells
 * means it (Excel keeps a merged cell's value in its first row only, and
 * exports the others blank). Blank rows neither take an id nor end one;
 * footers, titles and the header again take none and end the one above.
 * It is the user's word that the blanks are merged cells: without it a
 * blank id is a household of which nothing else is known.
 */
import { householdIdOf, noPersonTest, type RowBatch, type RowSource } from './rows.js';

export function fillHouseholdIds(source: RowSource, column: number): RowSource {
  let above: string | undefined;
  const noPerson = noPersonTest(source.header);
  async function* batches(): AsyncGenerator<RowBatch> {
    for await (const batch of source.batches) {
      for (const cells of batch.rows) {
        const nobody = noPerson(cells);
        if (nobody !== undefined) {
          // A merged cell spans no footer, title or header: they end the id above; a blank row does not.
          if (nobody !== 'EMPTY_ROW') above = undefined;
          continue;
        }
        const id = householdIdOf(cells, column);
        if (id !== '') above = id;
        else if (above !== undefined) {
          while (cells.length <= column) cells.push('');
          cells[column] = above;
        }
      }
      yield batch;
    }
  }
  return { ...source, batches: batches(), progress: () => source.progress(), close: () => source.close() };
}
