/**
 * dnspod.DomainGroup: a custom domain group (VIP accounts only), id = group id. The name changes
 * in place via Domaingroup.Modify. On a free account Domaingroup.Create fails with -7; the error
 * says to use a system group id in dnspod.Domain's groupId instead.
 */
import { createOrAdopt, defineResource } from "../../define";
import { dnspodContext } from "../context";
import { GroupResource } from "./descriptors";

export const groupImpl = defineResource(GroupResource, {
  async create(inputs) {
    const { client } = dnspodContext();
    const groupId = await createOrAdopt(
      inputs.adopt,
      () => client.createGroup(inputs.name),
      async () => (await client.listGroups()).find((g) => g.group_name === inputs.name && g.group_type !== "system")?.group_id,
    );
    return { id: groupId, outs: { ...inputs, groupId } };
  },

  async read(id, props) {
    const group = (await dnspodContext().client.listGroups()).find((g) => g.group_id === id);
    return group && { ...props, name: group.group_name, groupId: id };
  },

  async update(id, olds, news) {
    if (olds.name !== news.name) await dnspodContext().client.modifyGroup(id, news.name);
    return { ...olds, ...news, groupId: id };
  },

  async delete(id) {
    await dnspodContext().client.removeGroup(id);
  },
});
