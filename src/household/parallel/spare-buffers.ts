/**
 * Buffers handed back to a worker to be filled again: fresh memory costs
 * page faults and collections. A few are kept, of a usual size; a buffer
 * that one huge piece grew is let go, so it does not stay for every later
 * piece.
 */
export class SpareBuffers {
  private readonly kept: Buffer[] = [];

  constructor(
    private readonly max: number,
    private readonly maxBytes: number,
  ) {}

  /** Keeps the whole of `buffer`'s memory (not just the bytes in use) when there is room and it is not too big. */
  keep(buffer: ArrayBuffer | Uint8Array): void {
    const memory = buffer instanceof ArrayBuffer ? buffer : buffer.buffer;
    if (this.kept.length >= this.max || memory.byteLength > this.maxBytes) return;
    this.kept.push(Buffer.from(memory as ArrayBuffer));
  }

  /** A kept buffer, or undefined (the caller makes a fresh one). */
  take(): Buffer | undefined {
    return this.kept.pop();
  }

  get size(): number {
    return this.kept.length;
  }
}
