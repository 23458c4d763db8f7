import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:Domain");

export interface DomainArgs {
  /** Domain name, e.g. "example.com". Changing it replaces the domain. */
  domain: pulumi.Input<string>;
  /** Group id: 1 (default) or another system group 2–7, or `groupId` of a dnspod.DomainGroup. */
  groupId?: pulumi.Input<number>;
  /** Star the domain in the DNSPod console (default false). */
  isMark?: pulumi.Input<boolean>;
  /** Free-text note. */
  remark?: pulumi.Input<string>;
  /** "enable" (default) or "disable". */
  status?: pulumi.Input<"enable" | "disable">;
  /** Push the domain to search engines (default true). */
  searchEnginePush?: pulumi.Input<boolean>;
  /** Take over the domain if it already exists in this account instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** A domain in the DNSPod account. Its id is DNSPod's domain id (pass it as a Record's domainId). */
export class Domain extends pulumi.dynamic.Resource {
  declare readonly domain: pulumi.Output<string>;
  declare readonly groupId: pulumi.Output<number>;
  declare readonly isMark: pulumi.Output<boolean>;
  declare readonly remark: pulumi.Output<string>;
  declare readonly status: pulumi.Output<"enable" | "disable">;
  declare readonly searchEnginePush: pulumi.Output<boolean>;
  declare readonly punycode: pulumi.Output<string>;
  declare readonly grade: pulumi.Output<string>;
  declare readonly ttl: pulumi.Output<number>;
  declare readonly owner: pulumi.Output<string>;
  declare readonly recordCount: pulumi.Output<number>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domain", "groupId", "isMark", "remark", "status", "searchEnginePush", "adopt", "punycode", "grade", "ttl", "owner", "recordCount"], args), opts, "dnspod", "Domain");
  }
}
