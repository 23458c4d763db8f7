import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:DomainGroup");

export interface DomainGroupArgs {
  /** Group name, 1–20 characters; updated in place. */
  name: pulumi.Input<string>;
  /** Take over an existing group of this name instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** A custom domain group (VIP accounts only). Its id is the group id. */
export class DomainGroup extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly groupId: pulumi.Output<string>;

  constructor(name: string, args: DomainGroupArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["name", "adopt", "groupId"], args), opts, "dnspod", "DomainGroup");
  }
}
