/**
 * dnspod.DomainShare: a domain shared with another DNSPod account, id
 * "domainId/email[/subDomain]" (the sub domain as created; read and delete need only the first two,
 * since DNSPod keys a share by domain and email). Mode and sub domain change in place through
 * Domainshare.Modify, which wants the sub domain shared now (`old_sub_domain`) and the new one.
 */
import { createOrAdopt, defineResource } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import type { DnspodClient } from "../client";
import { dnspodContext } from "../context";
import type { Share } from "../schemas";
import { ShareResource } from "./descriptors";

type Inputs = InputsOf<typeof ShareResource>;
type Outputs = OutputsOf<typeof ShareResource>;

function splitShareId(id: string): { domainId: string; email: string } {
  const [domainId = "", email = ""] = id.split("/");
  return { domainId, email };
}

async function findShare(client: DnspodClient, domainId: string, email: string): Promise<Share | undefined> {
  return (await client.listShares(domainId)).find((s) => s.share_to.toLowerCase() === email);
}

const outputsFromShare = (inputs: Inputs, s: Share): Outputs => ({
  ...inputs,
  email: s.share_to.toLowerCase(),
  mode: s.mode === "rw" ? "rw" : "r",
  subDomain: s.sub_domain.toLowerCase(),
  status: s.status,
});

async function describe(client: DnspodClient, inputs: Inputs): Promise<Outputs> {
  const s = await findShare(client, inputs.domainId, inputs.email);
  if (!s)
    throw new Error(
      `DNSPod Domainshare.List domain ${inputs.domainId}: the share with ${inputs.email} was written but is not listed; run \`pulumi refresh\``,
    );
  return outputsFromShare(inputs, s);
}

export const shareImpl = defineResource(ShareResource, {
  async create(inputs) {
    const { client } = dnspodContext();
    const id = [inputs.domainId, inputs.email, ...(inputs.subDomain ? [inputs.subDomain] : [])].join("/");
    // 9: already shared with this email; adopting brings mode and sub domain to what is declared.
    const how = await createOrAdopt<"created" | "adopted">(
      inputs.adopt,
      async () => {
        await client.createShare(inputs.domainId, inputs.email, inputs.mode, inputs.subDomain);
        return "created";
      },
      async () => "adopted",
    );
    if (how === "adopted") {
      const cur = await describe(client, inputs);
      if (cur.mode === inputs.mode && cur.subDomain === inputs.subDomain) return { id, outs: cur };
      await client.modifyShare(inputs.domainId, inputs.email, inputs.mode, cur.subDomain, inputs.subDomain);
    }
    return { id, outs: await describe(client, inputs) };
  },

  async read(id, props) {
    const { domainId, email } = splitShareId(id);
    const s = await findShare(dnspodContext().client, domainId, email);
    return s && outputsFromShare({ ...props, domainId }, s);
  },

  async update(_id, olds, news) {
    if (olds.mode === news.mode && olds.subDomain === news.subDomain) return { ...olds, ...news };
    const { client } = dnspodContext();
    await client.modifyShare(news.domainId, news.email, news.mode, olds.subDomain, news.subDomain);
    return describe(client, news);
  },

  async delete(id) {
    const { domainId, email } = splitShareId(id);
    await dnspodContext().client.removeShare(domainId, email);
  },
});
