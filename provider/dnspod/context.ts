/**
 * The process-wide DNSPod singletons: one client (and so one request budget) and one record-list
 * cache per account. Built lazily from settings at the first call, so a missing token fails there
 * with a message naming dnspod:loginToken and DNSPOD_LOGIN_TOKEN.
 */
import type { Dispatcher } from "undici";
import { numberSetting, requireSetting, SETTINGS } from "../config";
import { accountBudget, fileBudgetStore, type RequestBudget } from "../http/budget";
import { ListCache } from "../http/list-cache";
import { sleepFor } from "../http/retry";
import { assertSafeEndpoint } from "../http/transport";
import { DnspodClient } from "./client";
import type { RecordRow } from "./schemas";
import { configuredSite, type DnspodSite } from "./site";

export interface DnspodContext {
  client: DnspodClient;
  /** Record.List per domain id: concurrent reads of one zone share one paged listing. */
  records: ListCache<RecordRow>;
  budget: RequestBudget;
  /** api.dnspod.com or dnsapi.cn: how lines are written (an invalid dnspod:site fails here). */
  site: DnspodSite;
  /** How the provider waits, e.g. for a batch job (instant in tests). */
  sleep: (ms: number) => Promise<void>;
}

/** dnsapi.cn answers Record.List and Domain.List pages of up to 3000 rows (api.dnspod.com: 500). */
const CN_PAGE_SIZE = 3000;

/** Test seams: an undici MockAgent, a fixed clock, instant sleeps. */
export interface DnspodOverrides {
  dispatcher?: Dispatcher;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

let current: { key: string; ctx: DnspodContext } | undefined;
let overrides: DnspodOverrides = {};

export function setDnspodOverrides(o: DnspodOverrides): void {
  overrides = o;
  current = undefined;
}

export function resetDnspodContext(): void {
  current = undefined;
}

export function dnspodContext(): DnspodContext {
  const loginToken = requireSetting("DNSPod", SETTINGS.dnspodToken);
  const endpoint = assertSafeEndpoint("DNSPod", requireSetting("DNSPod", SETTINGS.dnspodEndpoint), SETTINGS.dnspodEndpoint.key).toString();
  const perWindow = numberSetting("DNSPod", SETTINGS.dnspodPerHour);
  const windowS = numberSetting("DNSPod", SETTINGS.dnspodWindow);
  const timeoutMs = numberSetting("DNSPod", SETTINGS.dnspodTimeout);
  const site = configuredSite();
  const key = JSON.stringify([loginToken, endpoint, perWindow, windowS, timeoutMs, site]);
  if (current?.key === key) return current.ctx;

  const sleep = overrides.sleep ?? sleepFor;
  const account = `${endpoint}|${loginToken.split(",")[0]}`;
  const budget = accountBudget(
    "DNSPod",
    SETTINGS.dnspodPerHour.key,
    perWindow,
    windowS,
    overrides.now ?? Date.now,
    sleep,
    fileBudgetStore("DNSPod", account),
  );
  const client = new DnspodClient({
    loginToken,
    endpoint,
    budget,
    timeoutMs,
    sleep,
    ...(site === "cn" ? { pageSize: CN_PAGE_SIZE } : {}),
    ...(overrides.dispatcher ? { dispatcher: overrides.dispatcher } : {}),
  });
  const ctx: DnspodContext = { client, budget, site, sleep, records: new ListCache((domainId) => client.listRecords(domainId)) };
  current = { key, ctx };
  return ctx;
}
