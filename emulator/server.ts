/**
 * One loopback HTTP server per fake API. Admin routes under /_emulator are answered by both servers
 * and act on both APIs; everything else goes through latency and fault injection to the API.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type FaultConfig, type FaultDecision, HTML_PROTECTION_PAGE, UA_RATE_LIMIT_BODY } from "./faults";
import type { EmulatorHub } from "./hub";
import type { ApiEmulator, EmulatedRequest, EmulatedResponse } from "./types";

const MAX_BODY = 2 * 1024 * 1024;

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy(new Error("request body too large"));
      else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: EmulatedResponse): void {
  res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body) });
  res.end(r.body);
}

const json = (status: number, body: unknown): EmulatedResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
});

function admin(hub: EmulatorHub, method: string, path: string, body: Buffer, query: URLSearchParams): EmulatedResponse {
  const parsed = () => (body.length ? (JSON.parse(body.toString("utf8")) as unknown) : {});
  switch (`${method} ${path}`) {
    case "GET /_emulator/state":
      return json(200, hub.state());
    case "PUT /_emulator/state":
      hub.restore(parsed() as Record<string, unknown>);
      return json(200, { ok: true });
    case "POST /_emulator/reset":
      hub.reset();
      return json(200, { ok: true });
    case "GET /_emulator/log":
      return json(200, hub.entries);
    case "DELETE /_emulator/log":
      hub.entries.length = 0;
      return json(200, { ok: true });
    case "POST /_emulator/faults":
      hub.setFaults(parsed() as FaultConfig);
      return json(200, { ok: true });
    case "POST /_emulator/latency":
      hub.latencyMs = Number((parsed() as { ms?: number }).ms ?? 0);
      return json(200, { ok: true });
    case "GET /_emulator/dns-log":
      return hub.nameservers ? json(200, hub.nameservers.log(query)) : json(404, { error: "the nameservers are not running" });
    case "POST /_emulator/dns-delay":
      hub.nameservers?.setDelays(parsed());
      return json(hub.nameservers ? 200 : 404, { ok: !!hub.nameservers });
    default:
      return json(404, { error: `no admin route ${method} ${path}` });
  }
}

function faultResponse(api: ApiEmulator, fault: FaultDecision, req: EmulatedRequest): EmulatedResponse | "reset" | "timeout" {
  const text = (status: number, body: string, type = "text/plain; charset=utf-8"): EmulatedResponse => ({
    status,
    headers: { "content-type": type },
    body,
  });
  switch (fault.kind) {
    case "http-500":
      return text(500, "Internal Server Error");
    case "http-502":
      return text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
    case "http-503":
      return text(503, "Service Temporarily Unavailable");
    case "reset":
      return "reset";
    case "timeout":
      return "timeout";
    case "truncated":
      return text(200, '{"response":{"code":10', "application/json");
    case "garbage":
      return text(200, "\u0000\u0013garbage\uFFFD{{", "application/octet-stream");
    case "html":
      return text(200, HTML_PROTECTION_PAGE, "text/html; charset=utf-8");
    case "ua-rate-limit":
      return text(200, UA_RATE_LIMIT_BODY);
    default:
      return api.apiFault(fault.kind.slice("api-".length), req);
  }
}

export function createApiServer(hub: EmulatorHub, api: ApiEmulator): Server {
  return createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const [path = "/", search = ""] = (req.url ?? "/").split("?");
      if (path.startsWith("/_emulator/")) return send(res, admin(hub, req.method ?? "GET", path, body, new URLSearchParams(search)));
      const request: EmulatedRequest = {
        ip: req.socket.remoteAddress ?? "",
        method: req.method ?? "GET",
        path,
        headers: req.headers,
        body,
      };
      if (hub.latencyMs > 0) await new Promise((r) => setTimeout(r, hub.latencyMs));
      const op = api.opOf(request);
      const fault = hub.faults?.decide(api.api, op);
      if (!fault) return send(res, api.handle(request));
      if (fault.afterExecute) api.handle(request);
      hub.log(api.api, {
        op,
        params: api.paramsOf(request),
        code: fault.kind,
        fault: `${fault.kind}${fault.afterExecute ? " (after execute)" : ""}`,
        userAgent: req.headers["user-agent"],
      });
      const r = faultResponse(api, fault, request);
      if (r === "reset") return req.socket.destroy();
      if (r === "timeout") {
        setTimeout(() => req.socket.destroy(), hub.faults?.holdMs ?? 20_000).unref();
        return;
      }
      send(res, r);
    })().catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, headers: { "content-type": "text/plain" }, body: String(err) });
    });
  });
}

export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
