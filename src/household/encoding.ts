/**
 * Which text encoding a roster file is in, from its bytes: a byte order
 * mark (UTF-8, or UTF-16 as Excel's "Unicode text" has it), else valid
 * UTF-8, else GB18030 (what Excel writes for "CSV" on a Chinese Windows;
 * GBK and GB2312 are subsets of it). Pure ASCII is undecided, so the
 * caller keeps reading until the first non-ASCII byte.
 */
import type IconvTypes from 'iconv-lite';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';

// Required, not imported, as papaparse in csv-source.ts: no export lexing in every thread.
const iconv = createRequire(import.meta.url)('iconv-lite') as typeof IconvTypes;

export type Verdict = 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'utf-8' | 'gb18030' | 'ascii';

const SAMPLE = 64 * 1024;

/**
 * Classifies a sample of bytes. `complete` says the sample is the whole
 * file, so a multi-byte character cut at its end is an error, not a cut.
 */
export function classifyBytes(bytes: Uint8Array, complete: boolean): Verdict {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const firstHigh = firstNonAscii(bytes);
  if (firstHigh < 0) return 'ascii';
  // Judge a window from the first non-ASCII byte on: that is where the two encodings differ.
  const window = bytes.subarray(firstHigh, Math.min(bytes.length, firstHigh + SAMPLE));
  const atEnd = complete && firstHigh + SAMPLE >= bytes.length;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(window, { stream: !atEnd });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/** The encoding to decode a file with: `utf-8` or `gb18030`, and whether a BOM leads. */
export interface FileEncoding {
  encoding: string;
  bom: boolean;
}

/**
 * Detects a file's encoding, reading only as far as needed: the first bytes
 * for a BOM, then on to the first non-ASCII byte and a window after it.
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
        const mark = classifyBytes(bytes.subarray(0, 3), false);
        if (mark === 'utf-8-bom') return { encoding: 'utf-8', bom: true };
        if (mark === 'utf-16le' || mark === 'utf-16be') return { encoding: mark, bom: true };
      }
      const at = firstNonAscii(bytes);
      if (at >= 0) {
        const window = Buffer.alloc(SAMPLE);
        const read = await handle.read(window, 0, SAMPLE, position + at);
        const verdict = classifyBytes(window.subarray(0, read.bytesRead), read.bytesRead < SAMPLE);
        return { encoding: verdict === 'gb18030' ? 'gb18030' : 'utf-8', bom: false };
      }
      if (bytesRead < buffer.length) return { encoding: 'utf-8', bom: false };
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
