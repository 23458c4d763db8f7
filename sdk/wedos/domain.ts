import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("wedos:Domain");

export interface DomainArgs {
  /** Zone name, e.g. "example.cz". */
  name: pulumi.Input<string>;
  /** "primary" (default) or "secondary". Changing it recreates the zone (see allowRecreate). */
  type?: pulumi.Input<"primary" | "secondary">;
  /** Secondary zones: the primary server's address. */
  primaryIp?: pulumi.Input<string>;
  /** Primary zones: allow outgoing AXFR to axfrIps. */
  axfrEnabled?: pulumi.Input<boolean>;
  axfrIps?: pulumi.Input<pulumi.Input<string>[]>;
  /** Create as a copy (rows included) of this existing zone; later changes are ignored. */
  copyFrom?: pulumi.Input<string>;
  /** Accept changes that delete and re-create the zone with all its rows. */
  allowRecreate?: pulumi.Input<boolean>;
  /** Secondary zones: each new value runs dns-domain-axfr-run. */
  axfrRunTrigger?: pulumi.Input<string>;
  /** Take over an existing zone of this name instead of failing. */
  adopt?: pulumi.Input<boolean>;
}

/** A zone in WEDOS DNS. Its id is the zone name. */
export class Domain extends pulumi.dynamic.Resource {
  declare readonly name: pulumi.Output<string>;
  declare readonly type: pulumi.Output<"primary" | "secondary">;
  declare readonly primaryIp: pulumi.Output<string | undefined>;
  declare readonly axfrEnabled: pulumi.Output<boolean>;
  declare readonly axfrIps: pulumi.Output<string[]>;
  declare readonly status: pulumi.Output<string>;
  declare readonly serial: pulumi.Output<string>;
  declare readonly rname: pulumi.Output<string>;
  declare readonly refresh: pulumi.Output<number>;
  declare readonly retry: pulumi.Output<number>;
  declare readonly expire: pulumi.Output<number>;
  declare readonly minimum: pulumi.Output<number>;
  declare readonly nameservers: pulumi.Output<string[]>;
  declare readonly axfrNextRun: pulumi.Output<string | undefined>;

  constructor(name: string, args: DomainArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      allKeys(["name", "type", "primaryIp", "axfrEnabled", "axfrIps", "copyFrom", "allowRecreate", "axfrRunTrigger", "adopt", "status", "serial", "rname", "refresh", "retry", "expire", "minimum", "nameservers", "axfrNextRun"], args),
      opts,
      "wedos",
      "Domain",
    );
  }
}
