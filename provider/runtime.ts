/**
 * The package's runtime entry ("pulumi-dnspod-wedos/runtime"). The provider stored in state is a
 * shim whose methods require this module by package name, so state stays small, process-wide
 * singletons (request budget, commit coalescer, listing cache) are real, and a newer package
 * version serves resources created by an older one. Keep the names exported here stable.
 */
import { setStackConfig, type ConfigSource } from "./config";
import type { ResourceImpl } from "./resource";

/** Resource kinds, as the shim names them: "<module>:<Type>". Never rename an entry. */
const KINDS: Record<string, () => ResourceImpl> = {
  "wedos:Domain": () => (require("./wedos/resources/domain") as typeof import("./wedos/resources/domain")).domainImpl,
  "wedos:Record": () => (require("./wedos/resources/record") as typeof import("./wedos/resources/record")).recordImpl,
  "wedos:DnssecKeyset": () => (require("./wedos/resources/keyset") as typeof import("./wedos/resources/keyset")).keysetImpl,
  "dnspod:Domain": () => (require("./dnspod/resources/domain") as typeof import("./dnspod/resources/domain")).domainImpl,
  "dnspod:Record": () => (require("./dnspod/resources/record") as typeof import("./dnspod/resources/record")).recordImpl,
  "dnspod:DomainShare": () => (require("./dnspod/resources/share") as typeof import("./dnspod/resources/share")).shareImpl,
  "dnspod:DomainAlias": () => (require("./dnspod/resources/alias") as typeof import("./dnspod/resources/alias")).aliasImpl,
  "dnspod:DomainGroup": () => (require("./dnspod/resources/group") as typeof import("./dnspod/resources/group")).groupImpl,
  "dnspod:DomainLock": () => (require("./dnspod/resources/lock") as typeof import("./dnspod/resources/lock")).lockImpl,
};

export function registerKind(kind: string, load: () => ResourceImpl): void {
  KINDS[kind] = load;
}

/**
 * The engine turns results into protobuf Structs, which reject `undefined`; plain JSON also
 * keeps state free of accidental class instances.
 */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export function impl(kind: string): ResourceImpl {
  const load = KINDS[kind];
  if (!load) throw new Error(`pulumi-dnspod-wedos: unknown resource kind "${kind}"; is the installed package older than the one that created this state?`);
  const r = load();
  return {
    check: async (olds, news) => plain(await r.check(olds, news)),
    diff: async (id, olds, news) => plain(await r.diff(id, olds, news)),
    create: async (inputs) => plain(await r.create(inputs)),
    read: async (id, props) => plain(await r.read(id, props)),
    update: async (id, olds, news) => plain(await r.update(id, olds, news)),
    delete: (id, props) => r.delete(id, props),
  };
}

export async function configure(req: { config?: ConfigSource }): Promise<void> {
  setStackConfig(req.config);
}

export { setStackConfig };
