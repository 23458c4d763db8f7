/**
 * The dynamic provider of one resource kind. Each kind's provider is the whole export of a module
 * of its own (sdk/providers/<api>-<type>.gen.ts), and Pulumi serializes a provider that is a
 * package module's export as a require of that module by package name: `__provider` in state is
 * then a ~250-byte `require("pulumi-dnspod-wedos/dist/sdk/providers/wedos-record.gen.js")`, not the
 * code (package.json exports that folder).
 * The provider process loads the installed package's runtime (provider/runtime.ts) on the first
 * call, so a newer package serves resources an older one created, and process-wide things
 * (request budget, commit coalescer, listing cache) are real singletons.
 *
 * The seven methods share two functions, told apart by their arguments (see `shimCall`): state
 * written before the providers were modules holds these two functions' code, and calls the same
 * runtime entry the same way.
 */
import type * as pulumi from "@pulumi/pulumi";

export function shim(kind: string): pulumi.dynamic.ResourceProvider {
  // Loaded on the first call: a program that only declares resources never loads the provider code.
  const call =
    (fn: 0 | 1) =>
    (...args: unknown[]) =>
      (require("../provider/runtime") as typeof import("../provider/runtime")).shimCall(kind, fn, args);
  return {
    configure: call(0),
    create: call(0),
    check: call(0),
    read: call(0),
    diff: call(0),
    delete: call(1),
    update: call(1),
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
