/**
 * A growable UTF-8 output buffer. Batch output repeats long runs of text
 * (the same eligible/undetermined lists on many rows); those are encoded
 * once and copied as bytes, which measured several times faster than
 * building and encoding one long string per row.
 */
const encoder = new TextEncoder();

export class ByteBuffer {
  private buf: Uint8Array;
  private length = 0;

  constructor(capacity = 1 << 20) {
    this.buf = new Uint8Array(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + extra) size *= 2;
    const bigger = new Uint8Array(size);
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  text(s: string): void {
    // At most 3 bytes per UTF-16 code unit.
    this.ensure(s.length * 3);
    this.length += encoder.encodeInto(s, this.buf.subarray(this.length)).written;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  get size(): number {
    return this.length;
  }

  /** The bytes written so far, in a buffer of their own; the buffer starts again empty. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

export const utf8 = (s: string): Uint8Array => encoder.encode(s);
