/**
 * The eligible and undetermined lists of a row's answers (item ids joined by
 * ;), fast. The items are taken eight at a time: eight answers make a code
 * below 3^8, and each eight's id lists are built once per code, as text and
 * as UTF-8 bytes. A row's CSV bytes are then a copy of each eight's bytes.
 *
 * An earlier cache of whole rows' bytes (keyed by all the codes) measured
 * no faster than copying the pieces, and slower with --wide or a bigger
 * cache: its ~1 KB rows fall out of the CPU caches; the pieces stay in them.
 */
import { type ByteBuffer, utf8 } from './byte-buffer.js';

const SEGMENT = 8;
const CODES = 3 ** SEGMENT;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;

interface Piece {
  eligible: string;
  undetermined: string;
  eligibleBytes: Uint8Array;
  undeterminedBytes: Uint8Array;
  /** `,word` per item, for --wide. */
  wideBytes: Uint8Array;
}

export class AnswerLists {
  private readonly segments: number;
  private readonly pieces: (Piece | undefined)[][];
  /** The current row's piece per segment. */
  private readonly row: Piece[];

  /** `words` are the --wide cell texts for ineligible, undetermined, eligible; `wide` makes writeCsv add them. */
  constructor(
    private readonly ids: readonly string[],
    private readonly words: readonly string[],
    private readonly wide = false,
  ) {
    this.segments = Math.ceil(ids.length / SEGMENT);
    this.pieces = Array.from({ length: this.segments }, () => new Array<Piece | undefined>(CODES));
    this.row = new Array<Piece>(this.segments);
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
      const e = eligible.join(';');
      const u = undetermined.join(';');
      p = { eligible: e, undetermined: u, eligibleBytes: utf8(e), undeterminedBytes: utf8(u), wideBytes: utf8(wide) };
      this.pieces[k][code] = p;
    }
    return p;
  }

  /** Fills this.row with the pieces of the statuses' codes (item i is digit i mod 8 of its segment's code). */
  private fill(s: Uint8Array): void {
    const n = s.length;
    const whole = n - (n % SEGMENT);
    let k = 0;
    let b = 0;
    // Unrolled for whole segments: measured a fifth faster than the loop below.
    for (; b < whole; b += SEGMENT, k++) {
      const code = s[b] + 3 * (s[b + 1] + 3 * (s[b + 2] + 3 * (s[b + 3] + 3 * (s[b + 4] + 3 * (s[b + 5] + 3 * (s[b + 6] + 3 * s[b + 7]))))));
      this.row[k] = this.piece(k, code);
    }
    if (b < n) {
      let code = 0;
      for (let i = n - 1; i >= b; i--) code = code * 3 + s[i];
      this.row[k] = this.piece(k, code);
    }
  }

  /** The eligible and undetermined lists. */
  lists(statuses: Uint8Array): [string, string] {
    this.fill(statuses);
    let eligible = '';
    let undetermined = '';
    for (const p of this.row) {
      if (p.eligible !== '') eligible = eligible === '' ? p.eligible : `${eligible};${p.eligible}`;
      if (p.undetermined !== '') undetermined = undetermined === '' ? p.undetermined : `${undetermined};${p.undetermined}`;
    }
    return [eligible, undetermined];
  }

  /** Writes `,eligible,undetermined,` and, when wide, the item columns, as UTF-8 CSV text. */
  writeCsv(statuses: Uint8Array, into: ByteBuffer): void {
    this.fill(statuses);
    // Two plain loops: a shared helper reading p[name] measured a fifth slower.
    into.byte(COMMA);
    let empty = true;
    for (const p of this.row) {
      if (p.eligibleBytes.length === 0) continue;
      if (!empty) into.byte(SEMICOLON);
      into.bytes(p.eligibleBytes);
      empty = false;
    }
    into.byte(COMMA);
    empty = true;
    for (const p of this.row) {
      if (p.undeterminedBytes.length === 0) continue;
      if (!empty) into.byte(SEMICOLON);
      into.bytes(p.undeterminedBytes);
      empty = false;
    }
    into.byte(COMMA);
    if (this.wide) for (const p of this.row) into.bytes(p.wideBytes);
  }
}
