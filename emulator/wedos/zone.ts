import type { WedosRow, WedosState, WedosZone } from "./state";
import { nextSerial, pragueDateTime, pragueDay } from "./time";

/** Name servers WEDOS delegates primary zones to (ns_out / ns1 in dns-domain-info). */
export const WEDOS_NS = ["ns.wedos.net", "ns.wedos.eu", "ns.wedos.cz", "ns.wedos.com"];

/** SOA values WEDOS puts on a new primary zone. */
const DEFAULT_SOA = { rname: "hostmaster.wedos.com", refresh: 10800, retry: 3600, expire: 1_209_600, minimum: 300 };

export interface NewZoneSpec {
  name: string;
  type: "primary" | "secondary";
  primaryIp: string;
  axfrEnabled: boolean;
  axfrIps: string[];
  ns?: string[];
}

export function newZone(spec: NewZoneSpec, now: Date): WedosZone {
  const stamp = pragueDateTime(now);
  const primary = spec.type === "primary";
  return {
    name: spec.name,
    type: spec.type,
    status: "active",
    tlock: false,
    primaryIp: primary ? "" : spec.primaryIp,
    axfrEnabled: primary && spec.axfrEnabled,
    axfrIps: primary && spec.axfrEnabled ? [...spec.axfrIps] : [],
    keyset: "0",
    ns: spec.ns ?? [...WEDOS_NS],
    // A secondary's SOA comes from its primary by AXFR; until then the emulator knows only the zeros.
    soa: primary
      ? { ...DEFAULT_SOA, serial: Number(`${pragueDay(now)}01`) }
      : { rname: "", serial: 0, refresh: 0, retry: 0, expire: 0, minimum: 0 },
    addDate: stamp,
    changedDate: "",
    commitDate: "",
    reloadDate: "",
    pendingSinceMs: null,
    axfrDueMs: null,
    rows: [],
    published: [],
    commits: 0,
    autoCommits: 0,
  };
}

export interface RowInput {
  name: string;
  ttl: number;
  rdtype: string;
  rdata: string;
  comment: string;
}

/**
 * All zones of the account plus the row-id counter. Every mutation marks the store dirty so the
 * emulator knows to call ctx.changed() once per request.
 */
export class ZoneStore {
  dirty = false;
  /** Told of every publish (commit or auto-commit) with its time; copies for dry runs have none. */
  onPublish: ((at: Date) => void) | undefined;

  constructor(
    private state: WedosState,
    private readonly autoCommitMs: number,
  ) {}

  get snapshot(): WedosState {
    return this.state;
  }

  /** An independent copy, for dry runs (`test: 1`) that must leave this store untouched. */
  clone(): ZoneStore {
    return new ZoneStore(structuredClone(this.state), this.autoCommitMs);
  }

  replace(state: WedosState): void {
    this.state = state;
    this.dirty = true;
  }

  get zones(): readonly WedosZone[] {
    return this.state.domains;
  }

  find(name: string): WedosZone | undefined {
    return this.state.domains.find((d) => d.name === name);
  }

  addZone(zone: WedosZone): void {
    this.state.domains.push(zone);
    this.dirty = true;
  }

  removeZone(zone: WedosZone): void {
    this.state.domains = this.state.domains.filter((d) => d !== zone);
    this.dirty = true;
  }

  /** Row IDs come from one increasing account-wide counter, as WAPI's numeric IDs suggest. */
  private nextRowId(): string {
    this.state.lastRowId += 1;
    return String(this.state.lastRowId);
  }

  addRow(zone: WedosZone, input: RowInput, now: Date): WedosRow {
    const row: WedosRow = {
      ID: this.nextRowId(),
      name: input.name,
      ttl: String(input.ttl),
      rdtype: input.rdtype,
      rdata: input.rdata,
      changed_date: pragueDateTime(now),
      author_comment: input.comment,
    };
    zone.rows.push(row);
    this.touch(zone, now);
    return row;
  }

  /** Copies rows from another zone under fresh IDs (dns-domain-copy). */
  copyRows(from: WedosZone, to: WedosZone, now: Date): void {
    for (const r of from.rows) to.rows.push({ ...r, ID: this.nextRowId() });
    if (to.rows.length > 0) this.touch(to, now);
  }

  updateRow(zone: WedosZone, row: WedosRow, ttl: number, rdata: string, now: Date): void {
    row.ttl = String(ttl);
    row.rdata = rdata;
    row.changed_date = pragueDateTime(now);
    this.touch(zone, now);
  }

  deleteRow(zone: WedosZone, row: WedosRow, now: Date): void {
    zone.rows = zone.rows.filter((r) => r !== row);
    this.touch(zone, now);
  }

  setKeyset(zone: WedosZone, keyset: string): void {
    zone.keyset = keyset;
    this.dirty = true;
  }

  requestAxfr(zone: WedosZone, dueMs: number): void {
    zone.axfrDueMs = zone.axfrDueMs === null ? dueMs : Math.min(zone.axfrDueMs, dueMs);
    this.dirty = true;
  }

  /** dns-domain-commit: publishes pending rows; a commit with nothing pending is still counted. */
  commit(zone: WedosZone, now: Date): void {
    zone.commits += 1;
    this.publish(zone, now);
    this.dirty = true;
  }

  /**
   * Applies what the real service would have done by itself up to `now`: auto-commits of zones whose
   * last change is autoCommitMs old (dated when they became due) and due AXFR runs. Called lazily
   * before every request and snapshot, so no timers are needed.
   */
  catchUp(nowMs: number): void {
    for (const zone of this.state.domains) {
      if (zone.pendingSinceMs !== null && nowMs - zone.pendingSinceMs >= this.autoCommitMs) {
        zone.autoCommits += 1;
        this.publish(zone, new Date(zone.pendingSinceMs + this.autoCommitMs));
        this.dirty = true;
      }
      if (zone.axfrDueMs !== null && zone.axfrDueMs <= nowMs) {
        zone.reloadDate = pragueDateTime(new Date(zone.axfrDueMs));
        zone.axfrDueMs = null;
        this.dirty = true;
      }
    }
  }

  private publish(zone: WedosZone, at: Date): void {
    if (zone.pendingSinceMs === null) return;
    zone.published = zone.rows.map((r) => ({ ...r }));
    zone.soa.serial = nextSerial(zone.soa.serial, at);
    zone.commitDate = pragueDateTime(at);
    zone.reloadDate = zone.commitDate;
    zone.pendingSinceMs = null;
    this.onPublish?.(at);
  }

  /** Records an uncommitted change; the auto-commit clock restarts at every change. */
  private touch(zone: WedosZone, now: Date): void {
    zone.pendingSinceMs = now.getTime();
    zone.changedDate = pragueDateTime(now);
    this.dirty = true;
  }
}
