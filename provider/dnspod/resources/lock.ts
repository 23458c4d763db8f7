/**
 * dnspod.DomainLock: Domain.Lock for `days` days, id = domain id. While it holds, DNSPod refuses
 * record writes (21) and removing or disabling the domain (7) — the errors point here. The lock
 * code is the only way to unlock early; it is a secret output (the SDK class lists it in
 * additionalSecretOutputs) and delete uses it. read asks Domain.Lockstatus: an expired or
 * removed lock reads as gone. An imported lock has no code (DNSPod tells it only when the lock is
 * taken), so it cannot be removed early; its days are read from its start and end dates.
 */

import { z } from "zod";
import { describeResource, replaces, secret } from "../../descriptor";
import { typeError } from "../../resource";
import { defineDnspodResource } from "../context";
import { dnspodId } from "./inputs";

const LockInputs = z
  .object({
    domainId: replaces(dnspodId("domainId").describe("Id of the domain to lock.")),
    days: replaces(
      z
        .number({ error: typeError("days", "a number of days (1–365)", "days: 30 (a number, no quotes)") })
        .int({ error: (i) => `days ${String(i.input)} is not a whole number of days. Fix: use a whole number 1–365, e.g. 30` })
        .min(1, { error: (i) => `days must be at least 1 (DNSPod code 8), not ${String(i.input)}. Fix: use 1–365, e.g. 30` })
        .max(365, { error: (i) => `days must be at most 365 (DNSPod code 9), not ${String(i.input)}. Fix: use 1–365, e.g. 365` })
        .describe("How many days the lock holds (1–365). While it holds, record writes and domain removal fail."),
    ),
  })
  .strict();

const descriptor = describeResource({
  api: "dnspod",
  type: "DomainLock",
  description:
    "Locks a domain for a number of days (Domain.Lock); while it holds, DNSPod refuses record writes and " +
    "removal of the domain. Read through Domain.Lockstatus (an expired lock is gone); deleting the resource " +
    "unlocks with the stored code.",
  noun: "lock",
  idFormat: "the domain id",
  idExample: "1992403",
  inputs: LockInputs,
  outputs: z.object({
    lockCode: secret(z.string().describe("The unlock code; stored as a secret (additionalSecretOutputs).")),
    lockEnd: z.string().describe('Last day of the lock, "YYYY-MM-DD".'),
  }),
});

const DAY_MS = 86_400_000;

/** Whole days from the start to the end date ("YYYY-MM-DD"), if both parse. */
function lockDays(start: string, end: string): number | undefined {
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS);
  return Number.isFinite(days) && days >= 1 ? days : undefined;
}

export const lockResource = defineDnspodResource(descriptor, {
  // A domain holds one lock at a time (21): a new lock on the same domain needs the old one gone.
  deleteBeforeReplace: (olds, news) => olds.domainId === news.domainId,

  async create(ctx, inputs) {
    const { lockCode, lockEnd } = await ctx.client.lockDomain(inputs.domainId, inputs.days);
    return { id: inputs.domainId, outs: { ...inputs, lockCode, lockEnd } };
  },

  async read(ctx, id, props) {
    const lock = await ctx.client.lockStatus(id);
    if (!lock || lock.lock_status === "no") return undefined;
    // An import knows no days: they are the lock's length, from its start and end dates.
    const days = props.days ?? lockDays(lock.start_at, lock.end_at);
    return { ...props, domainId: id, ...(days === undefined ? {} : { days }), lockEnd: lock.end_at || props.lockEnd };
  },

  async update(_ctx, _id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(ctx, id, props) {
    const { client } = ctx;
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
