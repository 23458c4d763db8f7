/** Small helpers over the state that several action modules need. */
import type { DnspodDomain, DnspodLock, DnspodState } from "./state";
import { asciiDomain } from "./validate";
import { type Call, fail, formatDateTime, type Outcome } from "./wire";

/**
 * The domain named by `domain_id` or `domain` (the vendor: "you only need to and must set one of
 * them"); `domain_id` wins when both are sent. Ids arrive as strings or numbers-as-strings.
 */
export function resolveDomain(call: Call): DnspodDomain | undefined {
  const { domain_id: id, domain: name } = call.params;
  if (id !== undefined && id !== "") {
    return /^\d+$/.test(id.trim()) ? call.state.domains.find((d) => d.id === Number(id)) : undefined;
  }
  return findByName(call.state, name);
}

/**
 * The code for a domain that resolveDomain() did not find: 6 for an id, and for a `domain` that is
 * not a registrable name; a well-formed name that is not in the account is 13 on dnsapi.cn (recorded:
 * lexicon's dnspod cassette test_Provider_authenticate_with_unmanaged_domain_should_fail; 13 for
 * every action, not just Domain.Info, is [G]) and 6 on api.dnspod.com. messages.ts words each case.
 */
export function noDomain(call: Call): Outcome {
  const { domain_id: id, domain: name } = call.params;
  if (id !== undefined && id !== "") return fail("6");
  if (!asciiDomain(name)) return fail("6", { key: "domainName" });
  return fail(call.options.site === "cn" ? "13" : "6", { key: "domainNotAdded" });
}

export function findByName(state: DnspodState, name: string | undefined): DnspodDomain | undefined {
  const ascii = asciiDomain(name);
  return ascii === undefined ? undefined : state.domains.find((d) => d.punycode === ascii);
}

/** The lock in force now, if any; an expired lock counts as no lock (it is purged on write). */
export function activeLock(domain: DnspodDomain, now: Date): DnspodLock | undefined {
  const lock = domain.lock;
  if (!lock) return undefined;
  return now.getTime() < Date.parse(lock.endsAt) ? lock : undefined;
}

/** Records a change in Domain.Log and bumps `updated_on`. */
export function logChange(domain: DnspodDomain, now: Date, text: string): void {
  const at = formatDateTime(now);
  domain.updatedOn = at;
  domain.log.push(`${at}: ${text}`);
}

export const SYSTEM_GROUPS: ReadonlyArray<{ id: number; name: string }> = [
  { id: 1, name: "Default Group" },
  { id: 2, name: "Often Change" },
  { id: 3, name: "Few Change" },
  { id: 4, name: "Expiring" },
  { id: 5, name: "Personal Domain" },
  { id: 6, name: "Company Domain" },
  { id: 7, name: "Customer Domain" },
  { id: 8, name: "Shared To Me" },
];

export function groupExists(state: DnspodState, id: number): boolean {
  return SYSTEM_GROUPS.some((g) => g.id === id) || state.groups.some((g) => g.id === id);
}
