/**
 * wedos.Domain: a zone in WEDOS DNS, id = its name. WAPI cannot change a zone's type, primary or
 * AXFR settings, so those changes delete and re-create it — which deletes every row — and check()
 * refuses them unless allowRecreate is set.
 */
import { isIPv4, isIPv6 } from "node:net";
import { z } from "zod";
import { createOrAdopt } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { forget, journaledCreate } from "../../journal";
import { type CheckFailure, given, sameValue, typeError } from "../../resource";
import type { WedosClient } from "../client";
import { defineWedosResource, type WedosContext } from "../context";
import { fromDomainInfo } from "../convert";
import type { DomainInfo } from "../schemas";
import { zoneName } from "./inputs";

const ip = (what: string) =>
  z.string({ error: typeError(what, "an IP address string", '"192.0.2.53"') }).refine((v) => isIPv4(v) || isIPv6(v), {
    error: (i) =>
      `${what} ${JSON.stringify(i.input)} is not an IPv4 or IPv6 address. Fix: use an address such as "192.0.2.53" or "2001:db8::53"`,
  });

const DomainInputs = z
  .object({
    name: replaces(zoneName("name").describe('Zone name, e.g. "example.cz"; another name is another zone.')),
    type: replaces(
      z
        .enum(["primary", "secondary"], {
          error: (i) =>
            `type must be "primary" or "secondary", not ${given(i.input)}. Fix: use type: "primary" (rows managed here) or "secondary" (with primaryIp)`,
        })
        .default("primary")
        .describe(
          "primary (rows managed here) or secondary (transferred from primaryIp by AXFR). WAPI cannot change it in place: see allowRecreate.",
        ),
    ),
    primaryIp: replaces(
      ip("primaryIp").optional().describe("Secondary zones only: address of the primary server to transfer from; see allowRecreate."),
    ),
    axfrEnabled: replaces(
      z
        .boolean({ error: typeError("axfrEnabled", "a boolean", "axfrEnabled: true") })
        .default(false)
        .describe("Primary zones only: allow outgoing zone transfers to axfrIps; see allowRecreate."),
    ),
    axfrIps: replaces(
      z
        .array(ip("axfrIps entry"), { error: typeError("axfrIps", "a list of IP address strings", 'axfrIps: ["192.0.2.99"]') })
        .default([])
        .describe("Primary zones with axfrEnabled: addresses allowed to transfer the zone; see allowRecreate."),
    ),
    copyFrom: createOnly(
      zoneName("copyFrom")
        .optional()
        .describe("Create the zone as a copy of this existing zone (dns-domain-copy), rows included. Later changes are ignored."),
    ),
    allowRecreate: z
      .boolean({ error: typeError("allowRecreate", "a boolean", "allowRecreate: true") })
      .default(false)
      .describe(
        "Allow a change that WAPI can only apply by deleting and re-creating the zone (type, primaryIp, AXFR " +
          "settings). Every row is deleted with it; Records that take `domain` from this resource's `name` output " +
          "are recreated in the same update.",
      ),
    axfrRunTrigger: z
      .string({ error: typeError("axfrRunTrigger", "a string", 'axfrRunTrigger: "1"') })
      .optional()
      .describe("Secondary zones: any value; each change runs dns-domain-axfr-run so WEDOS transfers the zone from its primary soon."),
    adopt: createOnly(
      z
        .boolean({ error: typeError("adopt", "a boolean", "adopt: true") })
        .default(false)
        .describe("Take over an existing zone of this name instead of failing."),
    ),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.type === "secondary" && !d.primaryIp)
      ctx.addIssue({
        code: "custom",
        path: ["primaryIp"],
        message: 'a secondary zone needs primaryIp, the address of its primary server. Fix: set primaryIp, or use type "primary"',
      });
    if (d.type === "primary" && d.primaryIp)
      ctx.addIssue({
        code: "custom",
        path: ["primaryIp"],
        message: 'primaryIp applies only to secondary zones. Fix: remove it, or set type: "secondary"',
      });
    if (d.type === "secondary" && (d.axfrEnabled || d.axfrIps.length))
      ctx.addIssue({
        code: "custom",
        path: ["axfrEnabled"],
        message: "outgoing AXFR settings apply only to primary zones. Fix: remove axfrEnabled/axfrIps",
      });
    if (d.axfrEnabled && d.axfrIps.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["axfrIps"],
        message: "axfrEnabled needs at least one address in axfrIps (WAPI 2305). Fix: list the secondary servers' IPs",
      });
    if (!d.axfrEnabled && d.axfrIps.length)
      ctx.addIssue({
        code: "custom",
        path: ["axfrIps"],
        message: "axfrIps is used only with axfrEnabled: true. Fix: set axfrEnabled: true or remove axfrIps",
      });
    if (d.type === "primary" && d.axfrRunTrigger !== undefined)
      ctx.addIssue({ code: "custom", path: ["axfrRunTrigger"], message: "axfrRunTrigger applies only to secondary zones. Fix: remove it" });
    if (d.copyFrom && d.copyFrom === d.name)
      ctx.addIssue({ code: "custom", path: ["copyFrom"], message: "a zone cannot be copied from itself. Fix: name another existing zone" });
  });
