/**
 * Coalesced zone listings: reads of many records in one zone share one list call. A listing is
 * reused while in flight and for a short while after; any write to the zone in this process
 * drops it. A caller that has just written asks for a listing that *started after* its write
 * (`notBefore`); such listings wait a moment before starting so that writers finishing together
 * share one. Times are performance.now() milliseconds.
 */
interface Entry<T> {
  /** When the list call was sent; undefined while it waits to start. */
  startedAt?: number;
  value: Promise<T[]>;
}

export class ListCache<T> {
  private entries = new Map<string, Entry<T>>();
  /** List calls actually made; read by tests and `make bench`. */
  loads = 0;

  constructor(
    private readonly load: (zone: string) => Promise<T[]>,
    private readonly maxAgeMs = 5_000,
    private readonly gatherMs = 15,
  ) {}

  get(zone: string, notBefore?: number): Promise<T[]> {
    const hit = this.entries.get(zone);
    if (hit && this.usable(hit, notBefore)) return hit.value;
    const entry: Entry<T> = { value: Promise.resolve([]) };
    entry.value = new Promise<void>((r) => (notBefore === undefined ? r() : setTimeout(r, this.gatherMs))).then(() => {
      entry.startedAt = performance.now();
      this.loads++;
      return this.load(zone);
    });
    this.entries.set(zone, entry);
    // A failed listing must not be served to later readers.
    entry.value.catch(() => this.entries.get(zone) === entry && this.entries.delete(zone));
    return entry.value;
  }

  /** A listing sent after this call, so it shows every write that ended before it. */
  fresh(zone: string): Promise<T[]> {
    return this.get(zone, performance.now());
  }

  private usable(e: Entry<T>, notBefore: number | undefined): boolean {
    if (e.startedAt === undefined) return true;
    if (notBefore !== undefined) return e.startedAt >= notBefore;
    return performance.now() - e.startedAt <= this.maxAgeMs;
  }

  invalidate(zone: string): void {
    const e = this.entries.get(zone);
    // A listing not yet sent will see the write; keep it so concurrent writers still share it.
    if (e && e.startedAt !== undefined) this.entries.delete(zone);
  }

  clear(): void {
    this.entries.clear();
  }
}
