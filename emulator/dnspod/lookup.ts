/** Small helpers over the state that several action modules need. */
import type { DnspodDomain, DnspodLock, DnspodState } from "./state";
import { asciiDomain } from "./validate";
import { formatDateTime, type Call } from "./wire";

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

export function isVipGrade(grade: string): boolean {
  return grade !== "DP_Free";
}

/** [G] Titles of paid grades are not in the seed; the free one ("Free") is. */
export function gradeTitle(grade: string): string {
  const titles: Record<string, string> = {
    DP_Free: "Free",
    DP_Plus: "Plus",
    DP_Extra: "Extra",
    DP_Expert: "Expert",
    DP_Ultra: "Ultra",
  };
  return titles[grade] ?? grade;
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
