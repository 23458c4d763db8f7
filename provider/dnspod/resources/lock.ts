/**
 * dnspod.DomainLock: Domain.Lock for `days` days, id = domain id. While it holds, DNSPod refuses
 * record writes (21) and removing or disabling the domain (7) — the errors point here. The lock
 * code is the only way to unlock early; it is a secret output (the SDK class lists it in
 * additionalSecretOutputs) and delete uses it. read asks Domain.Lockstatus: an expired or
 * removed lock reads as gone. An imported lock has no code (DNSPod tells it only when the lock is
 * taken), so it cannot be removed early; its days are read from its start and end dates.
 */
import { defineResource } from "../../define";
import { dnspodContext } from "../context";
import { LockResource } from "./descriptors";

const DAY_MS = 86_400_000;

/** Whole days from the start to the end date ("YYYY-MM-DD"), if both parse. */
function lockDays(start: string, end: string): number | undefined {
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS);
  return Number.isFinite(days) && days >= 1 ? days : undefined;
}

export const lockImpl = defineResource(LockResource, {
  // A domain holds one lock at a time (21): a new lock on the same domain needs the old one gone.
  deleteBeforeReplace: (olds, news) => olds.domainId === news.domainId,

  async create(inputs) {
    const { lockCode, lockEnd } = await dnspodContext().client.lockDomain(inputs.domainId, inputs.days);
    return { id: inputs.domainId, outs: { ...inputs, lockCode, lockEnd } };
  },

  async read(id, props) {
    const lock = await dnspodContext().client.lockStatus(id);
    if (!lock || lock.lock_status === "no") return undefined;
    // An import knows no days: they are the lock's length, from its start and end dates.
    const days = props.days ?? lockDays(lock.start_at, lock.end_at);
    return { ...props, domainId: id, ...(days === undefined ? {} : { days }), lockEnd: lock.end_at || props.lockEnd };
  },

  async update(_id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(id, props) {
    const { client } = dnspodContext();
    if (props.lockCode) return client.unlockDomain(id, props.lockCode);
    // An imported lock: DNSPod tells the code only to whoever took the lock.
    const lock = await client.lockStatus(id);
    if (!lock || lock.lock_status === "no") return;
    throw new Error(
      `dnspod.DomainLock ${id}: the lock code is unknown (the lock was imported; DNSPod tells it only when the lock is taken), so the lock cannot be removed before it ends on ${props.lockEnd}. ` +
        "Fix: unlock it in the DNSPod console or wait until it ends, then run this again; or `pulumi state delete` the resource to stop managing it",
    );
  },
});
