/**
 * The package's runtime entry ("pulumi-dnspod-wedos/runtime"). The provider stored in state is a
 * shim whose methods require this module by package name, so state stays small, process-wide
 * singletons (request budget, commit coalescer, listing cache) are real, and a newer package
 * version serves resources created by an older one. Keep the names exported here stable.
 */
import { type ConfigSource, setStackConfig } from "./config";
import { PartialCreate, type ResourceImpl } from "./resource";

/** Resource kinds, as the shim names them: "<module>:<Type>". Never rename an entry. */
const KINDS: Record<string, () => ResourceImpl> = {
  "wedos:Domain": () => (require("./wedos/resources/domain") as typeof import("./wedos/resources/domain")).domainImpl,
  "wedos:Record": () => (require("./wedos/resources/record") as typeof import("./wedos/resources/record")).recordImpl,
  "wedos:DnssecKeyset": () => (require("./wedos/resources/keyset") as typeof import("./wedos/resources/keyset")).keysetImpl,
  "wedos:ZoneRecords": () => (require("./wedos/resources/zone-records") as typeof import("./wedos/resources/zone-records")).zoneRecordsImpl,
  "dnspod:Domain": () => (require("./dnspod/resources/domain") as typeof import("./dnspod/resources/domain")).domainImpl,
  "dnspod:Record": () => (require("./dnspod/resources/record") as typeof import("./dnspod/resources/record")).recordImpl,
  "dnspod:DomainShare": () => (require("./dnspod/resources/share") as typeof import("./dnspod/resources/share")).shareImpl,
  "dnspod:DomainAlias": () => (require("./dnspod/resources/alias") as typeof import("./dnspod/resources/alias")).aliasImpl,
  "dnspod:DomainGroup": () => (require("./dnspod/resources/group") as typeof import("./dnspod/resources/group")).groupImpl,
  "dnspod:DomainLock": () => (require("./dnspod/resources/lock") as typeof import("./dnspod/resources/lock")).lockImpl,
  "dnspod:ZoneRecords": () =>
    (require("./dnspod/resources/zone-records") as typeof import("./dnspod/resources/zone-records")).zoneRecordsImpl,
};

/**
 * The engine turns results into protobuf Structs, which reject `undefined`; plain JSON also
 * keeps state free of accidental class instances.
 */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function impl(kind: string): ResourceImpl {
  const load = KINDS[kind];
  if (!load)
    throw new Error(
      `pulumi-dnspod-wedos: unknown resource kind "${kind}"; is the installed package older than the one that created this state?`,
    );
  const r = load();
  return {
    check: async (olds, news) => plain(await r.check(olds, news)),
    diff: async (id, olds, news) => plain(await r.diff(id, olds, news)),
    diffDetailed: async (id, olds, news) => plain(r.diffDetailed ? await r.diffDetailed(id, olds, news) : await r.diff(id, olds, news)),
    create: async (inputs) => {
      try {
        return plain(await r.create(inputs));
      } catch (err) {
        // Both provider hosts report an error with id, properties and reasons as a partial failure;
        // a dynamic resource's stored outputs need `__provider`, as every state of one does.
        if (!(err instanceof PartialCreate)) throw err;
        const shim = (inputs as { __provider?: unknown }).__provider;
        throw Object.assign(new Error(err.message), {
          id: err.id,
          properties: { ...plain(err.outs), ...(shim === undefined ? {} : { __provider: shim }) },
          reasons: [err.message],
        });
      }
    },
    read: async (id, props) => plain(await r.read(id, props)),
    update: async (id, olds, news) => plain(await r.update(id, olds, news)),
    delete: (id, props) => r.delete(id, props),
  };
}

export async function configure(req: { config?: ConfigSource }): Promise<void> {
  setStackConfig(req.config);
}

/**
 * Entry of the serialized shim (sdk/shim.ts), whose methods share two functions. The calls are
 * told apart by the arguments the dynamic-provider host passes (@pulumi/pulumi
 * cmd/dynamic-provider): group 0 is configure({config}), create(props), check(olds, news),
 * read(id, props) and diff(id, olds, news); group 1 is delete(id, props) and update(id, olds, news).
 * Resources' props always carry `__provider`; configure's request never does.
 */
export async function shimCall(kind: string, group: 0 | 1, args: unknown[]): Promise<unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: the host passes whatever the dynamic-provider protocol carries; the arity and types below tell the calls apart
  const [a, b, c] = args as [any, any, any];
  const idFirst = typeof a === "string";
  if (group === 1) {
    if (idFirst && args.length === 2) return impl(kind).delete(a, b);
    if (idFirst && args.length === 3) return impl(kind).update(a, b, c);
  } else if (args.length === 1 && a && typeof a === "object") {
    return "config" in a && !("__provider" in a) ? configure(a) : impl(kind).create(a);
  } else if (args.length === 2) {
    return idFirst ? impl(kind).read(a, b) : impl(kind).check(a, b);
  } else if (args.length === 3 && idFirst) {
    return impl(kind).diff(a, b, c);
  }
  throw new Error(
    `pulumi-dnspod-wedos: unexpected call of the ${kind} provider with ${args.length} argument(s); this @pulumi/pulumi version calls dynamic providers differently — please report it`,
  );
}

export { setStackConfig };
