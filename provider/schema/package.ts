/**
 * The Pulumi package schemas of the two APIs (`wedos`, `dnspod`): the one model of what each
 * package offers, built from the resource lists, the functions and the settings. The plugins
 * serve it (GetSchema), YAML type-checks programs against it, SDK generators read it, and
 * schema.json, the README reference and the SDK classes in sdk/ are rendered from it
 * (docs/ARCHITECTURE.md, "One schema pipeline"). `make schema` writes schemas/<pkg>/schema.json.
 */
import { SETTINGS } from "../config";
import type { AnyDescribed, Api, ObjectSchema, PropertyFlags } from "../descriptor";
import { FUNCTIONS, type FunctionDescriptor, functionToken } from "../plugin/functions";
import { type JsonProp, jsonOf } from "./json";
import { RESOURCES } from "./registry";

export type TypeSpec = { type?: string; items?: TypeSpec; additionalProperties?: TypeSpec; $ref?: string; oneOf?: TypeSpec[] };
export type PropertySpec = TypeSpec & { description?: string; default?: unknown; secret?: boolean; willReplaceOnChanges?: boolean };
export interface ObjectTypeSpec {
  type: "object";
  description?: string;
  properties: Record<string, PropertySpec>;
  required: string[];
}
export interface EnumTypeSpec {
  type: "string";
  description?: string;
  enum: { value: string }[];
}
export interface ResourceSpec {
  description: string;
  properties: Record<string, PropertySpec>;
  required: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
}
interface FunctionSpec {
  description: string;
  inputs: { properties: Record<string, PropertySpec>; required: string[] };
  outputs: { properties: Record<string, PropertySpec>; required: string[] };
}
export interface PackageSchema {
  name: Api;
  displayName: string;
  description: string;
  version: string;
  config: { variables: Record<string, PropertySpec> };
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: Record<string, ObjectTypeSpec | EnumTypeSpec>;
  [more: string]: unknown;
}

export const PACKAGES: readonly Api[] = ["wedos", "dnspod"];

/** Where `make schema` writes a package's schema, relative to the project root. */
export const schemaPath = (pkg: Api) => `schemas/${pkg}/schema.json`;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith("s") ? s.slice(0, -1) : s);
const PRIMITIVES = ["string", "integer", "number", "boolean"];

/** What a property's docs say beyond its own description: its values, its range, its replacement. */
function sentences(p: JsonProp & PropertyFlags, noun: string | undefined): string {
  const out = [(p.description ?? "").trim()];
  const { minimum: min, maximum: max } = p;
  if (p.type === "integer" && min !== undefined && max !== undefined && max < Number.MAX_SAFE_INTEGER) out.push(`Range ${min}–${max}.`);
  if (typeof p.default === "object" && p.default !== null) out.push(`Default: \`${JSON.stringify(p.default)}\`.`);
  if (p.replaceOnChange && noun) out.push(`Changing it replaces the ${noun}.`);
  return out.filter(Boolean).join(" ");
}

/** Builds one package's schema; object and enum types met inside properties become named types. */
class PackageBuilder {
  readonly types: Record<string, ObjectTypeSpec | EnumTypeSpec> = {};
  constructor(readonly pkg: Api) {}

  private named(name: string, spec: ObjectTypeSpec | EnumTypeSpec): TypeSpec {
    const token = `${this.pkg}:index:${name}`;
    if (this.types[token] && JSON.stringify(this.types[token]) !== JSON.stringify(spec)) {
      throw new Error(`schema: two different types named ${token}`);
    }
    this.types[token] = spec;
    return { $ref: `#/types/${token}` };
  }

