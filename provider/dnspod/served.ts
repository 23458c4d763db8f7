/**
 * waitUntilServed on DNSPod: its records in the DNS's terms, and the domain whose nameservers are
 * asked (Domain.Info names the domain and its `dnspod_ns`). DNSPod serves the enabled records of
 * the default line right after each write; records of other lines answer only the resolvers DNSPod
 * places on them, and URL records are HTTP forwarding: both are reported as not verified.
 */
import type { ServedChange, ServedRecord } from "../served/change";
import type { ServedTarget } from "../served/operation";
import type { DnspodContext } from "./context";
import type { RecordIdentity } from "./convert";
import { DEFAULT_LINE_KEY } from "./lines";

/** A record as a resource knows it: identity, and the attributes that change what is served. */
export type DnspodServedRecord = RecordIdentity & { mx?: number | undefined; status?: string | undefined };

const URL_TYPES = new Set(["URL", "Framed URL"]);

/** Domain.Info: the domain's name (for the records' names) and the nameservers to ask. */
export async function dnspodTarget({ client, served }: DnspodContext, domainId: string): Promise<{ zone: string; target: ServedTarget }> {
  const d = await client.domainInfo({ id: domainId });
  if (!d) throw new Error(`DNSPod Domain.Info domain ${domainId}: the domain is gone, so nothing of it is served`);
  const zone = (d.punycode || d.name).toLowerCase();
  const listed = (d as { dnspod_ns?: unknown }).dnspod_ns;
  const nameservers = Array.isArray(listed) ? listed.map(String) : [];
  return { zone, target: { api: "dnspod", label: `DNSPod domain ${zone}`, zoneNameservers: async () => nameservers, seams: served } };
}

function served(zone: string, r: DnspodServedRecord): ServedRecord {
  return {
    name: r.subDomain === "@" ? zone : `${r.subDomain}.${zone}`,
    type: r.recordType,
    rdata: r.recordType === "MX" ? `${r.mx ?? 10} ${r.value}` : r.value,
  };
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/**
 * The change as the nameservers should show it (a disabled record must not be answered), and a
 * sentence for what cannot be checked from one place.
 */
export function dnspodChange(
  zone: string,
  written: readonly DnspodServedRecord[],
  removed: readonly DnspodServedRecord[],
): { change: ServedChange; notVerified: string | undefined } {
  const all = [...written, ...removed];
  const checkable = (r: DnspodServedRecord) => r.recordLine === DEFAULT_LINE_KEY && !URL_TYPES.has(r.recordType);
  const change: ServedChange = {
    present: written.filter((r) => checkable(r) && r.status !== "disable").map((r) => served(zone, r)),
    absent: [...written.filter((r) => checkable(r) && r.status === "disable"), ...removed.filter(checkable)].map((r) => served(zone, r)),
  };
  const lines = all.filter((r) => r.recordLine !== DEFAULT_LINE_KEY);
  const urls = all.filter((r) => r.recordLine === DEFAULT_LINE_KEY && URL_TYPES.has(r.recordType));
  const parts = [
    lines.length
      ? `${plural(lines.length, "record")} on lines other than the default (${[...new Set(lines.map((r) => r.recordLine))].join(", ")}): only resolvers DNSPod places on those lines get them`
      : "",
    urls.length ? `${plural(urls.length, "URL record")}: URL forwarding is HTTP, not DNS data` : "",
  ].filter(Boolean);
  return { change, notVerified: parts.length ? `DNSPod domain ${zone}: not verified, not waited for: ${parts.join("; ")}` : undefined };
}
