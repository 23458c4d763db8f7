/**
 * The authoritative answer to one question (RFC 1034 §4.3.2, without DNSSEC): the zone by longest
 * suffix (REFUSED outside every zone), a referral below a delegation, CNAME chains inside the zone,
 * wildcards (RFC 4592), NODATA for names that exist without the type, NXDOMAIN for names that do
 * not, both with the zone's SOA in the authority section (RFC 2308).
 */
import { ancestors, type Rr, type ServedZone } from "./served-zone";

export type Rcode = "NOERROR" | "FORMERR" | "SERVFAIL" | "NXDOMAIN" | "NOTIMP" | "REFUSED";

export interface Reply {
  rcode: Rcode;
  /** Authoritative Answer: set on every answer from inside a zone except referrals. */
  aa: boolean;
  answers: Rr[];
  authorities: Rr[];
  additionals: Rr[];
}

export interface Question {
  /** As the client wrote it (its case is echoed in the owner of direct answers). */
  name: string;
  type: string;
  class: string;
}

/** CNAME hops followed inside one zone before the answer stops (a loop ends here too). */
const MAX_CHAIN = 8;

const reply = (rcode: Rcode, aa: boolean, answers: Rr[] = [], authorities: Rr[] = [], additionals: Rr[] = []): Reply => ({
  rcode,
  aa,
  answers,
  authorities,
  additionals,
});

/** The SOA as negative answers carry it: its TTL capped by the minimum field (RFC 2308 §3). */
const negativeSoa = (z: ServedZone): Rr => ({ ...z.soa, ttl: Math.min(z.soa.ttl, (z.soa.data as { minimum: number }).minimum) });

const owned = (rrs: Rr[], owner: string): Rr[] => rrs.map((rr) => ({ ...rr, name: owner }));

function referral(z: ServedZone, cut: string): Reply {
  const ns = z.rrset(cut, "NS");
  const glue = ns.flatMap((r) => [...z.rrset(r.data as string, "A"), ...z.rrset(r.data as string, "AAAA")]);
  return reply("NOERROR", false, [], ns, glue);
}

/** The name whose records answer `name`: itself, or the wildcard of its closest encloser. */
function source(z: ServedZone, name: string): string | undefined {
  if (z.exists(name)) return name;
  const encloser = ancestors(name, z.zone).find((a) => z.exists(a));
  const wildcard = encloser === undefined ? undefined : `*.${encloser}`;
  return wildcard !== undefined && z.node(wildcard) ? wildcard : undefined;
}

export function answer(q: Question, zoneOf: (name: string) => ServedZone | undefined): Reply {
  if (q.class !== "IN" && q.class !== "ANY") return reply("REFUSED", false);
  const lower = q.name.toLowerCase().replace(/\.$/, "");
  const z = zoneOf(lower);
  if (!z) return reply("REFUSED", false);
  if (q.type === "AXFR" || q.type === "IXFR") return reply("REFUSED", true);
  const answers: Rr[] = [];
  let name = lower;
  let owner = q.name.replace(/\.$/, "");
  for (let hop = 0; hop <= MAX_CHAIN; hop++) {
    const cut = z.delegationOf(name);
    if (cut && !(cut === name && q.type === "DS")) return hop === 0 ? referral(z, cut) : reply("NOERROR", true, answers);
    const from = source(z, name);
    if (from === undefined) return reply("NXDOMAIN", true, answers, [negativeSoa(z)]);
    const node = z.node(from);
    if (q.type === "ANY" && node) return reply("NOERROR", true, [...answers, ...owned([...node.values()].flat(), owner)]);
    const wanted = z.rrset(from, q.type);
    if (wanted.length > 0) return reply("NOERROR", true, [...answers, ...owned(wanted, owner)]);
    const cname = q.type === "CNAME" ? [] : z.rrset(from, "CNAME");
    if (cname.length === 0) return reply("NOERROR", true, answers, [negativeSoa(z)]);
    answers.push(...owned(cname, owner));
    const target = (cname[0]!.data as string).toLowerCase();
    // Out of the zone the resolver follows the chain itself (this server is not authoritative there).
    if (!(target === z.zone || target.endsWith(`.${z.zone}`))) return reply("NOERROR", true, answers);
    name = target;
    owner = target;
  }
  return reply("NOERROR", true, answers);
}
