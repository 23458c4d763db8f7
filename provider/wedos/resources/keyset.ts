/**
 * wedos.DnssecKeyset: the DNSSEC KEYSET of a zone, id = the zone. WAPI can set it but offers no
 * way to read it back, so drift is invisible except that the zone itself disappears, and an
 * imported keyset is unknown until the first `pulumi up` sets the declared one.
 */
import { defineResource } from "../../define";
import { unlessGone } from "../../http/errors";
import { wedosContext } from "../context";
import { KeysetResource } from "./descriptors";

const wire = (keyset: string): 1 | string => (keyset.toLowerCase() === "wedos" ? 1 : keyset);

export const keysetImpl = defineResource(KeysetResource, {
  async create(inputs) {
    await wedosContext().client.updateKeyset(inputs.domain, wire(inputs.keyset));
    return { id: inputs.domain, outs: { ...inputs } };
  },
  // WAPI cannot tell the keyset: an imported keyset has none stored, so the first update sets it.
  async read(id, props) {
    return (await wedosContext().client.domainInfo(id)) ? { ...props, domain: id } : undefined;
  },
  async update(_id, _olds, news) {
    await wedosContext().client.updateKeyset(news.domain, wire(news.keyset));
    return { ...news };
  },
  async delete(id) {
    // A zone that is gone has no DNSSEC left to turn off.
    await unlessGone(() => wedosContext().client.updateKeyset(id, 0));
  },
});
