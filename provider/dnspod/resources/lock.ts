/**
 * dnspod.DomainLock: Domain.Lock for `days` days, id = domain id. While it holds, DNSPod refuses
 * record writes (21) and removing or disabling the domain (7) — the errors point here. The lock
 * code is the only way to unlock early; it is a secret output (the SDK class lists it in
 * additionalSecretOutputs) and delete uses it. read asks Domain.Lockstatus: an expired or
 * removed lock reads as gone.
 */
import { defineResource } from "../../define";
import { dnspodContext } from "../context";
import { LockResource } from "./descriptors";

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
    return { ...props, domainId: id, lockEnd: lock.end_at || props.lockEnd };
  },

  async update(_id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(id, props) {
    await dnspodContext().client.unlockDomain(id, props.lockCode);
  },
});
