/**
 * dnspod.Domain: a domain in the DNSPod account, id = DNSPod's domain id. Only the name forces a
 * replacement; group, mark, remark, status and search-engine push each have their own action and
 * are updated in place, sending only what changed.
 */

import { z } from "zod";
import { createOrAdopt } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { forget, journaledCreate } from "../../journal";
import { typeError } from "../../resource";
import type { DnspodClient } from "../client";
import type { DnspodContext } from "../context";
import { defineDnspodResource } from "../context";
import { fromDomain } from "../convert";
import type { Domain } from "../schemas";
import { bool, enableDisable, zoneName } from "./inputs";

const groupIdType = typeError(
  "groupId",
  "a group id (a number, or a string of digits)",
  "groupId: 1, or `group.groupId` of a dnspod.DomainGroup",
);

const DomainInputs = z
  .object({
    domain: replaces(zoneName("domain").describe('Domain name, e.g. "example.com" (internationalised names are stored as punycode).')),
    groupId: z
      .union([z.number(), z.string().regex(/^\d+$/, { error: groupIdType })], { error: groupIdType })
      .transform(Number)
      .pipe(
        z.number().refine((n) => Number.isInteger(n) && n >= 1, {
          error: (i) =>
            `groupId must be a positive whole number, not ${String(i.input)}. Fix: use 1 (Default Group), a system group 2–7, or \`group.groupId\` of a dnspod.DomainGroup`,
        }),
      )
      .default(1)
      .describe(
        'Domain group id: 1 (default, "Default Group"), another system group 2–7, or `groupId` of a dnspod.DomainGroup. Updated in place.',
      ),
    isMark: bool("isMark").default(false).describe("Star (mark) the domain in the DNSPod console. Updated in place."),
    remark: z
      .string({ error: typeError("remark", "a string", 'remark: "production"') })
      .default("")
      .describe("Free-text note on the domain. Updated in place."),
    status: enableDisable("status")
      .default("enable")
      .describe('"enable" (default) or "disable" (DNSPod stops serving the domain). Updated in place.'),
    searchEnginePush: bool("searchEnginePush").default(true).describe("Push the domain to search engines. Updated in place."),
    adopt: createOnly(
      bool("adopt").default(false).describe("Take over the domain if it already exists in this account instead of failing."),
    ),
  })
  .strict();

const descriptor = describeResource({
  api: "dnspod",
  type: "Domain",
  description:
    "A domain at DNSPod (Domain.Create). Group, mark, remark, status and search-engine push are updated in place through their own actions.",
  noun: "domain",
  idFormat: "the DNSPod domain id",
  idExample: "1992403",
  inputs: DomainInputs,
  outputs: z.object({
    punycode: z.string().describe("The domain in punycode."),
    grade: z.string().describe('Service grade, e.g. "DP_Free"; it sets the minimum TTL and the record types and lines allowed.'),
    ttl: z.number().int().describe("The domain's default TTL."),
    owner: z.string().describe("E-mail of the owning account."),
    recordCount: z.number().int().describe("Number of records, system NS records included."),
  }),
});

type Inputs = InputsOf<typeof descriptor>;
export type DomainOutputs = Outputs;
type Outputs = OutputsOf<typeof descriptor>;
type Settings = Pick<Inputs, "groupId" | "isMark" | "remark" | "status" | "searchEnginePush">;

function outputsFromDomain(inputs: Inputs, d: Domain): Outputs {
  return { ...inputs, ...fromDomain(d) };
}

/** Applies the settings that differ, one action each; true if anything was written. */
async function converge(client: DnspodClient, id: string, cur: Settings, want: Settings): Promise<boolean> {
  const steps: Array<() => Promise<void>> = [];
  if (cur.groupId !== want.groupId) steps.push(() => client.changeGroup(id, want.groupId));
  if (cur.isMark !== want.isMark) steps.push(() => client.setDomainMark(id, want.isMark));
  if (cur.remark !== want.remark) steps.push(() => client.setDomainRemark(id, want.remark));
  if (cur.status !== want.status) steps.push(() => client.setDomainStatus(id, want.status));
  if (cur.searchEnginePush !== want.searchEnginePush) steps.push(() => client.setSearchEnginePush(id, want.searchEnginePush));
  for (const step of steps) await step();
  return steps.length > 0;
}

/**
 * Domain.Create silently files a domain with an unknown group_id under group 1, and the later
 * Domain.Changegroup would fail with the domain already created; so a custom group is checked first.
 */
async function assertGroupExists(client: DnspodClient, groupId: number): Promise<void> {
  if (groupId === 1) return;
  if ((await client.listGroups()).some((g) => g.group_id === String(groupId))) return;
  throw new Error(
    `dnspod.Domain.groupId: there is no domain group ${groupId} in this account. Fix: use a system group (1–7) or \`groupId\` of a dnspod.DomainGroup`,
  );
}

async function readBack(client: DnspodClient, inputs: Inputs, id: string): Promise<Outputs> {
  const d = await client.domainInfo({ id });
  if (!d)
    throw new Error(
      `DNSPod Domain.Info domain ${id} ("${inputs.domain}"): the domain was written but cannot be read back; run \`pulumi refresh\``,
    );
  return outputsFromDomain(inputs, d);
}

/** Creates the domain (or, with adopt, takes over the existing one) and applies the other settings. */
async function createDomain(ctx: DnspodContext, inputs: Inputs, adopt: boolean): Promise<{ id: string; outs: Outputs }> {
  const { client } = ctx;
  await assertGroupExists(client, inputs.groupId);
  // 7: the domain is already in this account.
  const id = await createOrAdopt(
    adopt,
    () => client.createDomain(inputs.domain, { groupId: inputs.groupId, isMark: inputs.isMark }),
    async () => (await client.domainInfo({ name: inputs.domain }))?.id,
  );
  const created = await readBack(client, inputs, id);
  // Domain.Create takes only group and mark; the rest (and an adopted domain's drift) follow.
  if (!(await converge(client, id, created, inputs))) return { id, outs: created };
  return { id, outs: await readBack(client, inputs, id) };
}

const journalKey = (ctx: DnspodContext, name: string) => `dnspod|${ctx.client.account}|domain|${name}`;

export const domainResource = defineDnspodResource(descriptor, {
  create: (ctx, inputs) => journaledCreate(journalKey(ctx, inputs.domain), inputs.adopt, (adopt) => createDomain(ctx, inputs, adopt)),

  async read(ctx, id, props) {
    const d = await ctx.client.domainInfo({ id });
    return d && outputsFromDomain(props, d);
  },

  async update(ctx, id, olds, news) {
    const { client } = ctx;
    if (!(await converge(client, id, olds, news))) return { ...olds, ...news };
    return readBack(client, news, id);
  },

  async delete(ctx, id, props) {
    forget(journalKey(ctx, props.domain));
    await ctx.client.removeDomain(id);
  },
});
