/**
 * dnspod.DomainShare: a domain shared with another DNSPod account, id
 * "domainId/email[/subDomain]" (the sub domain as created; read and delete need only the first two,
 * since DNSPod keys a share by domain and email). Mode and sub domain change in place through
 * Domainshare.Modify, which wants the sub domain shared now (`old_sub_domain`) and the new one.
 */

import { z } from "zod";
import { createOrAdopt } from "../../define";
import type { InputsOf, OutputsOf } from "../../descriptor";
import { createOnly, describeResource, replaces } from "../../descriptor";
import { given, typeError } from "../../resource";
import type { DnspodClient } from "../client";
import { defineDnspodResource } from "../context";
import { canonicalSubDomain } from "../convert";
import type { Share } from "../schemas";
import { bool, dnspodId } from "./inputs";

const ShareInputs = z
  .object({
    domainId: replaces(dnspodId("domainId").describe("Id of the shared domain.")),
    email: replaces(
      z
        .string({ error: typeError("email", "an email address string", 'email: "colleague@example.com"') })
        .transform((v) => v.trim().toLowerCase())
        .pipe(
          z.string().regex(/^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/, {
            error: (i) =>
              `email ${JSON.stringify(i.input)} is not an email address. Fix: use the email of another DNSPod account, e.g. "colleague@example.com"`,
          }),
        )
        .describe("Email of the DNSPod account to share with."),
    ),
    mode: z
      .enum(["r", "rw"], {
        error: (i) => `mode must be "r" (read only) or "rw" (read and write), not ${given(i.input)}. Fix: use mode: "r" or mode: "rw"`,
      })
      .default("r")
      .describe('"r" (read only, default) or "rw". Updated in place.'),
    subDomain: z
      .string({ error: typeError("subDomain", 'a string ("" shares the whole domain)', 'subDomain: "www"') })
      .default("")
      .transform((v, ctx) => {
        const s = v.trim().toLowerCase();
        if (s === "" || s === "@") return "";
        const c = canonicalSubDomain(s);
        if (!c.ok) ctx.addIssue({ code: "custom", message: c.reason });
        return c.ok ? c.value : s;
      })
      .pipe(z.string())
      .describe('Share only this sub domain ("www"); "" (default) shares the whole domain. Updated in place.'),
    adopt: createOnly(bool("adopt").default(false).describe("Take over an existing share with this email instead of failing.")),
  })
  .strict();

const descriptor = describeResource({
  api: "dnspod",
  type: "DomainShare",
  description: "Shares a domain (or one subdomain of it) with another DNSPod account (Domainshare.Create/Modify/Remove).",
  noun: "share",
  idFormat: '"domainId/email[/subDomain]"',
  idExample: "1992403/colleague@example.com",
  inputs: ShareInputs,
  outputs: z.object({ status: z.string().describe('Share status as DNSPod reports it, e.g. "enabled".') }),
});

type Inputs = InputsOf<typeof descriptor>;
type Outputs = OutputsOf<typeof descriptor>;

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

async function readBack(client: DnspodClient, inputs: Inputs): Promise<Outputs> {
  const s = await findShare(client, inputs.domainId, inputs.email);
  if (!s)
    throw new Error(
      `DNSPod Domainshare.List domain ${inputs.domainId}: the share with ${inputs.email} was written but is not listed; run \`pulumi refresh\``,
    );
  return outputsFromShare(inputs, s);
}

export const shareResource = defineDnspodResource(descriptor, {
  async create(ctx, inputs) {
    const { client } = ctx;
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
      const cur = await readBack(client, inputs);
      if (cur.mode === inputs.mode && cur.subDomain === inputs.subDomain) return { id, outs: cur };
      await client.modifyShare(inputs.domainId, inputs.email, inputs.mode, cur.subDomain, inputs.subDomain);
    }
    return { id, outs: await readBack(client, inputs) };
  },

  async read(ctx, id, props) {
    const { domainId, email } = splitShareId(id);
    const s = await findShare(ctx.client, domainId, email);
    return s && outputsFromShare({ ...props, domainId }, s);
  },

  async update(ctx, _id, olds, news) {
    if (olds.mode === news.mode && olds.subDomain === news.subDomain) return { ...olds, ...news };
    const { client } = ctx;
    await client.modifyShare(news.domainId, news.email, news.mode, olds.subDomain, news.subDomain);
    return readBack(client, news);
  },

  async delete(ctx, id) {
    const { domainId, email } = splitShareId(id);
    await ctx.client.removeShare(domainId, email);
  },
});
