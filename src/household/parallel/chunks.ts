/**
 * A CSV file as pieces of whole records, for parsing on several threads.
 * Each piece is a fresh buffer of its own, so it can be transferred to a
 * worker without copying. Blank rows at the very end of the file are
 * dropped, as the single-thread reader drops them.
 */
import { open } from 'node:fs/promises';
import { MAX_LINES_IN_RECORD, moreLinesThan } from '../csv-source.js';
import { lastRecordEnd, type CutSyntax } from '../record-cuts.js';

export interface Chunk {
  /** Byte offset of the piece in the file. */
  start: number;
  bytes: Uint8Array;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;

const QUOTE = 0x22;

const isBlank = (b: number, delimiter: number) => b === delimiter || b === SPACE || b === TAB || b === CR || b === LF;

/**
 * Length of `bytes` without the blank rows at its end (only delimiters,
 * spaces, line ends and empty quoted cells such as `"",""`): the last row
 * with a cell in it is kept whole, with its line end, as the single-thread
 * reader keeps it. Any other quote (four in a row are a quote character,
 * a lone one an open quote) keeps its row for the parser.
 */
export function withoutTrailingBlanks(bytes: Uint8Array, delimiter: number): number {
  let end = bytes.length;
  for (;;) {
    if (end > 0 && isBlank(bytes[end - 1], delimiter)) {
      end--;
      continue;
    }
    if (end === 0 || bytes[end - 1] !== QUOTE) break;
    // A quoted cell of nothing but spaces ("" or " "), with a cell boundary (or the start) before it.
    let open = end - 2;
    while (open >= 0 && (bytes[open] === SPACE || bytes[open] === TAB)) open--;
    if (open < 0 || bytes[open] !== QUOTE || (open > 0 && !isBlank(bytes[open - 1], delimiter))) break;
    end = open;
  }
  if (end === 0) return 0;
  while (end < bytes.length && bytes[end] !== CR && bytes[end] !== LF) end++;
  if (bytes[end] === CR) end++;
  if (bytes[end] === LF) end++;
  return end;
}

/**
 * A quote never closed after the pieces read so far. Only the caller, which
 * has counted their rows, can name the row it opened on (csv-source.ts
 * unterminatedQuote), as the one-thread reader does.
 */
export class UnclosedQuote extends Error {
  constructor() {
    super('a quote is never closed');
  }
}

/** The pieces in one buffer of its own, copied once. */
function joinAll(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Reads the file in pieces of about `chunkBytes`, each ending at a record
 * end. A quarter of a megabyte (about 1,700 rows, 2 MB of output each)
 * measured as fast as half a megabyte and a megabyte, with a lower peak
 * (a --sorted run holds a few pieces' output per worker).
 */
export async function* recordChunks(path: string, syntax: CutSyntax, chunkBytes = 256 * 1024): AsyncGenerator<Chunk> {
  const handle = await open(path, 'r');
  try {
    let carry: Uint8Array = new Uint8Array(0);
    let carryStart = 0;
    let position = 0;
    // Each piece is held back until more of the file follows it: blank rows at the end of the last one are dropped.
    let held: Chunk | undefined;
    // Pieces of nothing but blank rows after `held`: joined to it (once) if more rows follow.
    let blanks: Uint8Array[] = [];
    const withBlanks = (chunk: Chunk): Chunk => {
      if (blanks.length === 0) return chunk;
      const bytes = joinAll([chunk.bytes, ...blanks]);
      blanks = [];
      return { start: chunk.start, bytes };
    };
    for (;;) {
      const fresh = new Uint8Array(chunkBytes);
      const { bytesRead } = await handle.read(fresh, 0, chunkBytes, position);
      position += bytesRead;
      const data = concat(carry, fresh.subarray(0, bytesRead));
      if (bytesRead === 0) {
        if (moreLinesThan(data, MAX_LINES_IN_RECORD)) {
          // The whole records before it go first, so their rows are counted and checked.
          if (held) yield withBlanks(held);
          throw new UnclosedQuote();
        }
        const last = held ? { start: held.start, bytes: joinAll([held.bytes, ...blanks, data]) } : { start: carryStart, bytes: data };
        const end = withoutTrailingBlanks(last.bytes, syntax.delimiter);
        if (end > 0) yield { start: last.start, bytes: last.bytes.slice(0, end) };
        return;
      }
      const cut = lastRecordEnd(data, syntax);
      if (cut <= 0) {
        if (moreLinesThan(data, MAX_LINES_IN_RECORD)) {
          if (held) yield withBlanks(held);
          throw new UnclosedQuote();
        }
        carry = data.slice();
        continue;
      }
      // The tail after the cut is copied out, so the piece's buffer can be handed over whole.
      const tail = data.slice(cut);
      const piece = data.subarray(0, cut);
      if (held && withoutTrailingBlanks(piece, syntax.delimiter) === 0) {
        // Only blank rows: they may be the end of the file, which is dropped, so they wait.
        blanks.push(piece);
      } else {
        if (held) yield withBlanks(held);
        held = { start: carryStart, bytes: piece };
      }
      carryStart += cut;
      carry = tail;
    }
  } finally {
    await handle.close();
  }
}

/** Reads pieces again by their offsets (pass 2 cuts where pass 1 did). */
export async function* rereadChunks(path: string, ranges: readonly { start: number; length: number }[]): AsyncGenerator<Chunk> {
  const handle = await open(path, 'r');
  try {
    for (const range of ranges) {
      const bytes = new Uint8Array(range.length);
      const { bytesRead } = await handle.read(bytes, 0, range.length, range.start);
      if (bytesRead !== range.length) throw new Error('file changed while reading');
      yield { start: range.start, bytes };
    }
  } finally {
    await handle.close();
  }
}
