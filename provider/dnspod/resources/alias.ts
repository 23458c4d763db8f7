/**
 * dnspod.DomainAlias: another domain name answering with this domain's records, id
 * "domainId/aliasId". Nothing can change in place; both inputs replace it.
 */

import { z } from "zod";
import { createOrAdopt } from "../../define";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { defineDnspodResource } from "../context";
import { bool, dnspodId, zoneName } from "./inputs";

const AliasInputs = z
  .object({
    domainId: replaces(dnspodId("domainId").describe("Id of the domain the alias points to.")),
    domain: replaces(zoneName("domain").describe('The alias domain, e.g. "example.net" (without "www").')),
    adopt: createOnly(bool("adopt").default(false).describe("Take over the alias if this domain already has it instead of failing.")),
  })
  .strict();

const descriptor = describeResource({
  api: "dnspod",
  type: "DomainAlias",
  description: "Another domain name answering with this domain's records (Domainalias.Create/Remove).",
  noun: "alias",
  idFormat: '"domainId/aliasId"',
  idExample: "1992403/8822",
  inputs: AliasInputs,
  outputs: z.object({ aliasId: z.string().describe("DNSPod alias id.") }),
});

function splitAliasId(id: string): { domainId: string; aliasId: string } {
  const i = id.indexOf("/");
  return { domainId: id.slice(0, i), aliasId: id.slice(i + 1) };
}

export const aliasResource = defineDnspodResource(descriptor, {
  // An alias name can be bound to one domain only (code 8): moving it must remove it first.
  deleteBeforeReplace: (olds, news) => olds.domain === news.domain,

  async create(ctx, inputs) {
    const { client } = ctx;
    const aliasId = await createOrAdopt(
      inputs.adopt,
      () => client.createAlias(inputs.domainId, inputs.domain),
      async () => (await client.listAliases(inputs.domainId)).find((a) => a.domain === inputs.domain)?.id,
    );
    return { id: `${inputs.domainId}/${aliasId}`, outs: { ...inputs, aliasId } };
  },

  async read(ctx, id, props) {
    const { domainId, aliasId } = splitAliasId(id);
    const alias = (await ctx.client.listAliases(domainId)).find((a) => a.id === aliasId);
    return alias && { ...props, domainId, domain: alias.domain.toLowerCase(), aliasId };
  },

  async update(_ctx, _id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(ctx, id) {
    const { domainId, aliasId } = splitAliasId(id);
    await ctx.client.removeAlias(domainId, aliasId);
  },
});
