import type { IncomingHttpHeaders } from "node:http";

/**
 * WAPI takes the whole request document in one form field named `request`. lego posts it
 * urlencoded; PHP clients that pass an array to cURL send multipart/form-data. Returns undefined when
 * the body holds no such field (which WAPI answers with 2009, "request is empty").
 */
export function extractRequestField(headers: IncomingHttpHeaders, body: Buffer): string | undefined {
  if (body.length === 0) return undefined;
  const contentType = String(headers["content-type"] ?? "");
  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) return multipartField(body, boundary, "request");
  // No or another content type: read it as urlencoded, the only other encoding a form can have.
  return new URLSearchParams(body.toString("utf8")).get("request") ?? undefined;
}

function multipartBoundary(contentType: string): string | undefined {
  if (!/^\s*multipart\/form-data\b/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Minimal RFC 7578 reader: enough for one text field, no nested multiparts, no transfer encodings. */
function multipartField(body: Buffer, boundary: string, name: string): string | undefined {
  const delimiter = Buffer.from(`--${boundary}`, "latin1");
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const partStart = pos + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString("latin1") === "--") return undefined;
    const headerEnd = body.indexOf("\r\n\r\n", partStart, "latin1");
    if (headerEnd === -1) return undefined;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n", "latin1"), delimiter]), headerEnd);
    if (next === -1) return undefined;
    const headers = body.toString("utf8", partStart, headerEnd);
    if (partName(headers) === name) return body.toString("utf8", headerEnd + 4, next);
    pos = next + 2;
  }
  return undefined;
}

function partName(headers: string): string | undefined {
  const disposition = headers.split("\r\n").find((line) => /^content-disposition\s*:/i.test(line));
  if (!disposition) return undefined;
  const m = /;\s*name="([^"]*)"/i.exec(disposition) ?? /;\s*name=([^;\s]+)/i.exec(disposition);
  return m?.[1];
}