export type DomainInputs = z.infer<typeof DomainInputs>;

const descriptor = describeResource({
  api: "wedos",
  type: "Domain",
  description:
    "A zone in WEDOS DNS (dns-domain-add / dns-domain-copy). Changes WAPI cannot apply in place are refused unless allowRecreate is set.",
  noun: "zone",
  idFormat: "the zone name",
  idExample: "example.cz",
  inputs: DomainInputs,
  outputs: z.object({
    status: z.string().describe('Zone status as WEDOS reports it, e.g. "active".'),
    serial: z.string().describe("SOA serial; grows with every commit that publishes changes."),
    rname: z.string().describe("SOA responsible-person mailbox."),
    refresh: z.number().int().describe("SOA refresh in seconds."),
    retry: z.number().int().describe("SOA retry in seconds."),
    expire: z.number().int().describe("SOA expire in seconds."),
    minimum: z.number().int().describe("SOA minimum (negative-caching TTL) in seconds."),
    nameservers: z.array(z.string()).describe("Name servers that serve the zone."),
    axfrNextRun: z.string().optional().describe("Secondary zones: when WEDOS will run the transfer asked for by axfrRunTrigger."),
  }),
});

type Inputs = InputsOf<typeof descriptor>;
type Outputs = OutputsOf<typeof descriptor>;

/** The settings WAPI can only change by deleting and re-adding the zone. */
const RECREATE_KEYS = ["type", "primaryIp", "axfrEnabled", "axfrIps"] as const;

function outputsFromInfo(inputs: Inputs, info: DomainInfo): Outputs {
  return { ...inputs, ...fromDomainInfo(info) };
}

/** The zone as WEDOS reports it after a write. */
async function readBack(client: WedosClient, inputs: Inputs): Promise<Outputs> {
  const info = await client.domainInfo(inputs.name);
  if (!info)
    throw new Error(`WEDOS dns-domain-info zone "${inputs.name}": the zone was created but cannot be read back; run \`pulumi refresh\``);
  return outputsFromInfo(inputs, info);
}

const journalKey = (ctx: WedosContext, zone: string) => `wedos|${ctx.client.account}|zone|${zone}`;

/** Adds (or copies, or with adopt takes over) the zone, commits it and reads it back. */
async function createZone(ctx: WedosContext, inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client, commits } = ctx;
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
  const outs = await readBack(client, inputs);
  if (inputs.type === "secondary" && inputs.axfrRunTrigger !== undefined) outs.axfrNextRun = await client.axfrRun(inputs.name);
  return { id: inputs.name, outs };
}

export const domainResource = defineWedosResource(descriptor, {
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

  create: (ctx, inputs) => journaledCreate(journalKey(ctx, inputs.name), inputs.adopt, (adopt) => createZone(ctx, inputs, adopt)),

  async read({ client }, id, props) {
    const info = await client.domainInfo(id);
    return info && { ...outputsFromInfo({ ...props, name: id }, info), axfrNextRun: props.axfrNextRun };
  },

  async update({ client }, _id, olds, news) {
    let axfrNextRun = olds.axfrNextRun;
    if (news.type === "secondary" && news.axfrRunTrigger !== undefined && news.axfrRunTrigger !== olds.axfrRunTrigger) {
      axfrNextRun = await client.axfrRun(news.name);
    }
    return { ...olds, ...news, axfrNextRun };
  },

  async delete(ctx, id) {
    forget(journalKey(ctx, id));
    await ctx.client.deleteDomain(id);
  },
});
