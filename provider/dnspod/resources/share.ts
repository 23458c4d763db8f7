/**
 * dnspod.DomainShare: a domain shared with another DNSPod account, id
 * "domainId/email[/subDomain]" (the sub domain as created; read and delete need only the first two,
 * since DNSPod keys a share by domain and email). Mode and sub domain change in place through
 * Domainshare.Modify, which wants the sub domain shared now (`old_sub_domain`) and the new one.
 */
import { checkInputs, diffInputs, pick, type ResourceImpl } from "../../resource";
import type { DnspodClient } from "../client";
import { dnspodContext } from "../context";
import { isExists, isNotFound } from "../errors";
import type { Share } from "../schemas";
import { ShareInputs } from "./inputs";

export interface ShareOutputs extends ShareInputs {
  status: string;
}

const INPUT_KEYS = ["domainId", "email", "mode", "subDomain"] as const;

export function splitShareId(id: string): { domainId: string; email: string } {
  const [domainId = "", email = ""] = id.split("/");
  return { domainId, email };
}

async function findShare(client: DnspodClient, domainId: string, email: string): Promise<Share | undefined> {
  return (await client.listShares(domainId)).find((s) => s.share_to.toLowerCase() === email);
}

const outputsFromShare = (inputs: ShareInputs, s: Share): ShareOutputs => ({
  ...inputs,
  email: s.share_to.toLowerCase(),
  mode: s.mode === "rw" ? "rw" : "r",
  subDomain: s.sub_domain.toLowerCase(),
  status: s.status,
});

async function describe(client: DnspodClient, inputs: ShareInputs): Promise<ShareOutputs> {
  const s = await findShare(client, inputs.domainId, inputs.email);
  if (!s) throw new Error(`DNSPod Domainshare.List domain ${inputs.domainId}: the share with ${inputs.email} was written but is not listed; run \`pulumi refresh\``);
  return outputsFromShare(inputs, s);
}

export const shareImpl: ResourceImpl<ShareInputs, ShareOutputs> = {
  async check(_olds, news) {
    return checkInputs(ShareInputs, news, "dnspod.DomainShare");
  },

  async diff(_id, olds, news) {
    const d = diffInputs(INPUT_KEYS, ["domainId", "email"], olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    return { changes: d.changes, replaces: d.replaces, deleteBeforeReplace: false };
  },

  async create(inputs) {
    const { client } = dnspodContext();
    const id = [inputs.domainId, inputs.email, ...(inputs.subDomain ? [inputs.subDomain] : [])].join("/");
    try {
      await client.createShare(inputs.domainId, inputs.email, inputs.mode, inputs.subDomain);
    } catch (err) {
      // 9: already shared with this email. Its message already says to set adopt.
      if (!(isExists(err) && inputs.adopt)) throw err;
      const cur = await describe(client, inputs);
      if (cur.mode === inputs.mode && cur.subDomain === inputs.subDomain) return { id, outs: cur };
      await client.modifyShare(inputs.domainId, inputs.email, inputs.mode, cur.subDomain, inputs.subDomain);
    }
    return { id, outs: await describe(client, inputs) };
  },

  async read(id, props) {
    const { domainId, email } = splitShareId(id);
    let s: Share | undefined;
    try {
      s = await findShare(dnspodContext().client, domainId, email);
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
    if (!s) return {};
    const outs = outputsFromShare({ ...props, domainId }, s);
    return { id, props: outs, inputs: pick(outs as unknown as Record<string, unknown>, [...INPUT_KEYS, "adopt"]) };
  },

  async update(_id, olds, news) {
    if (olds.mode === news.mode && olds.subDomain === news.subDomain) return { outs: { ...olds, ...news } };
    const { client } = dnspodContext();
    await client.modifyShare(news.domainId, news.email, news.mode, olds.subDomain, news.subDomain);
    return { outs: await describe(client, news) };
  },

  async delete(id) {
    const { domainId, email } = splitShareId(id);
    await dnspodContext().client.removeShare(domainId, email);
  },
};
