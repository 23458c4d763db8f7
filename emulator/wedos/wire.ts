import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import type { EmulatedResponse } from "../types";
import { resultText, WapiError } from "./codes";

/** WAPI answers in the format of the URL it was called on. */
export type WireFormat = "json" | "xml";

export type Params = Record<string, unknown>;

/** The request envelope after decoding, before any check of its contents. */
export interface WapiRequest {
  user?: string;
  auth?: string;
  command?: string;
  clTRID?: string;
  /** The `test` value as sent, kept for the log. */
  test?: unknown;
  data: Params;
}

export interface WapiReply {
  code: number;
  timestamp: number;
  clTRID?: string;
  svTRID: string;
  command: string;
  data?: Params;
}

const PATHS: Readonly<Record<string, WireFormat>> = { "/wapi/json": "json", "/wapi/xml": "xml" };

export function formatOfPath(path: string): WireFormat | undefined {
  return PATHS[path];
}

/** `test: 1`, `"1"`, `true` (clients send all three) ask for a dry run. */
export function isTestRequest(req: WapiRequest): boolean {
  const t = req.test;
  return t === 1 || t === true || t === "1" || t === "true";
}

/** Decodes the `request` field; throws WapiError 2000 (parse error) or 2004 (several data elements). */
export function decodeRequest(format: WireFormat, text: string): WapiRequest {
  const envelope = format === "json" ? parseJson(text) : parseXml(text);
  if (!isRecord(envelope) || !("request" in envelope)) throw new WapiError(2000);
  const inner = envelope.request === "" ? {} : envelope.request;
  if (!isRecord(inner)) throw new WapiError(2000);
  const req: WapiRequest = { data: decodeData(inner.data) };
  assignScalar(req, "user", inner.user);
  assignScalar(req, "auth", inner.auth);
  assignScalar(req, "command", inner.command);
  assignScalar(req, "clTRID", inner.clTRID);
  if (inner.test !== undefined) req.test = inner.test;
  return req;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WapiError(2000);
  }
}

// parseTagValue:false keeps "0300" or "1e3" exactly as sent; WAPI values are all text on the wire.
const xmlParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

function parseXml(text: string): unknown {
  if (XMLValidator.validate(text) !== true) throw new WapiError(2000);
  return xmlParser.parse(text) as unknown;
}

function decodeData(data: unknown): Params {
  if (data === undefined || data === null || data === "") return {};
  if (Array.isArray(data)) throw new WapiError(2004);
  if (!isRecord(data)) throw new WapiError(2000);
  return data;
}

type ScalarKey = "user" | "auth" | "command" | "clTRID";

function assignScalar(req: WapiRequest, key: ScalarKey, value: unknown): void {
  if (typeof value === "string" || typeof value === "number") req[key] = String(value);
}

function isRecord(value: unknown): value is Params {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Pretty-printed like the KB samples; the real service's whitespace is irrelevant to XML clients.
const xmlBuilder = new XMLBuilder({ format: true, suppressEmptyNode: false, indentBy: " " });

/** The WAPI envelope: numeric code and timestamp, clTRID only when sent, data only when returned. */
export function encodeReply(format: WireFormat, reply: WapiReply): EmulatedResponse {
  const response: Params = { code: reply.code, result: resultText(reply.code), timestamp: reply.timestamp };
  if (reply.clTRID !== undefined) response.clTRID = reply.clTRID;
  response.svTRID = reply.svTRID;
  response.command = reply.command;
  if (reply.data !== undefined) response.data = reply.data;
  if (format === "json") {
    // The real WAPI labels its JSON as HTML; clients must not insist on application/json.
    return {
      status: 200,
      headers: { "content-type": "text/html; charset=UTF-8" },
      body: JSON.stringify({ response }),
    };
  }
  return {
    status: 200,
    headers: { "content-type": "text/xml; charset=UTF-8" },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${xmlBuilder.build({ response }) as string}`,
  };
}

export function notFound(): EmulatedResponse {
  return { status: 404, headers: { "content-type": "text/plain; charset=UTF-8" }, body: "Not Found" };
}
