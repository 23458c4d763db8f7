/**
 * wedos.Domain: a zone in WEDOS DNS, id = its name. WAPI cannot change a zone's type, primary or
 * AXFR settings, so those changes delete and re-create it — which deletes every row — and check()
 * refuses them unless allowRecreate is set.
 */
import { forget, journaled, wasInFlight } from "../../journal";
import { checkInputs, diffInputs, pick, sameValue, type CheckFailure, type ResourceImpl } from "../../resource";
import { wedosContext } from "../context";
import { WedosApiError } from "../errors";
import type { DomainInfo } from "../schemas";
import { DomainInputs } from "./inputs";

export interface DomainOutputs extends DomainInputs {
  status: string;
  serial: string;
  rname: string;
  refresh: number;
  retry: number;
  expire: number;
  minimum: number;
  nameservers: string[];
  axfrNextRun?: string;
}

const INPUT_KEYS = ["name", "type", "primaryIp", "axfrEnabled", "axfrIps", "copyFrom", "allowRecreate", "axfrRunTrigger", "adopt"] as const;
const RECREATE_KEYS = ["type", "primaryIp", "axfrEnabled", "axfrIps"] as const;
const REPLACE_KEYS = ["name", ...RECREATE_KEYS];

const num = (s: string) => (s === "" ? 0 : Number(s));
const ips = (s: string) => s.split(/[\s,;]+/).filter(Boolean);

export function outputsFromInfo(inputs: DomainInputs, info: DomainInfo): DomainOutputs {
  const type = info.type === "secondary" ? "secondary" : "primary";
  return {
    ...inputs,
    type,
    axfrEnabled: type === "primary" ? info.axfr_enabled === "1" : false,
    axfrIps: type === "primary" && info.axfr_enabled === "1" ? ips(info.axfr_ips) : [],
    status: info.status,
    serial: info.serial,
    rname: info.rname,
    refresh: num(info.refresh),
    retry: num(info.retry),
    expire: num(info.expire),
    minimum: num(info.minimum),
    nameservers: ips(info.ns_out || info.ns1 || info.ns),
  };
}

async function describe(inputs: DomainInputs): Promise<DomainOutputs> {
  const info = await wedosContext().client.domainInfo(inputs.name);
  if (!info) throw new Error(`WEDOS dns-domain-info zone "${inputs.name}": the zone was created but cannot be read back; run \`pulumi refresh\``);
  return outputsFromInfo(inputs, info);
}

const journalKey = (zone: string) => `wedos|${wedosContext().client.account}|zone|${zone}`;

/** Adds (or copies, or with adopt takes over) the zone, commits it and reads it back. */
async function createZone(inputs: DomainInputs, adopt: boolean): Promise<{ id: string; outs: DomainOutputs }> {
  const { client, commits } = wedosContext();
  try {
    if (inputs.copyFrom) await client.copyDomain(inputs.copyFrom, inputs.name);
    else await client.addDomain({ name: inputs.name, type: inputs.type, primaryIp: inputs.primaryIp, axfrEnabled: inputs.axfrEnabled, axfrIps: inputs.axfrIps });
  } catch (err) {
    const exists = err instanceof WedosApiError && (err.code === 3303 || err.code === 3312);
    if (!exists || !adopt) throw err;
  }
  if (inputs.type === "primary") await commits.committed(inputs.name);
  const outs = await describe(inputs);
  if (inputs.type === "secondary" && inputs.axfrRunTrigger !== undefined) outs.axfrNextRun = await client.axfrRun(inputs.name);
  return { id: inputs.name, outs };
}

export const domainImpl: ResourceImpl<DomainInputs, DomainOutputs> = {
  async check(olds, news) {
    const result = checkInputs(DomainInputs, news, "wedos.Domain");
    const next = result.inputs;
    if (!next || !olds || olds.name !== next.name || next.allowRecreate) return result;
    const failures: CheckFailure[] = RECREATE_KEYS.filter((k) => olds[k] !== undefined && !sameValue(olds[k], next[k])).map((k) => ({
      property: k,
      reason:
        `wedos.Domain.${k}: changing it on zone "${next.name}" needs the zone deleted and re-created (WAPI cannot update it), which deletes every row of the zone. ` +
        `Fix: set allowRecreate: true on this wedos.Domain to accept that (Records taking \`domain\` from this resource's \`name\` output are re-created in the same update), or revert ${k}.`,
    }));
    return failures.length ? { failures } : result;
  },

  async diff(_id, olds, news) {
    const d = diffInputs(INPUT_KEYS, REPLACE_KEYS, olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    // Same name: the old zone must go before the new one can be added (3303 otherwise).
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: d.replaces!.length > 0 && olds.name === news.name };
  },

  async create(inputs) {
    const key = journalKey(inputs.name);
    const adopt = inputs.adopt || wasInFlight(key);
    return journaled(key, () => createZone(inputs, adopt));
  },



  async read(id, props) {
    const info = await wedosContext().client.domainInfo(id);
    if (!info) return {};
    const outs = { ...outputsFromInfo({ ...props, name: id }, info), axfrNextRun: props.axfrNextRun };
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, INPUT_KEYS) };
  },

  async update(_id, olds, news) {
    let axfrNextRun = olds.axfrNextRun;
    if (news.type === "secondary" && news.axfrRunTrigger !== undefined && news.axfrRunTrigger !== olds.axfrRunTrigger) {
      axfrNextRun = await wedosContext().client.axfrRun(news.name);
    }
    return { outs: { ...olds, ...news, axfrNextRun } };
  },

  async delete(id) {
    forget(journalKey(id));
    await wedosContext().client.deleteDomain(id);
  },
};
