/**
 * wedos.DnssecKeyset: the DNSSEC KEYSET of a zone, id = the zone. WAPI can set it but offers no
 * way to read it back, so drift is invisible except that the zone itself disappears.
 */
import { checkInputs, diffInputs, type ResourceImpl } from "../../resource";
import { wedosContext } from "../context";
import { WedosApiError } from "../errors";
import { KeysetInputs } from "./inputs";

const wire = (keyset: string): 1 | string => (keyset.toLowerCase() === "wedos" ? 1 : keyset);

export const keysetImpl: ResourceImpl<KeysetInputs, KeysetInputs> = {
  async check(_olds, news) {
    return checkInputs(KeysetInputs, news, "wedos.DnssecKeyset");
  },
  async diff(_id, olds, news) {
    const d = diffInputs(["domain", "keyset"], ["domain"], olds as unknown as Record<string, unknown>, news as unknown as Record<string, unknown>);
    return { changes: d.changes, replaces: d.replaces };
  },
  async create(inputs) {
    await wedosContext().client.updateKeyset(inputs.domain, wire(inputs.keyset));
    return { id: inputs.domain, outs: { ...inputs } };
  },
  async read(id, props) {
    const info = await wedosContext().client.domainInfo(id);
    return info ? { id, props, inputs: { domain: props.domain, keyset: props.keyset } } : {};
  },
  async update(_id, _olds, news) {
    await wedosContext().client.updateKeyset(news.domain, wire(news.keyset));
    return { outs: { ...news } };
  },
  async delete(id) {
    try {
      await wedosContext().client.updateKeyset(id, 0);
    } catch (err) {
      if (!(err instanceof WedosApiError && err.notFound)) throw err;
    }
  },
};
