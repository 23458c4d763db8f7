/**
 * dnspod.DomainGroup: a custom domain group (VIP accounts only), id = group id. The name changes
 * in place via Domaingroup.Modify. On a free account Domaingroup.Create fails with -7; the error
 * says to use a system group id in dnspod.Domain's groupId instead.
 */
import { checkInputs, diffInputs, pick, type ResourceImpl } from "../../resource";
import { dnspodContext } from "../context";
import { isExists } from "../errors";
import { GroupInputs } from "./inputs";

export interface GroupOutputs extends GroupInputs {
  groupId: string;
}

export const groupImpl: ResourceImpl<GroupInputs, GroupOutputs> = {
  async check(_olds, news) {
    return checkInputs(GroupInputs, news, "dnspod.DomainGroup");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(["name"], [], olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const { client } = dnspodContext();
    let groupId: string;
    try {
      groupId = await client.createGroup(inputs.name);
    } catch (err) {
      // 8: a group of this name exists. Its message already says to set adopt.
      if (!(isExists(err) && inputs.adopt)) throw err;
      const existing = (await client.listGroups()).find((g) => g.group_name === inputs.name && g.group_type !== "system");
      if (!existing) throw err;
      groupId = existing.group_id;
    }
    return { id: groupId, outs: { ...inputs, groupId } };
  },

  async read(id, props) {
    const group = (await dnspodContext().client.listGroups()).find((g) => g.group_id === id);
    if (!group) return {};
    const outs: GroupOutputs = { ...props, name: group.group_name, groupId: id };
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, ["name", "adopt"]) };
  },

  async update(id, olds, news) {
    if (olds.name !== news.name) await dnspodContext().client.modifyGroup(id, news.name);
    return { outs: { ...olds, ...news, groupId: id } };
  },

  async delete(id) {
    await dnspodContext().client.removeGroup(id);
  },
};
