/**
 * The Pulumi package schemas of the two plugins (`wedos`, `dnspod`), generated from the resource
 * descriptors, the function descriptors and the settings: the real schemas, which the plugins
 * serve through GetSchema, YAML type-checks programs against and SDK generators read.
 * `make schema` writes them to schemas/<pkg>/schema.json; a test fails when they are stale.
 */
import { SETTINGS } from "../config";
import type { ObjectSchema } from "../descriptor";
import { type JsonProp, jsonOf } from "../schema/json";
import { type AnyDescriptor, RESOURCES } from "../schema/registry";
import type { PackageName } from "./config";
import { FUNCTIONS, type FunctionDescriptor, functionToken } from "./functions";

type TypeSpec = { type?: string; items?: TypeSpec; additionalProperties?: TypeSpec; $ref?: string; oneOf?: TypeSpec[] };
type PropertySpec = TypeSpec & { description?: string; default?: unknown; secret?: boolean; willReplaceOnChanges?: boolean };
interface ObjectSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required: string[];
}

const resourceToken = (d: AnyDescriptor) => `${d.module}:index:${d.type}`;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith("s") ? s.slice(0, -1) : s);

/** Builds one package's schema; object types met inside properties become named types. */
class PackageBuilder {
  readonly types: Record<string, ObjectSpec> = {};
  constructor(readonly pkg: PackageName) {}

  /** A JSON-schema property (from zod) as a Pulumi type; `name` names an object type found in it. */
  type(p: JsonProp, name: string): TypeSpec {
    if (p.anyOf) {
      const kinds = p.anyOf.map((x) => this.type(x, name));
      return kinds.length === 1 ? kinds[0]! : { oneOf: kinds };
    }
    const types = (Array.isArray(p.type) ? p.type : [p.type]).filter((x) => x !== "null");
    if (types.length > 1) return { oneOf: types.map((x) => this.type({ ...p, type: x }, name)) };
    const t = types[0];
    if (t === "array") return { type: "array", items: this.type(p.items ?? {}, name) };
    if (t === "object" && p.properties) return { $ref: `#/types/${this.objectType(p, name)}` };
    if (t === "object")
      return {
        type: "object",
        additionalProperties: typeof p.additionalProperties === "object" ? this.type(p.additionalProperties, name) : { type: "string" },
      };
    return { type: t === "integer" || t === "number" || t === "boolean" ? t : "string" };
  }

  private objectType(p: JsonProp, name: string): string {
    const token = `${this.pkg}:index:${name}`;
    const spec: ObjectSpec = { type: "object", properties: this.properties(p.properties ?? {}, name), required: p.required ?? [] };
    if (this.types[token] && JSON.stringify(this.types[token]) !== JSON.stringify(spec))
      throw new Error(`schema: two different object types named ${token}`);
    this.types[token] = spec;
    return token;
  }

  properties(
    props: Record<string, JsonProp>,
    owner: string,
    extra: (k: string) => Partial<PropertySpec> = () => ({}),
  ): Record<string, PropertySpec> {
    return Object.fromEntries(
      Object.entries(props).map(([k, p]) => {
        const spec: PropertySpec = { ...this.type(p, `${owner}${pascal(singular(k))}`) };
        if (describe(p)) spec.description = describe(p);
        // Pulumi schemas take constant defaults of primitive types only.
        if (
          p.default !== undefined &&
          ["string", "integer", "number", "boolean"].includes(spec.type ?? "") &&
          typeof p.default !== "object"
        )
          spec.default = p.default;
        return [k, { ...spec, ...extra(k) }];
      }),
    );
  }

  objectOf(schema: ObjectSchema, io: "input" | "output", owner: string, extra?: (k: string) => Partial<PropertySpec>, skip: object = {}) {
    const { props, required } = jsonOf(schema, io);
    const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !(k in skip)));
    return { properties: this.properties(kept, owner, extra), required: required.filter((k) => k in kept) };
  }
}

function describe(p: JsonProp): string {
  const text = (p.description ?? "").trim();
  return p.enum ? `${text} One of: ${p.enum.map((v) => JSON.stringify(v)).join(", ")}.`.trim() : text;
}

function importDoc(d: AnyDescriptor): string {
  return `\n\n## Import\n\nThe id is ${d.id}, so an existing object is adopted with\n\n\`\`\`sh\npulumi import ${resourceToken(d)} <name> ${d.idExample}\n\`\`\``;
}

