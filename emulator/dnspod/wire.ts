/**
 * Wire-level helpers: form parsing, the status envelope, dates, and the outcome type every action
 * handler returns. Handlers never build HTTP responses themselves, so the envelope lives here only.
 */
import { XMLBuilder } from "fast-xml-parser";
import type { EmulatedResponse } from "../types";
import type { DnspodEmulatorOptions, DnspodState } from "./state";

/** Form fields of one request (last value wins for repeated fields, as PHP does). */
export type Params = Readonly<Record<string, string>>;

/**
 * Why a code was given when the service words that case apart from the action's standard text, e.g.
 * which parameter was invalid; messages.ts turns it into the text of the answer's language.
 */
export interface Reason {
  key: "param" | "ttlMax" | "unknownAction" | "domainName" | "domainNotAdded" | "duplicate";
  /** The parameter or action the text names. */
  arg?: string;
}

/** What an action handler decides; the envelope and message are added by the dispatcher. */
export interface Outcome {
  code: string;
  reason?: Reason;
  payload?: Record<string, unknown>;
  /** True when the state changed (the server persists after it). */
  mutated?: boolean;
}

/** Everything a handler may look at; `state` is mutated in place. */
export interface Call {
  action: string;
  params: Params;
  state: DnspodState;
  options: DnspodEmulatorOptions;
  now: Date;
  ip: string;
  /** `error_on_empty` (default yes): empty lists answer the action's "empty result" code. */
  errorOnEmpty: boolean;
  /** The ID half of the login token (Domain.Info `user_id`). */
  userId: string;
}

export type Handler = (call: Call) => Outcome;

export const ok = (payload?: Record<string, unknown>, mutated = false): Outcome => ({
  code: "1",
  ...(payload ? { payload } : {}),
  mutated,
});

export const fail = (code: string, reason?: Reason): Outcome => (reason === undefined ? { code } : { code, reason });

/** Code 6 for an invalid parameter, naming it. */
export const badParam = (code: string, name: string): Outcome => fail(code, { key: "param", arg: name });

export function parseForm(body: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(body.toString("utf8"))) out[k] = v;
  return out;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "YYYY-MM-DD". The emulator keeps every date in UTC so tests do not depend on the host zone. */
export function formatDate(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** "YYYY-MM-DD HH:MM:SS", the format of `created_at`, `updated_on` and friends. */
export function formatDateTime(d: Date): string {
  return `${formatDate(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * A non-negative integer parameter, or undefined when absent; NaN marks "present but invalid" so
 * callers can pick their action's own code for it.
 */
export function intParam(params: Params, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}

export type WireFormat = "json" | "xml";

/** The vendor documents `format` as defaulting to xml; anything but "json" gets XML. */
export function wireFormat(params: Params): WireFormat {
  return params.format?.toLowerCase() === "json" ? "json" : "xml";
}

const xmlBuilder = new XMLBuilder({ ignoreAttributes: true, format: false });

/** Arrays become repeated <item> children; the vendor's XML element names are undocumented. */
function toXmlTree(value: unknown): unknown {
  if (Array.isArray(value)) return { item: value.map(toXmlTree) };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlTree(v)]));
  }
  return value;
}

export function envelope(
  code: string,
  message: string,
  now: Date,
  payload: Record<string, unknown> = {},
  format: WireFormat = "json",
  httpStatus = 200,
): EmulatedResponse {
  const doc = { status: { code, message, created_at: formatDateTime(now) }, ...payload };
  if (format === "xml") {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>${xmlBuilder.build({ dnspod: toXmlTree(doc) })}`;
    return { status: httpStatus, headers: { "content-type": "text/xml; charset=utf-8" }, body: xml };
  }
  return {
    status: httpStatus,
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify(doc),
  };
}
