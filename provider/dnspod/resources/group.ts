/**
 * dnspod.DomainGroup: a custom domain group (VIP accounts only), id = group id. The name changes
 * in place via Domaingroup.Modify. On a free account Domaingroup.Create fails with -7; the error
 * says to use a system group id in dnspod.Domain's groupId instead.
 */

import { z } from "zod";
import { createOrAdopt } from "../../define";
import { createOnly, describeResource } from "../../descriptor";
import { typeError } from "../../resource";
import { defineDnspodResource } from "../context";
import { bool } from "./inputs";

const GroupInputs = z
  .object({
    name: z
      .string({ error: typeError("name", "a string of 1–20 characters", 'name: "production"') })
      .transform((v) => v.trim())
      .pipe(
        z.string().refine((v) => v.length >= 1 && [...v].length <= 20, {
          error: (i) => {
            const n = [...String(i.input)].length;
            return `name must be 1–20 characters (DNSPod code 7); ${n ? `it has ${n}` : "it is empty"}. Fix: use a non-empty name of at most 20 characters, e.g. "production"`;
          },
        }),
      )
      .describe("Group name, 1–20 characters. Updated in place (Domaingroup.Modify). Custom groups need a VIP account."),
    adopt: createOnly(bool("adopt").default(false).describe("Take over an existing group of this name instead of failing.")),
  })
  .strict();

const descriptor = describeResource({
  api: "dnspod",
  type: "DomainGroup",
  description: "A custom domain group (Domaingroup.Create/Modify/Remove); DNSPod allows custom groups on VIP accounts only.",
  noun: "group",
  idFormat: "the group id",
  idExample: "9001",
  inputs: GroupInputs,
  outputs: z.object({ groupId: z.string().describe("DNSPod group id, for dnspod.Domain's groupId.") }),
});

export const groupResource = defineDnspodResource(descriptor, {
  async create(ctx, inputs) {
    const { client } = ctx;
    const groupId = await createOrAdopt(
      inputs.adopt,
      () => client.createGroup(inputs.name),
      async () => (await client.listGroups()).find((g) => g.group_name === inputs.name && g.group_type !== "system")?.group_id,
    );
    return { id: groupId, outs: { ...inputs, groupId } };
  },

  async read(ctx, id, props) {
    const group = (await ctx.client.listGroups()).find((g) => g.group_id === id);
    return group && { ...props, name: group.group_name, groupId: id };
  },

  async update(ctx, id, olds, news) {
    if (olds.name !== news.name) await ctx.client.modifyGroup(id, news.name);
    return { ...olds, ...news, groupId: id };
  },

  async delete(ctx, id) {
    await ctx.client.removeGroup(id);
  },
});
