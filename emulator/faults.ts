/**
 * Deterministic fault injection: a seeded PRNG decides, per request, whether it fails and how.
 * The same seed and request order give the same faults, so a failing run can be replayed.
 */
import type { ApiName } from "./types";

export const TRANSPORT_FAULTS = [
  "http-500",
  "http-502",
  "http-503",
  "reset",
  "timeout",
  "truncated",
  "garbage",
  "html",
  "ua-rate-limit",
] as const;
const API_FAULTS: Record<ApiName, readonly string[]> = {
  wedos: ["api-2006", "api-2052"],
  dnspod: ["api--2"],
};
export type FaultKind = (typeof TRANSPORT_FAULTS)[number] | `api-${string}`;

export interface FaultConfig {
  /** Probability 0–1 that a request gets a fault. */
  rate: number;
  seed?: number;
  /** Restrict to these kinds (default: every transport kind plus the API's own codes). */
  kinds?: FaultKind[];
  /** Restrict to these APIs (default both). */
  apis?: ApiName[];
  /** Never fault these operations (e.g. to keep a test's own set-up calls clean). */
  exceptOps?: string[];
  /** How long a "timeout" fault holds the connection before dropping it (default 20 s). */
  holdMs?: number;
}

export interface FaultDecision {
  kind: FaultKind;
  /** True when the request is executed before the response is lost (the client cannot know). */
  afterExecute: boolean;
}

/** mulberry32: tiny, fast, good enough to spread faults evenly and reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private random: () => number;
  constructor(private config: FaultConfig) {
    this.random = prng(config.seed ?? 1);
  }

  get holdMs(): number {
    return this.config.holdMs ?? 20_000;
  }

  decide(api: ApiName, op: string): FaultDecision | undefined {
    const c = this.config;
    if (c.rate <= 0) return undefined;
    if (c.apis && !c.apis.includes(api)) return undefined;
    if (c.exceptOps?.includes(op)) return undefined;
    if (this.random() >= c.rate) return undefined;
    const allowed = [...TRANSPORT_FAULTS, ...API_FAULTS[api]] as FaultKind[];
    const kinds = c.kinds ? c.kinds.filter((k) => allowed.includes(k)) : allowed;
    if (kinds.length === 0) return undefined;
    const kind = kinds[Math.floor(this.random() * kinds.length)]!;
    // Only faults that can plausibly strike after the server acted are executed first: an API
    // rejection (2006, -2) or a protection page never reaches the backend.
    const canBeAfter = kind === "http-500" || kind === "http-502" || kind === "reset" || kind === "timeout" || kind === "truncated";
    return { kind, afterExecute: canBeAfter && this.random() < 0.5 };
  }
}

export const HTML_PROTECTION_PAGE =
  "<!DOCTYPE html><html><head><title>WEDOS Protection</title></head><body><h1>Protection</h1>" +
  "<p>Your request was held by the cyber-protection layer. Try again later.</p></body></html>";
export const UA_RATE_LIMIT_BODY = "User-Agent Rate Limit";
