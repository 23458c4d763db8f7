import * as pulumi from "@pulumi/pulumi";
import { allKeys, shim } from "../shim";

const provider = shim("dnspod:DomainLock");

export interface DomainLockArgs {
  /** Domain id to lock. Changing it replaces the lock. */
  domainId: pulumi.Input<string>;
  /** Days the lock holds, 1–365. Changing it replaces the lock. */
  days: pulumi.Input<number>;
}

/**
 * Domain.Lock: while it holds, DNSPod refuses record writes and removing or disabling the domain.
 * Deleting this resource unlocks with the stored lock code. Its id is the domain id.
 */
export class DomainLock extends pulumi.dynamic.Resource {
  declare readonly domainId: pulumi.Output<string>;
  declare readonly days: pulumi.Output<number>;
  /** The code that unlocks the domain early; stored encrypted in state. */
  declare readonly lockCode: pulumi.Output<string>;
  /** Last day of the lock, "YYYY-MM-DD". */
  declare readonly lockEnd: pulumi.Output<string>;

  constructor(name: string, args: DomainLockArgs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, allKeys(["domainId", "days", "lockCode", "lockEnd"], args), lockOptions(opts), "dnspod", "DomainLock");
  }
}

/** The user's options with lockCode added to additionalSecretOutputs (theirs kept). */
export function lockOptions(opts?: pulumi.CustomResourceOptions): pulumi.CustomResourceOptions {
  const secret = new Set([...(opts?.additionalSecretOutputs ?? []), "lockCode"]);
  return { ...opts, additionalSecretOutputs: [...secret] };
}
