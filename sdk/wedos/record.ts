import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("wedos:Record");

export type RecordType = "A" | "AAAA" | "CNAME" | "MX" | "TXT" | "NS" | "SRV" | "CAA" | "TLSA" | "SSHFP";

export interface RecordArgs {
  /** Zone name; pass `domain.name` of a wedos.Domain so a re-created zone re-creates its rows. */
  domain: pulumi.Input<string>;
  /** Relative name: "" or "@" for the apex, "www", "*". Changing it replaces the row. */
  name?: pulumi.Input<string>;
  /** Changing it replaces the row. */
  type: pulumi.Input<RecordType>;
  /** 300–172800 seconds, default 300. */
  ttl?: pulumi.Input<number>;
  /** Zone-file form: "192.0.2.1", "10 mail.example.cz", raw TXT text. */
  rdata: pulumi.Input<string>;
  /** Stored as the row's author comment; changing it replaces the row. */
  comment?: pulumi.Input<string>;
  /** Take over an identical existing row instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** One row of a WEDOS zone. Its id is "zone/rowId". */
export class Record extends pulumi.dynamic.Resource {
  declare readonly domain: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly type: pulumi.Output<RecordType>;
  declare readonly ttl: pulumi.Output<number>;
  declare readonly rdata: pulumi.Output<string>;
  declare readonly comment: pulumi.Output<string>;
  declare readonly rowId: pulumi.Output<string>;
  declare readonly fqdn: pulumi.Output<string>;
  declare readonly changedDate: pulumi.Output<string>;

  constructor(name: string, args: RecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domain", "name", "type", "ttl", "rdata", "comment", "adopt", "rowId", "fqdn", "changedDate"], args), opts, "wedos", "Record");
  }
}
