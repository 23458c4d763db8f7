/**
 * dnspod.DomainAlias: another domain name answering with this domain's records, id
 * "domainId/aliasId". Nothing can change in place; both inputs replace it.
 */
import { createOrAdopt, defineResource } from "../../define";
import { dnspodContext } from "../context";
import { AliasResource } from "./descriptors";

function splitAliasId(id: string): { domainId: string; aliasId: string } {
  const i = id.indexOf("/");
  return { domainId: id.slice(0, i), aliasId: id.slice(i + 1) };
}

export const aliasImpl = defineResource(AliasResource, {
  // An alias name can be bound to one domain only (code 8): moving it must remove it first.
  deleteBeforeReplace: (olds, news) => olds.domain === news.domain,

  async create(inputs) {
    const { client } = dnspodContext();
    const aliasId = await createOrAdopt(
      inputs.adopt,
      () => client.createAlias(inputs.domainId, inputs.domain),
      async () => (await client.listAliases(inputs.domainId)).find((a) => a.domain === inputs.domain)?.id,
    );
    return { id: `${inputs.domainId}/${aliasId}`, outs: { ...inputs, aliasId } };
  },

  async read(id, props) {
    const { domainId, aliasId } = splitAliasId(id);
    const alias = (await dnspodContext().client.listAliases(domainId)).find((a) => a.id === aliasId);
    return alias && { ...props, domainId, domain: alias.domain.toLowerCase(), aliasId };
  },

  async update(_id, olds, news) {
    return { ...olds, ...news };
  },

  async delete(id) {
    const { domainId, aliasId } = splitAliasId(id);
    await dnspodContext().client.removeAlias(domainId, aliasId);
  },
});
