/**
 * The provider object Pulumi serializes into state (`__provider`). It must stay tiny and capture
 * nothing but the kind name: it loads the installed package's runtime by package name at deploy
 * time (see provider/runtime.ts for why).
 *
 * Pulumi writes every distinct function of this object with ~200 bytes of wrapper, and stores the
 * result twice per resource (inputs and outputs). So the seven methods share two functions; the
 * runtime tells the calls apart by their arguments (see `shimCall`).
 */
import type * as pulumi from "@pulumi/pulumi";

export function shim(kind: string): pulumi.dynamic.ResourceProvider {
  const first = (...args: unknown[]) => require("pulumi-dnspod-wedos/runtime").shimCall(kind, 0, args);
  const second = (...args: unknown[]) => require("pulumi-dnspod-wedos/runtime").shimCall(kind, 1, args);
  return {
    configure: first,
    create: first,
    check: first,
    read: first,
    diff: first,
    delete: second,
    update: second,
  } as pulumi.dynamic.ResourceProvider;
}

/**
 * CustomResource creates an Output only for keys present in props, so every declared property —
 * inputs the user left out (defaults) and outputs alike — is listed, as undefined unless given.
 */
export function allKeys(keys: readonly string[], args: object): Record<string, unknown> {
  return { ...Object.fromEntries(keys.map((k) => [k, undefined])), ...args };
}

/** The user's options with the resource's secret outputs added to additionalSecretOutputs (theirs kept). */
export function secretOutputs(opts: pulumi.CustomResourceOptions | undefined, keys: readonly string[]): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...keys])] };
}
