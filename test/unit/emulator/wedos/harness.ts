/** Shared set-up for the WEDOS emulator unit tests: handle() driven directly with an injected clock. */
import { createHash } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import type { EmulatedRequest, EmulatedResponse, EmulatorContext, LogEntry } from "../../../../emulator/types";
import { WedosEmulator, type WedosEmulatorOptions, type WedosState, wapiAuth } from "../../../../emulator/wedos";

export const USER = "emulator@example.com";
export const PASSWORD = "emulator-password";
const START = "2026-06-15T09:30:00Z"; // 11:30 in Prague (CEST)

type LogLine = Omit<LogEntry, "seq" | "at" | "api">;

export interface Harness {
  emu: WedosEmulator;
  log: LogLine[];
  changes: () => number;
  advance: (seconds: number) => void;
  setNow: (iso: string) => void;
  now: () => Date;
}

export function harness(options: Partial<WedosEmulatorOptions> = {}, start = START): Harness {
  let now = new Date(start);
  let changed = 0;
  const log: LogLine[] = [];
  const ctx: EmulatorContext = { now: () => now, log: (e) => log.push(e), changed: () => (changed += 1) };
  return {
    emu: new WedosEmulator(ctx, options),
    log,
    changes: () => changed,
    advance: (s) => (now = new Date(now.getTime() + s * 1000)),
    setNow: (iso) => (now = new Date(iso)),
    now: () => now,
  };
}

export const sha1 = (s: string): string => createHash("sha1").update(s).digest("hex");

export function form(field: string, ip = "127.0.0.1", path = "/wapi/json"): EmulatedRequest {
  const body = Buffer.from(new URLSearchParams({ request: field }).toString());
  return { ip, method: "POST", path, headers: { "content-type": "application/x-www-form-urlencoded" }, body };
}

export interface Envelope {
  user?: string;
  auth?: string;
  command?: string;
  clTRID?: string;
  test?: unknown;
  data?: Record<string, unknown>;
}

export function envelope(h: Harness, command: string, data?: Record<string, unknown>, extra: Partial<Envelope> = {}): Envelope {
  return { user: USER, auth: wapiAuth(USER, PASSWORD, h.now()), command, ...(data ? { data } : {}), ...extra };
}

// Replies are asserted structurally; untyped indexing keeps the expectations readable.
export type Json = Record<string, any>;

export function send(h: Harness, command: string, data?: Record<string, unknown>, extra: Partial<Envelope> = {}, ip?: string): Json {
  const res = h.emu.handle(form(JSON.stringify({ request: envelope(h, command, data, extra) }), ip));
  return (JSON.parse(res.body) as Json).response as Json;
}

export function raw(h: Harness, field: string, ip?: string): Json {
  return (JSON.parse(h.emu.handle(form(field, ip)).body) as Json).response as Json;
}

const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === "row" || name === "domain" });

function toXml(env: Envelope): string {
  const esc = (v: unknown): string => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const fields = (o: Record<string, unknown>): string =>
    Object.entries(o)
      .map(([k, v]) => `<${k}>${typeof v === "object" && v !== null ? fields(v as Record<string, unknown>) : esc(v)}</${k}>`)
      .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><request>${fields(env as Record<string, unknown>)}</request>`;
}

export function sendXml(h: Harness, command: string, data?: Record<string, unknown>): { res: EmulatedResponse; body: Json } {
  const res = h.emu.handle(form(toXml(envelope(h, command, data)), "127.0.0.1", "/wapi/xml"));
  return { res, body: (xmlParser.parse(res.body) as Json).response as Json };
}

export function addZone(h: Harness, name = "example.com", extra: Record<string, unknown> = {}): void {
  expect(send(h, "dns-domain-add", { name, ...extra }).code).toBe(1000);
}

export function addRow(h: Harness, name: string, type: string, rdata: string, ttl: unknown = 300, domain = "example.com"): number {
  return send(h, "dns-row-add", { domain, name, ttl, type, rdata }).code as number;
}

export function rows(h: Harness, domain = "example.com"): Json[] {
  return send(h, "dns-rows-list", { domain }).data.row as Json[];
}

export function zoneState(h: Harness, name = "example.com"): WedosState["domains"][number] {
  const zone = h.emu.snapshot().domains.find((d) => d.name === name);
  if (!zone) throw new Error(`no zone ${name}`);
  return zone;
}
