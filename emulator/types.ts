/**
 * The contract between the shared emulator server (HTTP, faults, latency, persistence, request log)
 * and each fake API. An API emulator is a pure request → response function over its own state.
 */
import type { IncomingHttpHeaders } from "node:http";

export type ApiName = "wedos" | "dnspod";

export interface EmulatedRequest {
  /** Remote address as seen by the server (e.g. "127.0.0.1"). */
  ip: string;
  method: string;
  /** Path without the query string, e.g. "/Record.List" or "/wapi/json". */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EmulatedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One line of the request log: what a test asserts on ("zero calls", "never retried"). */
export interface LogEntry {
  seq: number;
  api: ApiName;
  /** WEDOS command or DNSPod action, "" when the request could not be parsed. */
  op: string;
  /** Request parameters with credentials removed (no auth, login_token, password). */
  params: Record<string, unknown>;
  /** Result code the emulator answered with ("1000", "2050", "1", "-1", …) or the fault kind. */
  code: string;
  /** Set when the response was an injected fault, e.g. "http-503", "reset", "api-2006". */
  fault?: string;
  /** User-Agent header of the request (DNSPod requires one). */
  userAgent?: string;
  at: string;
}

export interface EmulatorContext {
  /** Wall clock of the emulator; tests inject a fixed or shifted clock. */
  now(): Date;
  /** Append to the request log (credentials must already be stripped). */
  log(entry: Omit<LogEntry, "seq" | "at" | "api">): void;
  /** Called after every state change so the server can persist atomically. */
  changed(): void;
  /**
   * Called when what the nameservers serve may have changed, as of `at` (a WEDOS auto-commit is
   * dated when it fell due); the nameservers publish what differs. Absent without nameservers.
   */
  served?(at: Date): void;
}

/** The emulated nameservers as the hub and the admin routes see them (emulator/dns). */
export interface NameserverAdmin {
  served(api: ApiName, at: Date): void;
  /** The APIs' state was replaced (restore, load): publish what differs now. */
  resync(): void;
  /** The APIs' state was emptied: forget every publish and the publish log. */
  reset(): void;
  log(query: URLSearchParams): unknown;
  setDelays(body: unknown): void;
}

export interface ApiEmulator {
  readonly api: ApiName;
  handle(req: EmulatedRequest): EmulatedResponse;
  /**
   * The response an API-level injected fault produces in this API's own envelope, e.g. WEDOS 2006
   * or 2052, DNSPod -2. `op` is the operation parsed from the request when it could be parsed.
   */
  apiFault(code: string, req: EmulatedRequest): EmulatedResponse;
  /** Best-effort name of the operation in a request (for the log of faulted requests). */
  opOf(req: EmulatedRequest): string;
  /** Best-effort parameters of a request, credentials removed (for the log of faulted requests). */
  paramsOf(req: EmulatedRequest): Record<string, unknown>;
  snapshot(): unknown;
  restore(state: unknown): void;
  reset(): void;
}
