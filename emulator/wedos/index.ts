/**
 * A faithful fake of WEDOS WAPI, DNS part (kb.wedos.com "WAPI – DNS"): POST /wapi/json or /wapi/xml
 * with one form field `request` holding the whole request document.
 */
import type { ApiEmulator, EmulatedRequest, EmulatedResponse, EmulatorContext } from "../types";
import { authMatches } from "./auth";
import { ensure, WapiError } from "./codes";
import { commandFor } from "./commands";
import { extractRequestField } from "./form";
import { IpGuard, invalidCodeSet, ipAllowed, RequestBudget } from "./limits";
import { type ResolvedWedosOptions, resolveOptions, type WedosEmulatorOptions } from "./options";
import { emptyState, parseState, type WedosState, type WedosZone } from "./state";
import {
  decodeRequest,
  encodeReply,
  formatOfPath,
  isTestRequest,
  notFound,
  type Params,
  type WapiReply,
  type WapiRequest,
  type WireFormat,
} from "./wire";
import { ZoneStore } from "./zone";

export { pragueHour, wapiAuth } from "./auth";

export type { WedosEmulatorOptions } from "./options";
export type { WedosState } from "./state";

/** clTRID longer than this is 2005; WEDOS does not publish its limit. */
const MAX_CLTRID = 64;

/** How one request ended, before it is encoded. */
interface Outcome {
  code: number;
  command: string;
  clTRID?: string;
  data?: Params;
  /** What goes to the request log: data plus clTRID/test, never user or auth. */
  params: Record<string, unknown>;
}

export class WedosEmulator implements ApiEmulator {
  readonly api = "wedos" as const;
  private readonly options: ResolvedWedosOptions;
  private readonly store: ZoneStore;
  private readonly budget: RequestBudget;
  private readonly guard: IpGuard;
  private readonly countsAsInvalid: (code: number) => boolean;
  /** Middle part of svTRID, fixed per instance like a server node id. */
  private readonly node = String(process.pid % 10_000);
  private served = 0;

  constructor(
    private readonly ctx: EmulatorContext,
    options?: Partial<WedosEmulatorOptions>,
  ) {
    this.options = resolveOptions(options);
    this.store = new ZoneStore(emptyState(), this.options.autoCommitSeconds * 1000);
    this.store.onPublish = (at) => this.ctx.served?.(at);
    this.budget = new RequestBudget(this.options.requestsPerWindow, this.options.windowSeconds * 1000);
    this.guard = new IpGuard(this.options.invalidBeforeBlock);
    this.countsAsInvalid = invalidCodeSet(this.options.invalidCodes);
  }

  handle(req: EmulatedRequest): EmulatedResponse {
    const format = formatOfPath(req.path);
    if (format === undefined) {
      this.ctx.log({ op: "", params: {}, code: "404" });
      return notFound();
    }
    const now = this.ctx.now();
    this.store.catchUp(now.getTime());
    const outcome = this.process(req, format, now);
    if (this.countsAsInvalid(outcome.code)) this.guard.recordInvalid(req.ip, now.getTime());
    this.ctx.log({ op: outcome.command, params: outcome.params, code: String(outcome.code) });
    this.flush();
    return encodeReply(format, this.reply(outcome, now));
  }

  apiFault(code: string, req: EmulatedRequest): EmulatedResponse {
    const format = formatOfPath(req.path) ?? "json";
    const parsed = this.peek(req, format);
    const numeric = Number.parseInt(code.replace(/^api-/, ""), 10);
    const outcome: Outcome = {
      code: Number.isFinite(numeric) ? numeric : 4000,
      command: parsed?.command ?? "",
      params: {},
      ...(parsed?.clTRID !== undefined ? { clTRID: parsed.clTRID } : {}),
    };
    return encodeReply(format, this.reply(outcome, this.ctx.now()));
  }

  opOf(req: EmulatedRequest): string {
    return this.peek(req, formatOfPath(req.path) ?? "json")?.command ?? "";
  }

  paramsOf(req: EmulatedRequest): Record<string, unknown> {
    return { ...(this.peek(req, formatOfPath(req.path) ?? "json")?.data ?? {}) };
  }

