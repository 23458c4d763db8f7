/**
 * The DNSPod context a resource works in: the client of one account (and so one request budget
 * and one listing cache) and the site it speaks to. Resource methods take it as a parameter; only
 * the entry points (provider/runtime.ts, the data sources, `export`) build it from the settings,
 * once per account and process.
 */
import type { Dispatcher } from "undici";
import { numberSetting, requireSetting, SETTINGS } from "../config";
import { defineResource, type ResourceParts } from "../define";
import type { Described, InputsOf, ObjectSchema, OutputsOf } from "../descriptor";
import { accountBudget, fileBudgetStore } from "../http/budget";
import { sleepFor } from "../http/retry";
import { assertSafeEndpoint } from "../http/transport";
import type { ServedSeams } from "../served/operation";
import { DnspodClient } from "./client";
import { configuredSite, type DnspodSite } from "./site";

export interface DnspodContext {
  client: DnspodClient;
  /** api.dnspod.com or dnsapi.cn: how lines are written. */
  site: DnspodSite;
  /** How the provider waits, e.g. for a batch job (instant in tests). */
  sleep: (ms: number) => Promise<void>;
  /** How waitUntilServed asks the nameservers (real DNS and clock unless a test says otherwise). */
  served?: ServedSeams;
}

/** dnsapi.cn answers Record.List and Domain.List pages of up to 3000 rows (api.dnspod.com: 500). */
const CN_PAGE_SIZE = 3000;

/** What a DNSPod context is built from: the account, the endpoint, the site and the budget. */
export interface DnspodSettings {
  loginToken: string;
  endpoint: string;
  site: DnspodSite;
  requestsPerWindow: number;
  windowSeconds: number;
  timeoutMs: number;
}

/** What tests put in place of the network, the clock and waiting. */
export interface Seams {
  dispatcher?: Dispatcher;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  served?: ServedSeams;
}

export function makeDnspodContext(s: DnspodSettings, seams: Seams = {}): DnspodContext {
  const sleep = seams.sleep ?? sleepFor;
  const account = `${s.endpoint}|${s.loginToken.split(",")[0]}`;
  const store = fileBudgetStore("DNSPod", account, 2 * s.windowSeconds * 1000);
  const budget = accountBudget(
    "DNSPod",
    SETTINGS.dnspodPerHour.key,
    s.requestsPerWindow,
    s.windowSeconds,
    seams.now ?? Date.now,
    sleep,
    store,
  );
  const client = new DnspodClient({
    loginToken: s.loginToken,
    endpoint: s.endpoint,
    budget,
    timeoutMs: s.timeoutMs,
    sleep,
    ...(s.site === "cn" ? { pageSize: CN_PAGE_SIZE } : {}),
    ...(seams.dispatcher ? { dispatcher: seams.dispatcher } : {}),
  });
  return { client, site: s.site, sleep, ...(seams.served ? { served: seams.served } : {}) };
}

/** The settings from stack config and environment; a missing token fails here, naming both. */
function dnspodSettings(): DnspodSettings {
  return {
    loginToken: requireSetting("DNSPod", SETTINGS.dnspodToken),
    endpoint: assertSafeEndpoint("DNSPod", requireSetting("DNSPod", SETTINGS.dnspodEndpoint), SETTINGS.dnspodEndpoint.key).toString(),
    site: configuredSite(),
    requestsPerWindow: numberSetting("DNSPod", SETTINGS.dnspodPerHour),
    windowSeconds: numberSetting("DNSPod", SETTINGS.dnspodWindow),
    timeoutMs: numberSetting("DNSPod", SETTINGS.dnspodTimeout),
  };
}

let current: { key: string; ctx: DnspodContext } | undefined;

/** The process's context for the configured account, built at the first call that needs it. */
export function dnspodContext(): DnspodContext {
  const s = dnspodSettings();
  const key = JSON.stringify(s);
  if (current?.key !== key) current = { key, ctx: makeDnspodContext(s) };
  return current.ctx;
}

/** Drops the process's context, so the next call builds a new one (tests whose API state restarts). */
export function forgetDnspodContext(): void {
  current = undefined;
}

/** defineResource for a dnspod resource: its methods take a DnspodContext. */
export function defineDnspodResource<In extends ObjectSchema, Out extends ObjectSchema>(
  d: Described<In, Out>,
  parts: ResourceParts<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>, DnspodContext>,
) {
  return defineResource(d, parts);
}
