/**
 * Work started in order, at most `limit` at a time, and taken back in the
 * same order: the memory bound of a --sorted run's second step, where each
 * finished piece's output comes back whole. A result taken with next()
 * still counts against the limit until the caller calls resume(), so an
 * output being written is one of the `limit`.
 */
export class OrderedWindow<T, R> {
  private readonly waiting: T[] = [];
  private readonly active: { item: T; result: Promise<R> }[] = [];
  private taken = 0;

  constructor(
    private readonly limit: number,
    private readonly start: (item: T) => Promise<R>,
  ) {}

  /** Queues items in order and starts as many as the limit allows. */
  add(items: Iterable<T>): void {
    for (const item of items) this.waiting.push(item);
    this.fill();
  }

  /** The caller is done with the results it took: their room goes to waiting items. */
  resume(): void {
    this.taken = 0;
    this.fill();
  }

  /** Started and not yet taken. */
  get inFlight(): number {
    return this.active.length;
  }

  /** Queued and not yet started. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The oldest started item and its result (or its failure), in the order they were added. */
  async next(): Promise<{ item: T; result: R }> {
    const head = this.active.shift();
    if (!head) throw new Error('OrderedWindow: nothing in flight');
    this.taken++;
    return { item: head.item, result: await head.result };
  }

  private fill(): void {
    while (this.waiting.length > 0 && this.active.length + this.taken < this.limit) {
      const item = this.waiting.shift()!;
      const result = this.start(item);
      result.catch(() => {}); // awaited in order by next()
      this.active.push({ item, result });
    }
  }
}
