/**
 * The process-wide WEDOS singletons: one client (and so one request budget), one commit
 * coalescer and one listing cache per account. Built lazily from settings at the first call, so
 * missing credentials fail there with a message naming the config key and the variable.
 */
import type { Dispatcher } from "undici";
import { numberSetting, requireSetting, SETTINGS, setting } from "../config";
import { accountBudget, fileBudgetStore, type RequestBudget } from "../http/budget";
import { ListCache } from "../http/list-cache";
import { sleepFor } from "../http/retry";
import { assertSafeEndpoint } from "../http/transport";
import { WedosClient } from "./client";
import type { WedosFormat } from "./codec";
import { CommitCoalescer } from "./commit";
import type { Row } from "./schemas";

export interface WedosContext {
  client: WedosClient;
  commits: CommitCoalescer;
  rows: ListCache<Row>;
  budget: RequestBudget;
}

/** Test seams: an undici MockAgent, a fixed clock, instant sleeps. */
export interface WedosOverrides {
  dispatcher?: Dispatcher;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

let current: { key: string; ctx: WedosContext } | undefined;
let overrides: WedosOverrides = {};

export function setWedosOverrides(o: WedosOverrides): void {
  overrides = o;
  current = undefined;
}

export function resetWedosContext(): void {
  current = undefined;
}

export function wedosContext(): WedosContext {
  const username = requireSetting("WEDOS", SETTINGS.wedosUsername);
  const password = requireSetting("WEDOS", SETTINGS.wedosPassword);
  const endpoint = assertSafeEndpoint("WEDOS", requireSetting("WEDOS", SETTINGS.wedosEndpoint), SETTINGS.wedosEndpoint.key).toString();
  const format = setting(SETTINGS.wedosFormat);
  if (format !== "json" && format !== "xml") {
    throw new Error(`WEDOS: ${SETTINGS.wedosFormat.key} / ${SETTINGS.wedosFormat.env} must be "json" or "xml", got "${format}"`);
  }
  const perWindow = numberSetting("WEDOS", SETTINGS.wedosPerHour);
  const windowS = numberSetting("WEDOS", SETTINGS.wedosWindow);
  const timeoutMs = numberSetting("WEDOS", SETTINGS.wedosTimeout);
  const key = JSON.stringify([username, password, endpoint, format, perWindow, windowS, timeoutMs]);
  if (current?.key === key) return current.ctx;

  const sleep = overrides.sleep ?? sleepFor;
  const clock = () => (overrides.now ?? (() => new Date()))().getTime();
  const budget = accountBudget(
    "WEDOS",
    SETTINGS.wedosPerHour.key,
    perWindow,
    windowS,
    clock,
    sleep,
    fileBudgetStore("WEDOS", `${endpoint}|${username}`),
  );
  const client = new WedosClient({
    username,
    password,
    endpoint,
    format: format as WedosFormat,
    budget,
    timeoutMs,
    sleep,
    ...(overrides.dispatcher ? { dispatcher: overrides.dispatcher } : {}),
    ...(overrides.now ? { now: overrides.now } : {}),
  });
  const ctx: WedosContext = {
    client,
    budget,
    commits: new CommitCoalescer({ commit: (zone) => client.commit(zone) }),
    rows: new ListCache((zone) => client.listRows(zone)),
  };
  current = { key, ctx };
  return ctx;
}
