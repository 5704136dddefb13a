/**
 * The household ids a --sorted run has finished with, to notice one that
 * comes back (NOT_SORTED). Ids that are numbers (most rosters') are kept in
 * a NumberTable, 12 bytes a slot and at most half full; a Set of 330,000 id
 * strings took some 25 MB and most of a one-thread sorted run's rise above
 * 300 MB.
 */
import { NumberTable, idAsNumber } from './number-table.js';

export class HouseholdIdSet {
  private readonly numbers = new NumberTable(4096);
  private readonly texts = new Set<string>();

  has(id: string): boolean {
    const n = idAsNumber(id);
    return Number.isNaN(n) ? this.texts.has(id) : this.numbers.get(n) >= 0;
  }

  add(id: string): void {
    const n = idAsNumber(id);
    if (Number.isNaN(n)) this.texts.add(id);
    else this.numbers.set(n, 0);
  }
}
