/**
 * wedos.DnssecKeyset: the DNSSEC KEYSET of a zone, id = the zone. WAPI can set it but offers no
 * way to read it back, so drift is invisible except that the zone itself disappears, and an
 * imported keyset is unknown until the first `pulumi up` sets the declared one.
 */

import { z } from "zod";
import { describeResource, replaces } from "../../descriptor";
import { unlessGone } from "../../http/errors";
import { typeError } from "../../resource";
import { defineWedosResource } from "../context";
import { zoneName } from "./inputs";

const KeysetInputs = z
  .object({
    domain: replaces(zoneName("domain").describe("Zone whose DNSSEC KEYSET is set.")),
    keyset: z
      .string({ error: typeError("keyset", 'a string ("wedos" or a custom KEYSET name)', 'keyset: "wedos"') })
      .min(1, { error: 'keyset must not be empty. Fix: set keyset: "wedos" for WEDOS\'s own keys, or the name of a custom KEYSET' })
      .describe(
        '"wedos" = WEDOS\'s own KEYSET (primary zones on WEDOS DNS); any other value names a custom KEYSET. Deleting the resource turns DNSSEC off (keyset 0).',
      ),
  })
  .strict();

const descriptor = describeResource({
  api: "wedos",
  type: "DnssecKeyset",
  description:
    "DNSSEC KEYSET of a WEDOS zone (dns-domain-update-keyset). Deleting the resource sets keyset 0 (DNSSEC " +
    "off). WAPI cannot read the keyset back, so only the zone's disappearance is detected on refresh.",
  noun: "DNSSEC setting",
  idFormat: "the zone name",
  idExample: "example.cz",
  inputs: KeysetInputs,
  outputs: z.object({}),
});

const wire = (keyset: string): 1 | string => (keyset.toLowerCase() === "wedos" ? 1 : keyset);

export const keysetResource = defineWedosResource(descriptor, {
  async create({ client }, inputs) {
    await client.updateKeyset(inputs.domain, wire(inputs.keyset));
    return { id: inputs.domain, outs: { ...inputs } };
  },
  // WAPI cannot tell the keyset: an imported keyset has none stored, so the first update sets it.
  async read({ client }, id, props) {
    return (await client.domainInfo(id)) ? { ...props, domain: id } : undefined;
  },
  async update({ client }, _id, _olds, news) {
    await client.updateKeyset(news.domain, wire(news.keyset));
    return { ...news };
  },
  async delete({ client }, id) {
    // A zone that is gone has no DNSSEC left to turn off.
    await unlessGone(() => client.updateKeyset(id, 0));
  },
});