  /** A JSON-schema property (from zod) as a Pulumi type; `name` names a type found in it. */
  type(p: JsonProp, name: string): TypeSpec {
    if (p.anyOf) {
      const kinds = p.anyOf.map((x) => this.type(x, name));
      return kinds.length === 1 ? kinds[0]! : { oneOf: kinds };
    }
    if (p.enum?.every((v) => typeof v === "string"))
      return this.named(name, { type: "string", enum: p.enum.map((value) => ({ value: value as string })) });
    const types = (Array.isArray(p.type) ? p.type : [p.type]).filter((x) => x !== "null");
    if (types.length > 1) return { oneOf: types.map((x) => this.type({ ...p, type: x }, name)) };
    const t = types[0];
    if (t === "array") return { type: "array", items: this.type(p.items ?? {}, name) };
    if (t === "object" && p.properties) {
      return this.named(name, { type: "object", properties: this.properties(p.properties, name), required: p.required ?? [] });
    }
    if (t === "object") {
      const values = typeof p.additionalProperties === "object" ? this.type(p.additionalProperties, name) : { type: "string" };
      return { type: "object", additionalProperties: values };
    }
    return { type: PRIMITIVES.includes(t ?? "") ? t : "string" };
  }

  /**
   * Properties of an object. A resource's own (`d`) say when they replace it, and take the enum
   * types its descriptor names for inputs that are wider than their values (they normalise case).
   */
  properties(props: Record<string, JsonProp>, owner: string, d?: AnyDescribed, inputs = false): Record<string, PropertySpec> {
    const noun = d?.noun;
    return Object.fromEntries(
      Object.entries(props).map(([k, raw]) => {
        const p = raw as JsonProp & PropertyFlags;
        const named = (d?.sdkEnums as Record<string, readonly [string, readonly string[]]> | undefined)?.[k];
        const typed = named ? { ...p, enum: [...named[1]] } : p;
        const spec: PropertySpec = this.type(typed, named?.[0] ?? `${owner}${pascal(k === "records" ? singular(k) : k)}`);
        const description = sentences(p, noun);
        if (description) spec.description = description;
        // Pulumi schemas take constant defaults of primitive types only.
        if (p.default !== undefined && typeof p.default !== "object" && (spec.$ref || PRIMITIVES.includes(spec.type ?? "")))
          spec.default = p.default;
        if (p.secret) spec.secret = true;
        if (inputs && noun && p.replaceOnChange) spec.willReplaceOnChanges = true;
        return [k, spec];
      }),
    );
  }

  /** An object schema's properties as Pulumi properties, but those named in `skip`. */
  objectOf(schema: ObjectSchema, io: "input" | "output", owner: string, d?: AnyDescribed, skip: object = {}) {
    const { props, required } = jsonOf(schema, io);
    const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !(k in skip)));
    return { properties: this.properties(kept, owner, d, io === "input"), required: required.filter((k) => k in kept) };
  }
}

function resourceSpec(b: PackageBuilder, d: AnyDescribed): ResourceSpec {
  const inputs = b.objectOf(d.inputs, "input", d.type, d);
  const added = b.objectOf(d.outputs, "output", `${d.type}Stored`);
  // An output of the same name as an input (ZoneRecords' records, as stored with their ids) wins.
  const state = b.objectOf(d.inputs, "output", d.type, d, added.properties);
  const importDoc = `## Import\n\nThe id is ${d.idFormat}, so an existing object is adopted with\n\n\`\`\`sh\npulumi import ${d.tokens.plugin} <name> ${d.idExample}\n\`\`\``;
  return {
    description: `${d.description} Id: ${d.idFormat}.\n\n${importDoc}`,
    properties: { ...state.properties, ...added.properties },
    required: [...state.required, ...added.required],
    inputProperties: inputs.properties,
    requiredInputs: inputs.required,
  };
}

function functionSpec(b: PackageBuilder, f: FunctionDescriptor): FunctionSpec {
  const owner = pascal(f.name);
  const args = b.objectOf(f.args, "input", owner);
  const result = b.objectOf(f.result, "output", owner);
  return { description: f.description, inputs: args, outputs: result };
}

function configVariables(pkg: Api): Record<string, PropertySpec> {
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

const DISPLAY: Record<Api, { displayName: string; description: string }> = {
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

export function packageSchema(pkg: Api, version: string): PackageSchema {
  const resources = RESOURCES.map((r) => r.descriptor).filter((d) => d.api === pkg);
  const b = new PackageBuilder(pkg);
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
    resources: Object.fromEntries(resources.map((d) => [d.tokens.plugin, resourceSpec(b, d)])),
    functions: Object.fromEntries(FUNCTIONS.filter((f) => f.module === pkg).map((f) => [functionToken(f), functionSpec(b, f)])),
    types: b.types,
  };
}
