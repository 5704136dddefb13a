/**
 * The eligible and undetermined lists of a row's answers (item ids joined by
 * ;), fast. The items are taken eight at a time: eight answers make a code
 * below 3^8, and each eight's id lists are built once per code. A row's
 * codes also key a small cache of the row's finished CSV bytes, since rows
 * share answer patterns.
 */
import { utf8 } from './byte-buffer.js';

const SEGMENT = 8;
const CODES = 3 ** SEGMENT;
/** Whole rows' CSV text remembered (about 1 KB each). */
const ROW_CACHE_LIMIT = 4096;

interface Piece {
  eligible: string;
  undetermined: string;
  wide: string;
}

export class AnswerLists {
  private readonly segments: number;
  private readonly pieces: (Piece | undefined)[][];
  private readonly codes: number[];
  private readonly rows = new Map<string, Uint8Array>();

  /** `words` are the --wide cell texts for ineligible, undetermined, eligible; `wide` adds them to csv(). */
  constructor(
    private readonly ids: readonly string[],
    private readonly words: readonly string[],
    private readonly wide = false,
  ) {
    this.segments = Math.ceil(ids.length / SEGMENT);
    this.pieces = Array.from({ length: this.segments }, () => new Array<Piece | undefined>(CODES));
    this.codes = new Array<number>(this.segments).fill(0);
  }

  private piece(k: number, code: number): Piece {
    let p = this.pieces[k][code];
    if (!p) {
      const eligible: string[] = [];
      const undetermined: string[] = [];
      let wide = '';
      for (let j = 0, c = code; j < SEGMENT && k * SEGMENT + j < this.ids.length; j++, c = Math.floor(c / 3)) {
        const status = c % 3;
        if (status === 2) eligible.push(this.ids[k * SEGMENT + j]);
        else if (status === 1) undetermined.push(this.ids[k * SEGMENT + j]);
        wide += `,${this.words[status]}`;
      }
      p = { eligible: eligible.join(';'), undetermined: undetermined.join(';'), wide };
      this.pieces[k][code] = p;
    }
    return p;
  }

  private encode(statuses: Uint8Array): void {
    for (let k = 0; k < this.segments; k++) {
      let code = 0;
      const end = Math.min(statuses.length, (k + 1) * SEGMENT);
      for (let i = end - 1; i >= k * SEGMENT; i--) code = code * 3 + statuses[i];
      this.codes[k] = code;
    }
  }

  /** The eligible and undetermined lists. */
  lists(statuses: Uint8Array): [string, string] {
    this.encode(statuses);
    let eligible = '';
    let undetermined = '';
    for (let k = 0; k < this.segments; k++) {
      const p = this.piece(k, this.codes[k]);
      if (p.eligible !== '') eligible = eligible === '' ? p.eligible : `${eligible};${p.eligible}`;
      if (p.undetermined !== '') undetermined = undetermined === '' ? p.undetermined : `${undetermined};${p.undetermined}`;
    }
    return [eligible, undetermined];
  }

  /** `,eligible,undetermined,` and, when wide, the item columns, as UTF-8 CSV text. */
  csv(statuses: Uint8Array): Uint8Array {
    this.encode(statuses);
    const key = String.fromCharCode.apply(null, this.codes);
    let bytes = this.rows.get(key);
    if (bytes === undefined) {
      const [eligible, undetermined] = this.lists(statuses);
      let text = `,${eligible},${undetermined},`;
      if (this.wide) for (let k = 0; k < this.segments; k++) text += this.piece(k, this.codes[k]).wide;
      bytes = utf8(text);
      if (this.rows.size < ROW_CACHE_LIMIT) this.rows.set(key, bytes);
    }
    return bytes;
  }
}
