/**
 * The provider one plugin serves: resources dispatched by type token to the same implementation
 * the dynamic resources use (provider/runtime.ts forHost), taken from the package's resource list,
 * invokes to the lookup functions, config through provider/plugin/config.ts. The only things added
 * here are what the wire needs: secret wrappers taken off inputs, secret outputs put into them.
 */
import type { CheckResult, CreateResult, InvokeResult, ReadResult, UpdateResult } from "@pulumi/pulumi/provider";
import type { Resource } from "../define";
import { forHost } from "../runtime";
import { packageSchema } from "../schema/package";
import { RESOURCES } from "../schema/registry";
import { checkConfig, configure, diffConfig, type PackageName } from "./config";
import { FUNCTIONS, functionToken } from "./functions";
import type { LayeredProvider } from "./server";
import { unwrapSecrets, withSecrets } from "./values";

/** The type token of a URN: `urn:pulumi:dev::proj::parent$wedos:index:Record::www` → "wedos:index:Record". */
export function typeOfUrn(urn: string): string {
  const qualified = urn.split("::")[2] ?? "";
  return qualified.slice(qualified.lastIndexOf("$") + 1);
}

export function pluginProvider(pkg: PackageName, version: string): LayeredProvider {
  const byToken = new Map<string, Resource>(RESOURCES.filter((r) => r.descriptor.api === pkg).map((r) => [r.descriptor.tokens.plugin, r]));
  const functions = new Map(FUNCTIONS.filter((f) => f.module === pkg).map((f) => [functionToken(f), f]));

  const resource = (urn: string) => {
    const token = typeOfUrn(urn);
    const found = byToken.get(token);
    if (!found)
      throw new Error(`pulumi-resource-${pkg}: unknown resource type "${token}"; this plugin serves ${[...byToken.keys()].join(", ")}`);
    return { r: forHost(found), secrets: (outs: Record<string, unknown>) => withSecrets(outs, found.descriptor.secretOutputs) };
  };

  const diffDetailed: LayeredProvider["diffDetailed"] = async (id, urn, olds, news) =>
    resource(urn).r.diffDetailed!(id, unwrapSecrets(olds), unwrapSecrets(news));

  return {
    pkg,
    version,
    getSchema: async () => JSON.stringify(packageSchema(pkg, version)),

    checkConfig: (news) => checkConfig(pkg, news),
    diffConfig,
    configure: (values) => configure(pkg, values),

    async check(urn, olds, news): Promise<CheckResult> {
      return resource(urn).r.check(unwrapSecrets(olds ?? {}), unwrapSecrets(news));
    },

    // The layer answers Diff with diffDetailed; this is the plain form the Provider interface has.
    async diff(id, urn, olds, news) {
      const { changes, replaces, deleteBeforeReplace } = await diffDetailed(id, urn, olds, news);
      return { changes, replaces, deleteBeforeReplace };
    },
    diffDetailed,

    async create(urn, inputs): Promise<CreateResult> {
      const { r, secrets } = resource(urn);
      const { id, outs } = await r.create(unwrapSecrets(inputs));
      return { id, outs: secrets(outs) };
    },

    async read(id, urn, props): Promise<ReadResult> {
      const { r, secrets } = resource(urn);
      const result = await r.read(id, unwrapSecrets(props ?? {}));
      // Gone: no id, which the engine takes as deleted.
      return result.id ? { id: result.id, props: secrets(result.props), inputs: result.inputs } : {};
    },

    async update(id, urn, olds, news): Promise<UpdateResult> {
      const { r, secrets } = resource(urn);
      return { outs: secrets((await r.update(id, unwrapSecrets(olds), unwrapSecrets(news))).outs) };
    },

    async delete(id, urn, props) {
      await resource(urn).r.delete(id, unwrapSecrets(props));
    },

    async invoke(token, args): Promise<InvokeResult> {
      const f = functions.get(token);
      if (!f)
        throw new Error(`pulumi-resource-${pkg}: unknown function "${token}"; this plugin serves ${[...functions.keys()].join(", ")}`);
      const parsed = f.args.safeParse(unwrapSecrets(args ?? {}));
      if (!parsed.success)
        return {
          failures: parsed.error.issues.map((i) => ({
            property: i.path.map(String).join(".") || "(args)",
            reason: `${token}: ${i.message}`,
          })),
        };
      return { outputs: JSON.parse(JSON.stringify(await f.call(parsed.data as Record<string, unknown>))) };
    },
  };
}
