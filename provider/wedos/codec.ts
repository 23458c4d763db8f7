/**
 * WAPI's two wire formats and its protocol adapter. The request is one form field `request`
 * holding the whole JSON or XML document; the reply comes back in the format of the URL called.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import type { ProtocolAdapter } from "../http/client-core";
import { HttpStatusError, ResponseParseError } from "../http/errors";
import { wapiAuth } from "./auth";
import { WAPI_OK } from "./codes";
import { WedosApiError } from "./errors";
import { type Envelope, Envelope as EnvelopeSchema } from "./schemas";

export type WedosFormat = "json" | "xml";

interface WapiRequest {
  user: string;
  auth: string;
  command: string;
  clTRID?: string;
  data?: Record<string, unknown>;
}

const builder = new XMLBuilder({ format: false, suppressEmptyNode: false });
const parser = new XMLParser({ parseTagValue: false, ignoreDeclaration: true, trimValues: true });

/** JSON lists (axfr_ips) become repeated child elements in XML: <axfr_ips><ip>…</ip></axfr_ips>. */
function xmlData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) out[k] = Array.isArray(v) ? { ip: v } : v;
  return out;
}

/** JSON lists are sent as the seed's keyed object: {"ip1": "…", "ip2": "…"}. */
function jsonData(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = Array.isArray(v) ? Object.fromEntries(v.map((x, i) => [`ip${i + 1}`, x])) : v;
  }
  return out;
}

function encodeRequest(format: WedosFormat, r: WapiRequest): string {
  const body: Record<string, unknown> = { user: r.user, auth: r.auth, command: r.command };
  if (r.clTRID) body.clTRID = r.clTRID;
  if (format === "json") {
    if (r.data) body.data = jsonData(r.data);
    return JSON.stringify({ request: body });
  }
  if (r.data) body.data = xmlData(r.data);
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ request: body }) as string}`;
}

/** Throws on anything that is not a document in the expected format (HTML pages, plain text, truncation). */
function decodeResponse(format: WedosFormat, body: string): unknown {
  const text = body.trim();
  if (format === "json") {
    if (!text.startsWith("{")) throw new Error("not a JSON document");
    return JSON.parse(text) as unknown;
  }
  if (!/^(<\?xml[^>]*>\s*)?<response[\s>]/.test(text)) throw new Error("not a WAPI XML document");
  const doc = parser.parse(text, true) as Record<string, unknown>;
  if (!doc.response) throw new Error("no <response> element");
  return doc;
}

export interface WedosWire {
  username: string;
  password: string;
  endpoint: string;
  format: WedosFormat;
  now: () => Date;
}

let trid = 0;

/**
 * WAPI as a protocol for the shared client core: one form field `request`, signed afresh per
 * attempt (the hour may turn between retries); an answer succeeds with code 1000 and carries `data`.
 */
export function wedosProtocol(w: WedosWire): ProtocolAdapter {
  return {
    api: "WEDOS",
    encode(command, data) {
      const auth = wapiAuth(w.username, w.password, w.now());
      const clTRID = `pdw-${process.pid}-${++trid}`;
      const hasData = Object.keys(data).length > 0;
      const request = encodeRequest(w.format, { user: w.username, auth, command, clTRID, ...(hasData ? { data } : {}) });
      return { url: w.endpoint, form: new URLSearchParams({ request }) };
    },
    decode(command, object, res) {
      const label = `${command} ${object}`;
      if (res.status !== 200) throw new HttpStatusError("WEDOS", label, res.status, res.body, res.retryAfter);
      let env: Envelope;
      try {
        env = EnvelopeSchema.parse(decodeResponse(w.format, res.body)).response;
      } catch (err) {
        throw new ResponseParseError("WEDOS", label, res.body, err instanceof Error ? err.message.split("\n")[0]! : String(err));
      }
      if (env.code !== WAPI_OK) throw new WedosApiError(env.code, command, object, env.result, env.svTRID);
      return env.data;
    },
    blocks: (err) => err instanceof WedosApiError && (err.kind === "auth" || err.kind === "ip"),
    notSent: (b, command, object) => {
      const code = b instanceof WedosApiError ? b.code : 2050;
      const svTRID = b instanceof WedosApiError ? b.svTRID : undefined;
      return new WedosApiError(
        code,
        command,
        object,
        `not sent: an earlier request of this run got ${code}, and every further request would lengthen WEDOS's IP block`,
        svTRID,
      );
    },
  };
}
