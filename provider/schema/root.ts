/**
 * schema.json at the project root: the npm package's dynamic resources (what a TypeScript program
 * gets from `import { dnspod, wedos } from "pulumi-dnspod-wedos"`) as one Pulumi package schema,
 * rendered from the two package schemas. Each resource keeps its inputs, outputs and docs, under
 * the token `pulumi-dnspod-wedos:<api>:<Type>`, and names the type token the engine shows for it.
 */
import { tokensOf } from "../descriptor";
import type { PackageSchema } from "./package";

const NAME = "pulumi-dnspod-wedos";

/** `wedos:index:Record` → `pulumi-dnspod-wedos:wedos:Record`, in tokens and in `#/types/…` references. */
function retoken(text: string): string {
  return text.replace(
    /"(#\/types\/)?(wedos|dnspod):index:(\w+)"/g,
    (_m, ref: string | undefined, api: string, type: string) => `"${ref ?? ""}${NAME}:${api}:${type}"`,
  );
}

export function rootSchema(packages: readonly PackageSchema[], version: string): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  const types: Record<string, unknown> = {};
  for (const pkg of packages) {
    for (const [token, spec] of Object.entries(pkg.resources)) {
      const type = token.slice(token.lastIndexOf(":") + 1);
      const [summary] = spec.description.split("\n\n## Import");
      resources[token] = { ...spec, description: `${summary}\n\nRuntime type token: \`${tokensOf(pkg.name, type).dynamic}\`.` };
    }
    Object.assign(types, pkg.types);
  }
  return {
    name: NAME,
    displayName: "DNSPod and WEDOS DNS",
    version,
    description: "Pulumi dynamic resources for DNS hosted at DNSPod (api.dnspod.com, dnsapi.cn) and WEDOS (WAPI).",
    keywords: ["pulumi", "dns", "dnspod", "wedos", "category/network"],
    license: "Apache-2.0",
    language: { nodejs: { packageName: NAME } },
    resources: JSON.parse(retoken(JSON.stringify(resources))),
    types: JSON.parse(retoken(JSON.stringify(types))),
  };
}
