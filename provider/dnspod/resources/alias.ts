/**
 * dnspod.DomainAlias: another domain name answering with this domain's records, id
 * "domainId/aliasId". Nothing can change in place; both inputs replace it.
 */
import { checkInputs, diffInputs, pick, type ResourceImpl } from "../../resource";
import { dnspodContext } from "../context";
import { isExists, isNotFound } from "../errors";
import type { Alias } from "../schemas";
import { AliasInputs } from "./inputs";

export interface AliasOutputs extends AliasInputs {
  aliasId: string;
}

const INPUT_KEYS = ["domainId", "domain"] as const;

export function splitAliasId(id: string): { domainId: string; aliasId: string } {
  const i = id.indexOf("/");
  return { domainId: id.slice(0, i), aliasId: id.slice(i + 1) };
}

export const aliasImpl: ResourceImpl<AliasInputs, AliasOutputs> = {
  async check(_olds, news) {
    return checkInputs(AliasInputs, news, "dnspod.DomainAlias");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(INPUT_KEYS, INPUT_KEYS, olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    // An alias name can be bound to one domain only (code 8): moving it must remove it first.
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: d.changes === true && olds.domain === news.domain };
  },

  async create(inputs) {
    const { client } = dnspodContext();
    let aliasId: string;
    try {
      aliasId = await client.createAlias(inputs.domainId, inputs.domain);
    } catch (err) {
      // 8: the alias is already added. Its message already says to set adopt.
      if (!(isExists(err) && inputs.adopt)) throw err;
      const existing = (await client.listAliases(inputs.domainId)).find((a) => a.domain === inputs.domain);
      if (!existing) throw err;
      aliasId = existing.id;
    }
    return { id: `${inputs.domainId}/${aliasId}`, outs: { ...inputs, aliasId } };
  },

  async read(id, props) {
    const { domainId, aliasId } = splitAliasId(id);
    let alias: Alias | undefined;
    try {
      alias = (await dnspodContext().client.listAliases(domainId)).find((a) => a.id === aliasId);
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
    if (!alias) return {};
    const outs: AliasOutputs = { ...props, domainId, domain: alias.domain.toLowerCase(), aliasId };
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, [...INPUT_KEYS, "adopt"]) };
  },

  async update(_id, olds, news) {
    return { outs: { ...olds, ...news } };
  },

  async delete(id) {
    const { domainId, aliasId } = splitAliasId(id);
    await dnspodContext().client.removeAlias(domainId, aliasId);
  },
};
