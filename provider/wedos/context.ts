/**
 * The WEDOS context a resource works in: the client of one account (and so one request budget
 * and one listing cache) and the commit coalescer of its zones. Resource methods take it as a
 * parameter; only the entry points (provider/runtime.ts, the data sources, `export`) build it from
 * the settings, once per account and process, so concurrent resources share its budget and commits.
 */
import type { Dispatcher } from "undici";
import { numberSetting, requireSetting, SETTINGS, setting } from "../config";
import { defineResource, type ResourceParts } from "../define";
import type { Described, InputsOf, ObjectSchema, OutputsOf } from "../descriptor";
import { accountBudget, fileBudgetStore } from "../http/budget";
import { sleepFor } from "../http/retry";
import { assertSafeEndpoint } from "../http/transport";
import type { ServedSeams } from "../served/operation";
import { WedosClient } from "./client";
import type { WedosFormat } from "./codec";
import { CommitCoalescer } from "./commit";

export interface WedosContext {
  client: WedosClient;
  commits: CommitCoalescer;
  /** How waitUntilServed asks the nameservers (real DNS and clock unless a test says otherwise). */
  served?: ServedSeams;
}

/** What a WEDOS context is built from: the account, the endpoint and the budget. */
export interface WedosSettings {
  username: string;
  password: string;
  endpoint: string;
  format: WedosFormat;
  requestsPerWindow: number;
  windowSeconds: number;
  timeoutMs: number;
}

/** What tests put in place of the network, the clock and waiting. */
export interface Seams {
  dispatcher?: Dispatcher;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  served?: ServedSeams;
}

export function makeWedosContext(s: WedosSettings, seams: Seams = {}): WedosContext {
  const sleep = seams.sleep ?? sleepFor;
  const clock = () => (seams.now ?? (() => new Date()))().getTime();
  const store = fileBudgetStore("WEDOS", `${s.endpoint}|${s.username}`, 2 * s.windowSeconds * 1000);
  const budget = accountBudget("WEDOS", SETTINGS.wedosPerHour.key, s.requestsPerWindow, s.windowSeconds, clock, sleep, store);
  const client = new WedosClient({
    username: s.username,
    password: s.password,
    endpoint: s.endpoint,
    format: s.format,
    budget,
    timeoutMs: s.timeoutMs,
    sleep,
    ...(seams.dispatcher ? { dispatcher: seams.dispatcher } : {}),
    ...(seams.now ? { now: seams.now } : {}),
  });
  // Under a steady stream of mutations (the engine creating many rows a few hundred ms apart) a
  // commit waits for the stream to pause for a second, at most 8 s, so 1,000 rows cost a couple
  // of dozen commits, not one each; a lone mutation still commits after 120 ms.
  const commits = new CommitCoalescer({ commit: (zone) => client.commit(zone), maxWaitMs: 8_000, paceFactor: 10 });
  return { client, commits, ...(seams.served ? { served: seams.served } : {}) };
}

/** The settings from stack config and environment; missing credentials fail here, naming both. */
function wedosSettings(): WedosSettings {
  const format = setting(SETTINGS.wedosFormat);
  if (format !== "json" && format !== "xml") {
    throw new Error(`WEDOS: ${SETTINGS.wedosFormat.key} / ${SETTINGS.wedosFormat.env} must be "json" or "xml", got "${format}"`);
  }
  return {
    username: requireSetting("WEDOS", SETTINGS.wedosUsername),
    password: requireSetting("WEDOS", SETTINGS.wedosPassword),
    endpoint: assertSafeEndpoint("WEDOS", requireSetting("WEDOS", SETTINGS.wedosEndpoint), SETTINGS.wedosEndpoint.key).toString(),
    format,
    requestsPerWindow: numberSetting("WEDOS", SETTINGS.wedosPerHour),
    windowSeconds: numberSetting("WEDOS", SETTINGS.wedosWindow),
    timeoutMs: numberSetting("WEDOS", SETTINGS.wedosTimeout),
  };
}

let current: { key: string; ctx: WedosContext } | undefined;

/** The process's context for the configured account, built at the first call that needs it. */
export function wedosContext(): WedosContext {
  const s = wedosSettings();
  const key = JSON.stringify(s);
  if (current?.key !== key) current = { key, ctx: makeWedosContext(s) };
  return current.ctx;
}

/** Drops the process's context, so the next call builds a new one (tests whose API state restarts). */
export function forgetWedosContext(): void {
  current = undefined;
}

/** defineResource for a wedos resource: its methods take a WedosContext. */
export function defineWedosResource<In extends ObjectSchema, Out extends ObjectSchema>(
  d: Described<In, Out>,
  parts: ResourceParts<InputsOf<Described<In, Out>>, OutputsOf<Described<In, Out>>, WedosContext>,
) {
  return defineResource(d, parts);
}
