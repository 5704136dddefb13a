/**
 * Which text encoding a roster file is in, from its bytes: a byte order
 * mark (UTF-8, or UTF-16 as Excel's "Unicode text" has it), else UTF-16
 * without a mark when NUL bytes stand beside the characters on one side
 * (ASCII in UTF-16), else valid UTF-8, else GB18030 (what Excel writes for
 * "CSV" on a Chinese Windows; GBK and GB2312 are subsets of it). Pure
 * ASCII is undecided, so the caller keeps reading until the first
 * non-ASCII byte. NUL bytes in any other pattern are no text at all (an
 * .xls workbook, /dev/zero).
 */
import type IconvTypes from 'iconv-lite';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';

// Required, not imported, as papaparse in csv-source.ts: no export lexing in every thread.
const iconv = createRequire(import.meta.url)('iconv-lite') as typeof IconvTypes;

export type Verdict = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'gb18030' | 'ascii' | 'binary';

const SAMPLE = 64 * 1024;
/** Bytes looked at for NULs: enough lines of any roster, few enough to decide at once. */
const NUL_SAMPLE = 1024;

/**
 * What the first bytes alone say: a byte order mark, UTF-16 without one, or
 * no text; undefined when they leave it to the non-ASCII bytes.
 */
export function leadingVerdict(bytes: Uint8Array): 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'binary' | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return nulPattern(bytes.subarray(0, NUL_SAMPLE));
}

/**
 * UTF-16 without a byte order mark, by its NULs: every ASCII character (the
 * delimiters, line ends, digits of an ID number) has a NUL byte after it in
 * UTF-16LE and before it in UTF-16BE, while a Chinese character seldom has
 * one (U+4E00 一 does). A text file in UTF-8 or GB18030 has none, so many
 * NULs in another pattern mean no text at all; a stray one or two decide
 * nothing (the header check catches a NUL in the header).
 */
function nulPattern(head: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | undefined {
  const n = head.length & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] === 0) {
      if (i & 1) odd++;
      else even++;
    }
  }
  const pairs = n / 2;
  if (odd > 0 && odd * 8 >= pairs && even * 16 <= odd) return 'utf-16le';
  if (even > 0 && even * 8 >= pairs && odd * 16 <= even) return 'utf-16be';
  return (even + odd) * 16 >= n && even + odd > 0 ? 'binary' : undefined;
}

/**
 * Classifies a sample of bytes. `complete` says the sample is the whole
 * file, so a multi-byte character cut at its end is an error, not a cut.
 */
export function classifyBytes(bytes: Uint8Array, complete: boolean): Verdict {
  const lead = leadingVerdict(bytes);
  if (lead) return lead;
  const firstHigh = firstNonAscii(bytes);
  if (firstHigh < 0) return 'ascii';
  // Judge a window from the first non-ASCII byte on: that is where the two encodings differ.
  const window = bytes.subarray(firstHigh, Math.min(bytes.length, firstHigh + SAMPLE));
  const atEnd = complete && firstHigh + SAMPLE >= bytes.length;
  return isUtf8(window, atEnd) ? 'utf-8' : 'gb18030';
}

function isUtf8(bytes: Uint8Array, atEnd: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !atEnd });
    return true;
  } catch {
    return false;
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/** The encoding to decode a file with, whether a BOM leads, and the bytes it was judged on. */
export interface FileEncoding {
  /** `utf-8`, `gb18030`, `utf-16le` or `utf-16be` (a guess of `utf-8` when `binary`). */
  encoding: string;
  bom: boolean;
  /** NUL bytes in the first KiB that are not UTF-16's: not a text file. */
  binary: boolean;
  /**
   * Up to 64 KiB where encodings differ: from the first non-ASCII byte, or the
   * start of a file its first bytes decided; empty for pure ASCII.
   */
  sample: Uint8Array;
  /** Whether `sample` runs to the end of the file. */
  sampleComplete: boolean;
}

/**
 * Detects a file's encoding, reading only as far as needed: the first bytes
 * for a BOM or UTF-16's NULs, then on to the first non-ASCII byte and a
 * window after it.
 */
export async function detectFileEncoding(path: string): Promise<FileEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      const bytes = buffer.subarray(0, bytesRead);
      if (position === 0) {
        const lead = leadingVerdict(bytes);
        if (lead) {
          const sample = bytes.slice(0, SAMPLE);
          const sampleComplete = bytesRead <= SAMPLE;
          if (lead === 'utf-8-bom') return { encoding: 'utf-8', bom: true, binary: false, sample, sampleComplete };
          if (lead === 'binary') return { encoding: 'utf-8', bom: false, binary: true, sample, sampleComplete };
          const bom = lead === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : bytes[0] === 0xfe && bytes[1] === 0xff;
          return { encoding: lead, bom, binary: false, sample, sampleComplete };
        }
      }
      const at = firstNonAscii(bytes);
      if (at >= 0) {
        const window = Buffer.alloc(SAMPLE);
        const read = await handle.read(window, 0, SAMPLE, position + at);
        const sample = window.subarray(0, read.bytesRead);
        const sampleComplete = read.bytesRead < SAMPLE;
        const verdict = classifyBytes(sample, sampleComplete);
        return { encoding: verdict === 'gb18030' ? 'gb18030' : 'utf-8', bom: false, binary: false, sample, sampleComplete };
      }
      if (bytesRead < buffer.length) return { encoding: 'utf-8', bom: false, binary: false, sample: new Uint8Array(0), sampleComplete: true };
      position += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** An incremental decoder: bytes in, text out, a character split across chunks kept whole. */
export interface TextChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export function isKnownEncoding(name: string): boolean {
  return iconv.encodingExists(name);
}

/** A decoder for the encoding, dropping a leading byte order mark. */
export function makeDecoder(encoding: string): TextChunkDecoder {
  const name = encoding.toLowerCase().replace(/_/g, '-');
  if (name === 'utf-8' || name === 'utf8') {
    // TextDecoder is the fastest path for UTF-8 and drops the BOM itself.
    const decoder = new TextDecoder('utf-8');
    return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  return { write: (b) => decoder.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), end: () => decoder.end() ?? '' };
}

/**
 * U+FFFD characters decoding `bytes` in `encoding` gives: bytes the encoding
 * has no character for. A character cut at the end of an incomplete sample
 * is not counted.
 */
export function replacementsIn(bytes: Uint8Array, encoding: string, complete: boolean): number {
  const decoder = makeDecoder(encoding);
  const text = decoder.write(bytes) + (complete ? decoder.end() : '');
  let n = 0;
  for (let at = text.indexOf('\uFFFD'); at >= 0; at = text.indexOf('\uFFFD', at + 1)) n++;
  return n;
}
