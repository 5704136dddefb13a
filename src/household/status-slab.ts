/**
 * Room for one row's statuses, cut from a shared slab. A typed array over
 * 64 bytes gets its own off-heap store in V8: a malloc, an entry in a
 * process-wide registry and a sweep per row (measured: about 0.5 s of CPU
 * per million rows on one thread, more on worker threads, which share the
 * registry). Views of one slab share a single store; a slab lives while
 * any of its views does.
 */
const SLAB_ROWS = 1024;

export class StatusSlab {
  private slab: Uint8Array;
  private used = 0;

  constructor(private readonly width: number) {
    this.slab = new Uint8Array(width * SLAB_ROWS);
  }

  /** A zeroed view of `width` bytes no other row shares. */
  next(): Uint8Array {
    if (this.used + this.width > this.slab.length) {
      this.slab = new Uint8Array(this.width * SLAB_ROWS);
      this.used = 0;
    }
    const view = this.slab.subarray(this.used, this.used + this.width);
    this.used += this.width;
    return view;
  }
}