function resourceSpec(b: PackageBuilder, d: AnyDescriptor) {
  const replace = new Set<string>(d.replaceOnChange);
  const secret = new Set<string>(d.secretOutputs ?? []);
  const inputs = b.objectOf(d.inputs, "input", d.type, (k) => (replace.has(k) ? { willReplaceOnChanges: true } : {}));
  const added = b.objectOf(d.outputs, "output", `${d.type}Stored`, (k) => (secret.has(k) ? { secret: true } : {}));
  // An output of the same name as an input (ZoneRecords' records, as stored with their ids) wins.
  const state = b.objectOf(d.inputs, "output", d.type, undefined, added.properties);
  return {
    description: `${d.description}${importDoc(d)}`,
    properties: { ...state.properties, ...added.properties },
    required: [...state.required, ...added.required],
    inputProperties: inputs.properties,
    requiredInputs: inputs.required,
  };
}

function functionSpec(b: PackageBuilder, f: FunctionDescriptor) {
  const owner = pascal(f.name);
  const args = b.objectOf(f.args, "input", owner);
  const result = b.objectOf(f.result, "output", owner);
  return {
    description: f.description,
    inputs: { properties: args.properties, required: args.required },
    outputs: { properties: result.properties, required: result.required },
  };
}

function configVariables(pkg: PackageName): Record<string, PropertySpec> {
  const vars: Record<string, PropertySpec> = {};
  for (const s of Object.values(SETTINGS)) {
    if (!s.key.startsWith(`${pkg}:`)) continue;
    const def = "default" in s ? ` Default: ${s.default}.` : "";
    vars[s.key.slice(pkg.length + 1)] = {
      type: "string",
      description: `${s.description}. Environment variable: ${s.env}.${def}`,
      ...("secret" in s && s.secret ? { secret: true } : {}),
    };
  }
  return vars;
}

const DISPLAY: Record<PackageName, { displayName: string; description: string }> = {
  wedos: {
    displayName: "WEDOS DNS",
    description: "DNS zones and records at WEDOS (WAPI), served by the pulumi-resource-wedos plugin of pulumi-dnspod-wedos.",
  },
  dnspod: {
    displayName: "DNSPod",
    description:
      "DNS domains and records at DNSPod (api.dnspod.com and dnsapi.cn), served by the pulumi-resource-dnspod plugin of pulumi-dnspod-wedos.",
  },
};

/**
 * Where the engine downloads a plugin it lacks (`<url>/pulumi-resource-<pkg>-v<version>-<os>-<arch>.tar.gz`;
 * `${VERSION}` is filled in by the engine): the release assets `make plugins` writes. A build for
 * another host sets PLUGIN_DOWNLOAD_URL (`make plugins`, `make sdks`), which esbuild inlines here.
 */
const DEFAULT_PLUGIN_DOWNLOAD_URL = `https://github.com/pulumi-dnspod-wedos/pulumi-dnspod-wedos/releases/download/v\${VERSION}`;
declare const __PDW_PLUGIN_DOWNLOAD_URL__: string | undefined;
const pluginDownloadURL = () =>
  typeof __PDW_PLUGIN_DOWNLOAD_URL__ !== "undefined" ? __PDW_PLUGIN_DOWNLOAD_URL__ : DEFAULT_PLUGIN_DOWNLOAD_URL;

export function packageSchema(pkg: PackageName, version: string): Record<string, unknown> {
  const b = new PackageBuilder(pkg);
  const resources = Object.fromEntries(RESOURCES.filter((d) => d.module === pkg).map((d) => [resourceToken(d), resourceSpec(b, d)]));
  const functions = Object.fromEntries(FUNCTIONS.filter((f) => f.module === pkg).map((f) => [functionToken(f), functionSpec(b, f)]));
  const variables = configVariables(pkg);
  return {
    name: pkg,
    ...DISPLAY[pkg],
    version,
    keywords: ["pulumi", "dns", pkg, "category/network"],
    license: "Apache-2.0",
    repository: "https://www.npmjs.com/package/pulumi-dnspod-wedos",
    pluginDownloadURL: pluginDownloadURL(),
    meta: { moduleFormat: "(.*)" },
    config: { variables },
    provider: {
      description: `The ${pkg} provider. Every setting can also come from its environment variable.`,
      inputProperties: variables,
    },
    resources,
    functions,
    types: b.types,
  };
}

export const PACKAGES: readonly PackageName[] = ["wedos", "dnspod"];

/** Where `make schema` writes a package's schema, relative to the project root. */
export const schemaPath = (pkg: PackageName) => `schemas/${pkg}/schema.json`;
