/**
 * The provider object Pulumi serializes into state (`__provider`). It must stay tiny and capture
 * nothing but the kind name: every method loads the installed package's runtime by package name
 * at deploy time (see provider/runtime.ts for why).
 */
import type * as pulumi from "@pulumi/pulumi";

export function shim(kind: string): pulumi.dynamic.ResourceProvider {
  return {
    configure: async (req) => require("pulumi-dnspod-wedos/runtime").configure(req),
    check: async (olds, news) => require("pulumi-dnspod-wedos/runtime").impl(kind).check(olds, news),
    diff: async (id, olds, news) => require("pulumi-dnspod-wedos/runtime").impl(kind).diff(id, olds, news),
    create: async (inputs) => require("pulumi-dnspod-wedos/runtime").impl(kind).create(inputs),
    read: async (id, props) => require("pulumi-dnspod-wedos/runtime").impl(kind).read(id, props),
    update: async (id, olds, news) => require("pulumi-dnspod-wedos/runtime").impl(kind).update(id, olds, news),
    delete: async (id, props) => require("pulumi-dnspod-wedos/runtime").impl(kind).delete(id, props),
  };
}

/**
 * CustomResource creates an Output only for keys present in props, so every declared property —
 * inputs the user left out (defaults) and outputs alike — is listed, as undefined unless given.
 */
export function allKeys(keys: readonly string[], args: object): Record<string, unknown> {
  return { ...Object.fromEntries(keys.map((k) => [k, undefined])), ...args };
}
