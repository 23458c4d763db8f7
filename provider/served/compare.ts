/**
 * Pure comparison of what a nameserver answers with what was declared: an answer becomes an
 * Observation (the records of the asked name and type, canonical), and an Expectation against it
 * either holds or yields a Difference that says what is missing and what should not be there.
 */
import type { DecodedPacket } from "dns-packet";
import { canonicalAnswer, canonicalName, canonicalRdata } from "./records";

/** What must (and must not) be answered for one name and type. Records in presentation form. */
export interface Expectation {
  /** The owner name, absolute; any case, with or without the trailing dot. */
  name: string;
  type: string;
  /** Each must be answered (added or changed records). */
  present: string[];
  /** None may be answered (removed records). */
  absent?: string[];
  /** Nothing but `present` may be answered (a whole RRset, as `verify` knows it). */
  exact?: boolean;
}

/** One server's answer to one question: records (NOERROR or NXDOMAIN), or why there are none to compare. */
export type Observation = { rcode: "NOERROR" | "NXDOMAIN"; records: string[] } | { failure: string };

export interface Difference {
  name: string;
  type: string;
  /** The declared records (canonical), those that must be gone, what was served (canonical), and in words. */
  expected: string[];
  absent: string[];
  served: string[];
  answer: string;
  missing: string[];
  unexpected: string[];
}

/**
 * The records a reply holds for the question: the answer section's records of that owner and type
 * (a CNAME chain's other records are not the question's). A referral (not authoritative, NS in the
 * authority section) answers an NS question at the delegation with those NS records.
 */
export function observe(question: { name: string; type: string }, reply: DecodedPacket): Observation {
  const rcode = (reply as { rcode?: string }).rcode ?? "NOERROR";
  if (rcode !== "NOERROR" && rcode !== "NXDOMAIN") return { failure: rcode };
  const name = canonicalName(question.name);
  const of = (list: DecodedPacket["answers"]) =>
    (list ?? []).filter((rr) => rr.type === question.type && canonicalName(rr.name) === name).map(canonicalAnswer);
  if (reply.flag_aa) return { rcode, records: of(reply.answers) };
  const referral = of(reply.authorities);
  if (question.type === "NS" && referral.length > 0) return { rcode, records: referral };
  const to = (reply.authorities ?? []).find((rr) => rr.type === "NS")?.name;
  return {
    failure: to ? `a referral to the nameservers of ${canonicalName(to)} (not authoritative)` : "an answer that is not authoritative",
  };
}

/** What a server answered, in words: the records, or "nothing (NXDOMAIN)", or the failure. */
export function describe(o: Observation): string {
  if ("failure" in o) return o.failure;
  if (o.records.length > 0) return o.records.join(", ");
  return o.rcode === "NXDOMAIN" ? "nothing (NXDOMAIN)" : "nothing (NODATA)";
}

export function compare(e: Expectation, o: Observation): Difference | undefined {
  const expected = [...new Set(e.present.map((r) => canonicalRdata(e.type, r)))].sort();
  const absent = new Set((e.absent ?? []).map((r) => canonicalRdata(e.type, r)));
  const served = "failure" in o ? [] : [...new Set(o.records)].sort();
  const missing = "failure" in o ? expected : expected.filter((r) => !served.includes(r));
  const unexpected = served.filter((r) => (e.exact ? !expected.includes(r) : absent.has(r)));
  // A server that does not answer cannot show that anything is, or is no longer, served.
  const failed = "failure" in o;
  if (missing.length === 0 && unexpected.length === 0 && !failed) return undefined;
  return {
    name: canonicalName(e.name),
    type: e.type.toUpperCase(),
    expected,
    absent: [...absent].sort(),
    served,
    answer: describe(o),
    missing,
    unexpected,
  };
}
