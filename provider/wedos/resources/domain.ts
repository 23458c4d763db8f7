/**
 * wedos.Domain: a zone in WEDOS DNS, id = its name. WAPI cannot change a zone's type, primary or
 * AXFR settings, so those changes delete and re-create it — which deletes every row — and check()
 * refuses them unless allowRecreate is set.
 */
import { createOrAdopt, defineResource } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { forget, journaledCreate } from "../../journal";
import { type CheckFailure, sameValue } from "../../resource";
import { wedosContext } from "../context";
import { fromDomainInfo } from "../convert";
import type { DomainInfo } from "../schemas";
import { DomainResource } from "./descriptors";

type Inputs = InputsOf<typeof DomainResource>;
type Outputs = OutputsOf<typeof DomainResource>;

/** The settings WAPI can only change by deleting and re-adding the zone. */
const RECREATE_KEYS = ["type", "primaryIp", "axfrEnabled", "axfrIps"] as const;

function outputsFromInfo(inputs: Inputs, info: DomainInfo): Outputs {
  return { ...inputs, ...fromDomainInfo(info) };
}

async function describe(inputs: Inputs): Promise<Outputs> {
  const info = await wedosContext().client.domainInfo(inputs.name);
  if (!info)
    throw new Error(`WEDOS dns-domain-info zone "${inputs.name}": the zone was created but cannot be read back; run \`pulumi refresh\``);
  return outputsFromInfo(inputs, info);
}

const journalKey = (zone: string) => `wedos|${wedosContext().client.account}|zone|${zone}`;

/** Adds (or copies, or with adopt takes over) the zone, commits it and reads it back. */
async function createZone(inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client, commits } = wedosContext();
  const add = async () => {
    if (inputs.copyFrom) await client.copyDomain(inputs.copyFrom, inputs.name);
    else
      await client.addDomain({
        name: inputs.name,
        type: inputs.type,
        primaryIp: inputs.primaryIp,
        axfrEnabled: inputs.axfrEnabled,
        axfrIps: inputs.axfrIps,
      });
    return "added";
  };
  // An existing zone (3303, or 3312 for a copy's target) is taken over as it is.
  await createOrAdopt(adopt, add, async () => "exists");
  if (inputs.type === "primary") await commits.committed(inputs.name);
  const outs = await describe(inputs);
  if (inputs.type === "secondary" && inputs.axfrRunTrigger !== undefined) outs.axfrNextRun = await client.axfrRun(inputs.name);
  return { id: inputs.name, outs };
}

export const domainImpl = defineResource(DomainResource, {
  check(olds, news, schema) {
    const result = schema(news);
    const next = result.inputs;
    if (!next || olds.name !== next.name || next.allowRecreate) return result;
    const failures: CheckFailure[] = RECREATE_KEYS.filter((k) => olds[k] !== undefined && !sameValue(olds[k], next[k])).map((k) => ({
      property: k,
      reason:
        `wedos.Domain.${k}: changing it on zone "${next.name}" needs the zone deleted and re-created (WAPI cannot update it), which deletes every row of the zone. ` +
        `Fix: set allowRecreate: true on this wedos.Domain to accept that (Records taking \`domain\` from this resource's \`name\` output are re-created in the same update), or revert ${k}.`,
    }));
    return failures.length ? { failures } : result;
  },

  // dns-domain-info does not tell a secondary's primary: an imported zone takes the declared one.
  unreadable: ["primaryIp"],

  // Same name: the old zone must go before the new one can be added (3303 otherwise).
  deleteBeforeReplace: (olds, news) => olds.name === news.name,

  create: (inputs) => journaledCreate(journalKey(inputs.name), inputs.adopt, (adopt) => createZone(inputs, adopt)),

  async read(id, props) {
    const info = await wedosContext().client.domainInfo(id);
    return info && { ...outputsFromInfo({ ...props, name: id }, info), axfrNextRun: props.axfrNextRun };
  },

  async update(_id, olds, news) {
    let axfrNextRun = olds.axfrNextRun;
    if (news.type === "secondary" && news.axfrRunTrigger !== undefined && news.axfrRunTrigger !== olds.axfrRunTrigger) {
      axfrNextRun = await wedosContext().client.axfrRun(news.name);
    }
    return { ...olds, ...news, axfrNextRun };
  },

  async delete(id) {
    forget(journalKey(id));
    await wedosContext().client.deleteDomain(id);
  },
});
