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
  /** The latest listing of each zone, kept when a write drops it from `entries` (for `recent`). */
  private latest = new Map<string, Entry<T>>();
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
    this.latest.set(zone, entry);
    // A failed listing must not be served to later readers.
    entry.value.catch(() => {
      if (this.entries.get(zone) === entry) this.entries.delete(zone);
      if (this.latest.get(zone) === entry) this.latest.delete(zone);
    });
    return entry.value;
  }

  /**
   * Any listing of the last few seconds, even one that does not show this process's own writes
   * since: for a question those writes cannot change (is a row of another resource there?).
   */
  recent(zone: string): Promise<T[]> {
    const e = this.latest.get(zone);
    return e && (e.startedAt === undefined || performance.now() - e.startedAt <= this.maxAgeMs) ? e.value : this.get(zone);
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

  /**
   * A write to the zone ended or is about to: listings already sent cannot show it. One that only
   * adds (`adds`) leaves them to `recent`, whose callers ask about what is there apart from their
   * own additions; a removal or change drops them for everyone.
   */
  invalidate(zone: string, { adds = false } = {}): void {
    const e = this.entries.get(zone);
    // A listing not yet sent will see the write; keep it so concurrent writers still share it.
    if (e && e.startedAt !== undefined) this.entries.delete(zone);
    if (!adds && this.latest.get(zone)?.startedAt !== undefined) this.latest.delete(zone);
  }

  clear(): void {
    this.entries.clear();
    this.latest.clear();
  }
}
