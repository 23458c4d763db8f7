import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:DomainShare");

export interface DomainShareArgs {
  /** Domain id. Changing it replaces the share. */
  domainId: pulumi.Input<string>;
  /** Email of the DNSPod account to share with. Changing it replaces the share. */
  email: pulumi.Input<string>;
  /** "r" (read only, default) or "rw". */
  mode?: pulumi.Input<"r" | "rw">;
  /** Share only this sub domain ("www"); "" (default) shares the whole domain. */
  subDomain?: pulumi.Input<string>;
  /** Take over an existing share with this email instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** A domain shared with another DNSPod account. Its id is "domainId/email[/subDomain]". */
export class DomainShare extends pulumi.dynamic.Resource {
  declare readonly domainId: pulumi.Output<string>;
  declare readonly email: pulumi.Output<string>;
  declare readonly mode: pulumi.Output<"r" | "rw">;
  declare readonly subDomain: pulumi.Output<string>;
  declare readonly status: pulumi.Output<string>;

  constructor(name: string, args: DomainShareArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domainId", "email", "mode", "subDomain", "adopt", "status"], args), opts, "dnspod", "DomainShare");
  }
}