  /**
   * The full persisted state, with due auto-commits applied first. It does not call ctx.changed():
   * the caller may be persisting right now; the next handle() reports the change.
   */
  snapshot(): WedosState {
    this.store.catchUp(this.ctx.now().getTime());
    return structuredClone(this.store.snapshot);
  }

  /** Loads a snapshot (validated); in-memory budgets and IP blocks are kept. */
  restore(state: unknown): void {
    this.store.replace(parseState(structuredClone(state)));
    this.store.dirty = false;
  }

  reset(): void {
    this.store.replace(emptyState());
    this.budget.clear();
    this.guard.clear();
    this.flush();
  }

  /** The zones as they are now, for the nameservers (which serve each one's `published` rows). */
  servedZones(): readonly WedosZone[] {
    return this.store.zones;
  }

  /** Applies the auto-commits due by now, as a request would; the nameservers call it before answering. */
  settle(): void {
    this.store.catchUp(this.ctx.now().getTime());
    this.flush();
  }

  /** WAPI's checks in the order the live service makes them; each step ends the request with its code. */
  private process(req: EmulatedRequest, format: WireFormat, now: Date): Outcome {
    const out: Outcome = { code: 1000, command: "", params: {} };
    try {
      const text = extractRequestField(req.headers, req.body);
      ensure(text !== undefined && text.trim() !== "", 2009);
      const wreq = decodeRequest(format, text);
      out.command = wreq.command ?? "";
      if (wreq.clTRID !== undefined) out.clTRID = wreq.clTRID;
      out.params = logParams(wreq);
      this.admit(wreq, req.ip, now);
      const command = commandFor(out.command);
      ensure(command !== undefined, 2010);
      // A dry run works on a throwaway copy, so it validates exactly like the real thing and changes nothing.
      const store = isTestRequest(wreq) ? this.store.clone() : this.store;
      const data = command({ store, params: wreq.data, now, format, options: this.options });
      if (data !== undefined) out.data = data;
    } catch (e) {
      if (!(e instanceof WapiError)) throw e;
      out.code = e.code;
      delete out.data;
    }
    return out;
  }

  private admit(wreq: WapiRequest, ip: string, now: Date): void {
    const { user, auth } = wreq;
    ensure(user !== undefined && user !== "", 2001);
    ensure(auth !== undefined && auth !== "", 2002);
    ensure(!!wreq.command, 2003);
    ensure((wreq.clTRID ?? "").length <= MAX_CLTRID, 2005);
    ensure(ipAllowed(ip, this.options.allowedIps), 2051);
    ensure(!this.guard.isBlocked(ip, now.getTime()), 2052);
    const { username, password, acceptPreviousHour } = this.options;
    // The login is an e-mail address (case-insensitive); the hash covers it exactly as sent.
    const userOk = user.toLowerCase() === username.toLowerCase();
    ensure(userOk && authMatches(user, auth, password, now, acceptPreviousHour), 2050);
    ensure(this.budget.take(username.toLowerCase(), now.getTime()), 2006);
  }

  private reply(outcome: Outcome, now: Date): WapiReply {
    const timestamp = Math.floor(now.getTime() / 1000);
    this.served += 1;
    return {
      code: outcome.code,
      timestamp,
      ...(outcome.clTRID !== undefined ? { clTRID: outcome.clTRID } : {}),
      svTRID: `${timestamp}.${this.node}.${this.served}.1`,
      command: outcome.command,
      ...(outcome.data !== undefined ? { data: outcome.data } : {}),
    };
  }

  /** Best-effort decode for faults and the log; never throws, never touches state. */
  private peek(req: EmulatedRequest, format: WireFormat): WapiRequest | undefined {
    try {
      const text = extractRequestField(req.headers, req.body);
      return text === undefined ? undefined : decodeRequest(format, text);
    } catch {
      return undefined;
    }
  }

  private flush(): void {
    if (!this.store.dirty) return;
    this.store.dirty = false;
    this.ctx.changed();
    // Zones added or deleted are served, or no longer, at once.
    this.ctx.served?.(this.ctx.now());
  }
}

function logParams(wreq: WapiRequest): Record<string, unknown> {
  const params: Record<string, unknown> = { ...wreq.data };
  if (wreq.clTRID !== undefined) params.clTRID = wreq.clTRID;
  if (wreq.test !== undefined) params.test = wreq.test;
  return params;
}
