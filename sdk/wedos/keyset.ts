import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("wedos:DnssecKeyset");

export interface DnssecKeysetArgs {
  /** Zone name. */
  domain: pulumi.Input<string>;
  /** "wedos" for WEDOS's own KEYSET, or the name of a custom KEYSET. */
  keyset: pulumi.Input<string>;
}

/** DNSSEC for a WEDOS zone; deleting it turns DNSSEC off. Its id is the zone name. */
export class DnssecKeyset extends pulumi.dynamic.Resource {
  declare readonly domain: pulumi.Output<string>;
  declare readonly keyset: pulumi.Output<string>;

  constructor(name: string, args: DnssecKeysetArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domain", "keyset"], args), opts, "wedos", "DnssecKeyset");
  }
}
