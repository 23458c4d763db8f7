/**
 * The package's runtime entry ("pulumi-dnspod-wedos/runtime"). The provider stored in state is a
 * shim whose methods require this module by package name, so state stays small, process-wide
 * singletons (request budget, commit coalescer, listing cache) are real, and a newer package
 * version serves resources created by an older one. Keep the names exported here stable.
 */
import { type ConfigSource, setStackConfig } from "./config";
import type { Resource } from "./define";
import type { Api } from "./descriptor";
import { PartialCreate, PartialUpdate, type ResourceImpl } from "./resource";

/**
 * Each API's resource list (provider/<api>/resources/index.ts), loaded when a resource of that API
 * is first served, so a stack of one API never loads the other's code.
 */
const LISTS: Record<Api, () => readonly Resource[]> = {
  wedos: () => (require("./wedos/resources") as typeof import("./wedos/resources")).WEDOS_RESOURCES,
  dnspod: () => (require("./dnspod/resources") as typeof import("./dnspod/resources")).DNSPOD_RESOURCES,
};

/** Each API's configured context (provider/<api>/context.ts), built at the first call that needs it. */
const CONTEXTS: Record<Api, () => unknown> = {
  wedos: () => (require("./wedos/context") as typeof import("./wedos/context")).wedosContext(),
  dnspod: () => (require("./dnspod/context") as typeof import("./dnspod/context")).dnspodContext(),
};

/** The resource type a kind names: "wedos:Record" (as a dynamic resource's shim names it). */
export function resourceOfKind(kind: string): Resource {
  const api = kind.slice(0, kind.indexOf(":")) as Api;
  const r = Object.hasOwn(LISTS, api) ? LISTS[api]().find((x) => x.descriptor.tokens.kind === kind) : undefined;
  if (!r)
    throw new Error(
      `pulumi-dnspod-wedos: unknown resource kind "${kind}"; is the installed package older than the one that created this state?`,
    );
  return r;
}

/**
 * The engine turns results into protobuf Structs, which reject `undefined`; plain JSON also
 * keeps state free of accidental class instances.
 */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Both provider hosts report an error with id, properties and reasons as a partial failure, whose
 * outputs the engine saves; a dynamic resource's stored outputs need `__provider`, as every state
 * of one does. Other errors pass as they are.
 */
function partialFailure(err: unknown, inputs: unknown): unknown {
  if (!(err instanceof PartialCreate || err instanceof PartialUpdate)) return err;
  const shim = (inputs as { __provider?: unknown }).__provider;
  return Object.assign(new Error(err.message), {
    id: err.id,
    properties: { ...plain(err.outs), ...(shim === undefined ? {} : { __provider: shim }) },
    reasons: [err.message],
  });
}

/**
 * A resource as both provider hosts call it: in the configured context of its API (unless one is
 * given), results as plain JSON, and a create that wrote part of its objects (or an update that
 * wrote all and then timed out waiting for the nameservers) reported as the partial failure the
 * hosts understand.
 */
export function forHost(r: Resource, context: () => unknown = CONTEXTS[r.descriptor.api]): ResourceImpl {
  return {
    check: async (olds, news) => plain(await r.check(olds, news)),
    diff: async (id, olds, news) => plain(await r.diff(id, olds, news)),
    diffDetailed: async (id, olds, news) => plain(await r.diffDetailed(id, olds, news)),
    create: async (inputs) => {
      try {
        return plain(await r.create(context(), inputs));
      } catch (err) {
        throw partialFailure(err, inputs);
      }
    },
    read: async (id, props) => plain(await r.read(context(), id, props)),
    update: async (id, olds, news) => {
      try {
        return plain(await r.update(context(), id, olds, news));
      } catch (err) {
        throw partialFailure(err, news);
      }
    },
    delete: (id, props) => r.delete(context(), id, props),
  };
}

export async function configure(req: { config?: ConfigSource }): Promise<void> {
  setStackConfig(req.config);
}

/**
 * Which of the shim's two functions made a call (sdk/shim.ts). The shim shares two functions among
 * its seven methods to keep state small, and the numbers are stored in every dynamic resource's
 * state, so they never change: 0 is shared by configure({config}), create(props), check(olds, news),
 * read(id, props) and diff(id, olds, news); 1 by delete(id, props) and update(id, olds, news), whose
 * arguments look like read's and diff's.
 */
type ShimFunction = 0 | 1;

/**
 * Entry of the serialized shim. The calls are told apart by the arguments the dynamic-provider
 * host passes (@pulumi/pulumi cmd/dynamic-provider); resources' props always carry `__provider`,
 * configure's request never does.
 */
export async function shimCall(kind: string, fn: ShimFunction, args: unknown[]): Promise<unknown> {
  const served = () => forHost(resourceOfKind(kind));
  // biome-ignore lint/suspicious/noExplicitAny: the host passes whatever the dynamic-provider protocol carries; the arity and types below tell the calls apart
  const [a, b, c] = args as [any, any, any];
  const idFirst = typeof a === "string";
  if (fn === 1) {
    if (idFirst && args.length === 2) return served().delete(a, b);
    if (idFirst && args.length === 3) return served().update(a, b, c);
  } else if (args.length === 1 && a && typeof a === "object") {
    return "config" in a && !("__provider" in a) ? configure(a) : served().create(a);
  } else if (args.length === 2) {
    return idFirst ? served().read(a, b) : served().check(a, b);
  } else if (args.length === 3 && idFirst) {
    return served().diff(a, b, c);
  }
  throw new Error(
    `pulumi-dnspod-wedos: unexpected call of the ${kind} provider with ${args.length} argument(s); this @pulumi/pulumi version calls dynamic providers differently — please report it`,
  );
}

export { setStackConfig };
