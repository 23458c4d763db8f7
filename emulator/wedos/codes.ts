/**
 * WAPI return codes and their result texts.
 *
 * General codes use the English texts of the public code list (kb.wedos.com "WAPI – výpis návratových
 * kódů", mirrored by krencl/wedos-api Status.php). Codes that only appear on the Czech per-command DNS
 * pages (2264–2267, 2301–2308, 3258–3264) carry our translation of the Czech text.
 */
const WAPI_CODES: Readonly<Record<number, string>> = {
  1000: "OK",
  1001: "Request pending",
  2000: "Request parse error",
  2001: "Required parameter missing: user",
  2002: "Required parameter missing: auth",
  2003: "Required parameter missing: command",
  2004: "Only one data element is allowed",
  2005: "clTRID too long",
  2006: "Requests limit exceeded",
  2007: "Max request size exceeded",
  2009: "Request is empty",
  2010: "Unknown command",
  2011: "Command disabled",
  2050: "Authentication failure",
  2051: "Access not allowed from this IP address",
  2052: "IP adress temporarily blocked due to too many failed requests",
  2100: "Required parameter missing",
  2101: "Parameters mismatch",
  2102: "Encoding mismatch",
  2201: "Unsupported TLD",
  2202: "Invalid domain name",
  2264: "Invalid KEYSET name",
  2265: "DNSSEC not supported",
  2266: "Unsupported action for secondary domain",
  2267: "Unsupported action for primary domain",
  2301: "Invalid format of type",
  2302: "Missing parameter primary_ip",
  2303: "Invalid format of primary_ip",
  2304: "Invalid format of axfr_enabled",
  2305: "Missing required parameter axfr_ips",
  2306: "Invalid format of axfr_ips",
  2308: "Invalid format of ns",
  2309: "Invalid rdtype",
  2310: "Rows count limit",
  2311: "Invalid name",
  2312: "Name invalid for this rdtype",
  2313: "Invalid CNAME for this name",
  2314: "Invalid rdata for this rdtype",
  2315: "Invalid TTL",
  2316: "This row exists",
  2317: "Invalid TTL limit",
  2318: "Unsupported for secondary domain",
  2319: "Unsupported for primary domain",
  2320: "Invalid or unsupported new domain name",
  2321: "Unsupported TLD of new domain name",
  2322: "Domains count limit exceeded",
  3222: "Domain open failed",
  3223: "Access denied",
  3258: "Registry outage in progress",
  3259: "KEYSET not available",
  3260: "Pending DNSSEC order already exists",
  3262: "DNSSEC setup failed",
  3263: "Domain does not use our DNS",
  3264: "KEYSET is blocked",
  3301: "Domain delete failed",
  3302: "Domain add failed",
  3303: "Domain exists",
  3304: "Domain update failed",
  3305: "Domain locked for editing",
  3306: "Domain deleted",
  3307: "Row add failed",
  3308: "Row delete failed",
  3309: "Row ID does not exist",
  3310: "Row update failed",
  3311: "Domain copy failed",
  3312: "New domain exists",
  4000: "Internal error",
  4001: "Internal exception",
  5000: "Fatal error",
  5001: "Internal authentication error",
  5002: "Pricing error",
  5003: "Out of order",
};

export function resultText(code: number): string {
  return WAPI_CODES[code] ?? "Unknown error";
}

/** Thrown anywhere below the pipeline to end a request with a WAPI code. */
export class WapiError extends Error {
  constructor(readonly code: number) {
    super(`WAPI ${code}: ${resultText(code)}`);
    this.name = `WapiError[${code}]`;
  }
}

/** Ends the current command with `code` unless `ok` holds. */
export function ensure(ok: boolean, code: number): asserts ok {
  if (!ok) throw new WapiError(code);
}
