import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:Record");

export type RecordType = "A" | "CNAME" | "MX" | "TXT" | "NS" | "AAAA" | "SRV" | "URL" | "Framed URL" | "CAA";

export interface RecordArgs {
  /** Domain id (`domain.id` of a dnspod.Domain). Changing it replaces the record. */
  domainId: pulumi.Input<string>;
  /** Relative name: "@" (default) for the apex, "www", "*". */
  subDomain?: pulumi.Input<string>;
  recordType: pulumi.Input<RecordType>;
  /** Line key: "default" (default), "US", "search_engine", … */
  recordLine?: pulumi.Input<string>;
  /** "192.0.2.1", "mail.example.com", raw TXT text, "10 5 5060 sip.example.com". */
  value: pulumi.Input<string>;
  /** MX priority 1–20 (MX records only, required there). */
  mx?: pulumi.Input<number>;
  /** Seconds, default 600; the grade sets the minimum (DP_Free 600). */
  ttl?: pulumi.Input<number>;
  /** "enable" (default) or "disable". */
  status?: pulumi.Input<"enable" | "disable">;
  remark?: pulumi.Input<string>;
  /** Take over an identical existing record instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** One record of a DNSPod domain. Its id is "domainId/recordId". A DomainLock blocks changes while it holds. */
export class Record extends pulumi.dynamic.Resource {
  declare readonly domainId: pulumi.Output<string>;
  declare readonly subDomain: pulumi.Output<string>;
  declare readonly recordType: pulumi.Output<RecordType>;
  declare readonly recordLine: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;
  declare readonly mx: pulumi.Output<number | undefined>;
  declare readonly ttl: pulumi.Output<number>;
  declare readonly status: pulumi.Output<"enable" | "disable">;
  declare readonly remark: pulumi.Output<string>;
  declare readonly recordId: pulumi.Output<string>;
  declare readonly updatedOn: pulumi.Output<string>;

  constructor(name: string, args: RecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domainId", "subDomain", "recordType", "recordLine", "value", "mx", "ttl", "status", "remark", "adopt", "recordId", "updatedOn"], args), opts, "dnspod", "Record");
  }
}
