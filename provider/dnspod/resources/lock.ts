/**
 * dnspod.DomainLock: Domain.Lock for `days` days, id = domain id. While it holds, DNSPod refuses
 * record writes (21) and removing or disabling the domain (7) — the errors point here. The lock
 * code is the only way to unlock early; it is a secret output (the SDK class lists it in
 * additionalSecretOutputs) and delete uses it. read asks Domain.Lockstatus: an expired or
 * removed lock reads as gone.
 */
import { checkInputs, diffInputs, type ResourceImpl } from "../../resource";
import { dnspodContext } from "../context";
import { LockInputs } from "./inputs";

export interface LockOutputs extends LockInputs {
  lockCode: string;
  /** "YYYY-MM-DD", the last day of the lock as DNSPod reports it. */
  lockEnd: string;
}

export const lockImpl: ResourceImpl<LockInputs, LockOutputs> = {
  async check(_olds, news) {
    return checkInputs(LockInputs, news, "dnspod.DomainLock");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(["domainId", "days"], ["domainId", "days"], olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    // A domain holds one lock at a time (21): a new lock on the same domain needs the old one gone.
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: d.changes === true && olds.domainId === news.domainId };
  },

  async create(inputs) {
    const { lockCode, lockEnd } = await dnspodContext().client.lockDomain(inputs.domainId, inputs.days);
    return { id: inputs.domainId, outs: { ...inputs, lockCode, lockEnd } };
  },

  async read(id, props) {
    const lock = await dnspodContext().client.lockStatus(id);
    if (!lock || lock.lock_status === "no") return {};
    const outs: LockOutputs = { ...props, domainId: id, lockEnd: lock.end_at || props.lockEnd };
    return { id, props: outs, inputs: { domainId: id, days: props.days } };
  },

  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } };
  },

  async delete(id, props) {
    await dnspodContext().client.unlockDomain(id, props.lockCode);
  },
};
