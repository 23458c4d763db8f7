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
};

export function registerKind(kind: string, load: () => ResourceImpl): void {
  KINDS[kind] = load;
}

export function impl(kind: string): ResourceImpl {
  const load = KINDS[kind];
  if (!load) throw new Error(`pulumi-dnspod-wedos: unknown resource kind "${kind}"; is the installed package older than the one that created this state?`);
  return load();
}

export async function configure(req: { config?: ConfigSource }): Promise<void> {
  setStackConfig(req.config);
}

export { setStackConfig };
