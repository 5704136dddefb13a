/**
 * Where a CSV byte buffer can be cut between records, so that several
 * threads can each parse a piece with papaparse. A line end is a record
 * end unless it lies inside a quoted cell, and only the quote bytes decide
 * that, so the scan visits quote bytes alone (Buffer#indexOf) and costs
 * next to nothing on rosters that seldom quote.
 *
 * The quote rules are papaparse's: a quote opens a quoted cell only at the
 * start of a cell; inside one, "" is a quote, and a quote closes the cell
 * only when a delimiter or line end follows (spaces may come between);
 * any other quote is an error papaparse reads past, still inside the cell.
 *
 * Works on the bytes of UTF-8 and GB18030 text, where the bytes of " , ;
 * TAB CR LF never occur inside a multi-byte character.
 */

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

/** What the scan needs: the delimiter's byte, and whether a line ends in CR LF. */
export interface CutSyntax {
  delimiter: number;
  crlf: boolean;
}

/**
 * The scan's syntax, for delimiters whose byte never occurs inside a UTF-8
 * or GB18030 character and line ends that end in LF; otherwise undefined.
 */
export function cutSyntaxFor(delimiter: string, newline: string): CutSyntax | undefined {
  if (delimiter !== ',' && delimiter !== '\t' && delimiter !== ';') return undefined;
  if (newline !== '\n' && newline !== '\r\n') return undefined;
  return { delimiter: delimiter.charCodeAt(0), crlf: newline === '\r\n' };
}

/**
 * The offset just past the last record end in `bytes` (which starts at a
 * record start), or -1 when no whole record ends in it.
 */
export function lastRecordEnd(bytes: Uint8Array, syntax: CutSyntax): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A line feed ends a record only as part of the file's line end (CR LF in an Excel CSV).
  const lineEndBefore = (from: number) => {
    let lf = buf.lastIndexOf(LF, from);
    while (lf >= 0 && syntax.crlf && (lf === 0 || buf[lf - 1] !== CR)) lf = lf === 0 ? -1 : buf.lastIndexOf(LF, lf - 1);
    return lf;
  };
  const lastLf = lineEndBefore(buf.length - 1);
  if (lastLf < 0) return -1;
  const { delimiter } = syntax;
  // A quote before the last line feed always has its next bytes in the buffer.
  const endsCell = (at: number) => {
    let i = at;
    while (buf[i] === SPACE) i++;
    const b = buf[i];
    return b === delimiter || b === LF || b === CR;
  };
  // Walk the quotes up to the last line feed. `safe` is the latest record end known to lie outside quotes.
  let inside = false;
  let lastClose = -1;
  let safe = -1;
  let q = buf.indexOf(QUOTE, 0);
  while (q >= 0 && q < lastLf) {
    if (!inside) {
      const prev = q === 0 ? LF : buf[q - 1];
      if (prev === delimiter || prev === LF || prev === CR) {
        inside = true;
        const lf = lineEndBefore(q);
        if (lf > lastClose) safe = lf + 1;
      }
      q = buf.indexOf(QUOTE, q + 1);
    } else if (buf[q + 1] === QUOTE) {
      q = buf.indexOf(QUOTE, q + 2);
    } else {
      if (endsCell(q + 1)) {
        inside = false;
        lastClose = q;
      }
      q = buf.indexOf(QUOTE, q + 1);
    }
  }
  return inside ? safe : lastLf + 1;
}

/**
 * The line ends in `bytes` (CR LF only, in a CR LF file): as many as the
 * records they end when no quoted cell holds a line end. A --sorted run
 * numbers a piece's rows from this guess before the pieces ahead of it are
 * parsed; a wrong guess costs a renumbering, never a wrong number.
 */
export function countLineEnds(bytes: Uint8Array, syntax: CutSyntax): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let lf = buf.indexOf(LF, 0); lf >= 0; lf = buf.indexOf(LF, lf + 1)) {
    if (!syntax.crlf || (lf > 0 && buf[lf - 1] === CR)) n++;
  }
  return n;
}
