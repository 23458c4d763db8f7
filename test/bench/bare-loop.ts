/**
 * The measured floor of a ZoneRecords create (`make bench`, item 4): the requests the provider makes
 * for a zone of `n` new records, sent by a bare undici loop with no provider code — one listing,
 * the writes `concurrency` at a time, and on WEDOS the commit and the listing for the new ids —
 * against the same emulator at the same latency. What a ZoneRecords row costs beyond it is ours.
 */
import { createHash } from "node:crypto";
import { request } from "undici";
import type { RunningEmulators } from "../../emulator";
import { EMULATOR_PASSWORD, EMULATOR_TOKEN, EMULATOR_USER } from "../e2e/harness";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");
const PRAGUE_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Prague", hour: "2-digit", hourCycle: "h23" });

async function post(url: string, form: Record<string, string>): Promise<unknown> {
  const res = await request(url, {
    method: "POST",
    body: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "bench/1.0 (bench@example.com)" },
  });
  return res.body.json();
}

async function atOnce(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

const host = (i: number) => ({ name: `host-${i}`, rdata: `198.51.${100 + (i >> 8)}.${i & 255}` });

/** One DNSPod request as the provider sends it, credentials and global parameters included. */
export const dnspodPost = (emu: RunningEmulators, action: string, params: Record<string, string>) =>
  post(`${emu.dnspod.endpoint}/${action}`, { login_token: EMULATOR_TOKEN, format: "json", lang: "en", error_on_empty: "no", ...params });

/** Milliseconds for: Record.List, then `n` Record.Create, `concurrency` at a time (api.dnspod.com). */
export async function bareDnspod(emu: RunningEmulators, n: number, concurrency: number): Promise<number> {
  const api = (action: string, params: Record<string, string>) => dnspodPost(emu, action, params);
  const created = (await api("Domain.Create", { domain: "bare.com" })) as { domain: { id: string } };
  const domain_id = created.domain.id;
  const t0 = performance.now();
  await api("Record.List", { domain_id, offset: "0", length: "500" });
  await atOnce(n, concurrency, (i) =>
    api("Record.Create", {
      domain_id,
      sub_domain: host(i).name,
      record_type: "A",
      record_line: "default",
      value: host(i).rdata,
      ttl: "3600",
    }),
  );
  return performance.now() - t0;
}

/** Milliseconds for: dns-rows-list, `n` dns-row-add `concurrency` at a time, dns-domain-commit, dns-rows-list. */
export async function bareWedos(emu: RunningEmulators, n: number, concurrency: number): Promise<number> {
  const api = (command: string, data: Record<string, unknown>) => {
    const auth = sha1(EMULATOR_USER + sha1(EMULATOR_PASSWORD) + PRAGUE_HOUR.format(new Date()));
    return post(emu.wedos.endpoint, { request: JSON.stringify({ request: { user: EMULATOR_USER, auth, command, data } }) });
  };
  await api("dns-domain-add", { name: "bare.cz", type: "primary" });
  const t0 = performance.now();
  await api("dns-rows-list", { domain: "bare.cz" });
  await atOnce(n, concurrency, (i) =>
    api("dns-row-add", { domain: "bare.cz", name: host(i).name, ttl: 3600, type: "A", rdata: host(i).rdata }),
  );
  await api("dns-domain-commit", { name: "bare.cz" });
  await api("dns-rows-list", { domain: "bare.cz" });
  return performance.now() - t0;
}
