import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:DomainAlias");

export interface DomainAliasArgs {
  /** Domain id the alias answers for. Changing it replaces the alias. */
  domainId: pulumi.Input<string>;
  /** The alias domain, e.g. "example.net". Changing it replaces the alias. */
  domain: pulumi.Input<string>;
  /** Take over the alias if the domain already has it instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** Another domain name served with this domain's records. Its id is "domainId/aliasId". */
export class DomainAlias extends pulumi.dynamic.Resource {
  declare readonly domainId: pulumi.Output<string>;
  declare readonly domain: pulumi.Output<string>;
  declare readonly aliasId: pulumi.Output<string>;

  constructor(name: string, args: DomainAliasArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domainId", "domain", "adopt", "aliasId"], args), opts, "dnspod", "DomainAlias");
  }
}
