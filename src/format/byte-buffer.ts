/**
 * A growable UTF-8 output buffer. Batch output repeats long runs of text
 * (the same eligible/undetermined lists on many rows); those are encoded
 * once and copied as bytes, which measured several times faster than
 * building and encoding one long string per row.
 */
const encoder = new TextEncoder();
/** The largest buffer detach() starts afresh with. */
const MAX_FRESH = 8 * 1024 * 1024;

export class ByteBuffer {
  // A Buffer for its native UTF-8 write straight at an offset: no view allocated per call.
  // allocUnsafeSlow, not allocUnsafe: never a slice of Node's shared pool.
  private buf: Buffer;
  private length = 0;

  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafeSlow(capacity);
  }

  private ensure(extra: number): void {
    if (this.length + extra <= this.buf.length) return;
    let size = Math.max(this.buf.length * 2, 64);
    while (size < this.length + extra) size *= 2;
    const bigger = Buffer.allocUnsafeSlow(size);
    bigger.set(this.buf.subarray(0, this.length));
    this.buf = bigger;
  }

  text(s: string): void {
    // At most 3 bytes per UTF-16 code unit.
    this.ensure(s.length * 3);
    this.length += this.buf.write(s, this.length, 'utf8');
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /**
   * `text` as UTF-8, unless it holds an ASCII character marked in `stop`
   * or a surrogate pair: then nothing is written and the answer is false.
   * Encoded by this loop, not Buffer.write: for the short cells of a batch
   * row a native call each, or one string joined from them, measured
   * slower (a third of a microsecond a row).
   */
  textUnless(text: string, stop: Uint8Array): boolean {
    const n = text.length;
    this.ensure(n * 3);
    const buf = this.buf;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (stop[c] === 1) return false;
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        return false;
      } else {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = at;
    return true;
  }

  /** A whole number from 0 up, in decimal digits. */
  uint(n: number): void {
    let digits = 1;
    for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
    this.ensure(digits);
    let at = this.length + digits;
    this.length = at;
    let m = n;
    do {
      this.buf[--at] = 48 + (m % 10);
      m = Math.floor(m / 10);
    } while (m > 0);
  }

  /** One byte, e.g. an ASCII separator. */
  byte(b: number): void {
    this.ensure(1);
    this.buf[this.length++] = b;
  }

  /** Bytes `start` to `end` of `src` (no view allocated, unlike bytes(src.subarray(…))). */
  copyFrom(src: Buffer, start: number, end: number): void {
    this.ensure(end - start);
    src.copy(this.buf, this.length, start, end);
    this.length += end - start;
  }

  get size(): number {
    return this.length;
  }

  /** The bytes written so far, copied into a Uint8Array of their own; the buffer starts again empty. */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
  }

  /**
   * The bytes written so far, without copying them: the buffer itself is
   * handed over (its ArrayBuffer can be transferred to another thread) and
   * this one starts again in `next` (a buffer handed over before and done
   * with: fresh memory costs page faults) or a new one of the same size, up
   * to 8 MB (one huge piece does not make every later buffer huge).
   */
  detach(next?: Buffer): Buffer {
    const out = this.buf.subarray(0, this.length);
    this.buf = next && next.length > 0 ? next : Buffer.allocUnsafeSlow(Math.min(this.buf.length, MAX_FRESH));
    this.length = 0;
    return out;
  }

  /** Forgets what was written (after a failure). */
  reset(): void {
    this.length = 0;
  }
}

export const utf8 = (s: string): Uint8Array => encoder.encode(s);
