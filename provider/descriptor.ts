/**
 * A resource descriptor: the one declaration of a resource type, written in its own file beside
 * the implementation (docs/ARCHITECTURE.md, "How a resource is declared"). Every property is
 * written once — an input in the zod `inputs` schema, an output in the zod `outputs` schema — with
 * its description and its flags next to it (`replaces()`, `createOnly()`, `secret()`), and
 * everything else is derived: every token the resource is known by, the key lists check, diff and
 * read use, the package schemas and from them schema.json, the README reference and the SDK classes.
 */
import { z } from "zod";

export type Api = "wedos" | "dnspod";

/** The zod object schemas a descriptor is made of (refinements included). */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

/** What a property's flags say; they live in zod's metadata, so the JSON schema carries them too. */
export interface PropertyFlags {
  /** Changing this input replaces the object (the engine shows `+-`). */
  replaceOnChange?: true;
  /** This input only steers `create` (adopt, copyFrom): stored and refreshed, never diffed. */
  createOnly?: true;
  /** This input steers how every operation runs (waitUntilServed), not what the object is: stored and refreshed, never diffed. */
  steers?: true;
  /** This output is stored encrypted (additionalSecretOutputs). */
  secret?: true;
}

/** Marks an input whose change replaces the object. */
export const replaces = <S extends z.ZodType>(schema: S): S => schema.meta({ replaceOnChange: true }) as S;
/** Marks an input that only steers create. */
export const createOnly = <S extends z.ZodType>(schema: S): S => schema.meta({ createOnly: true }) as S;
/** Marks an input that steers how operations run: changing it alone is no change. */
export const steers = <S extends z.ZodType>(schema: S): S => schema.meta({ steers: true }) as S;
/** Marks an output the engine must store encrypted. */
export const secret = <S extends z.ZodType>(schema: S): S => schema.meta({ secret: true }) as S;

export interface ResourceDescriptor<I extends ObjectSchema = ObjectSchema, O extends ObjectSchema = ObjectSchema> {
  api: Api;
  /** Class name in the SDK and the last part of every type token. */
  type: string;
  description: string;
  /** What the object is called in the sentence a replacing input's docs end with: "row" → "Changing it replaces the row." */
  noun: string;
  /** The id format, as `pulumi import` and the docs show it. */
  idFormat: string;
  /** An id of that format, for the `pulumi import` example in the package schema. */
  idExample: string;
  inputs: I;
  /** Properties the resource adds to its inputs (descriptions and flags included). */
  outputs: O;
  /**
   * SDK type names for string-enum inputs whose zod type is wider on input (it normalises case):
   * `{ type: ["RecordType", WEDOS_TYPES] }` declares `export type RecordType = "A" | …`.
   */
  sdkEnums?: Partial<Record<keyof z.output<I> & string, readonly [string, readonly string[]]>>;
}

/** Every name a resource type is known by, all spelled here from its API and type. */
export interface Tokens {
  /** `wedos.Record`: the SDK's name, the prefix of every check message. */
  label: string;
  /** `wedos:Record`: what the serialized shim in a dynamic resource's state names (never change it). */
  kind: string;
  /** `wedos:index:Record`: the native plugin's type token. */
  plugin: string;
  /** `pulumi-nodejs:dynamic/wedos:Record`: the engine's type token of the dynamic resource. */
  dynamic: string;
  /** `pulumi-dnspod-wedos:wedos:Record`: the token in the root schema.json. */
  root: string;
  /** `wedos/record`: the generated SDK class's file under sdk/, without ".gen.ts". */
  sdkFile: string;
  /** `wedos-record`: the module under sdk/providers/ whose exports are the dynamic provider, named in state. */
  providerFile: string;
}

export function tokensOf(api: Api, type: string): Tokens {
  const kebab = type.replace(/(?<=[a-z])(?=[A-Z])/g, "-").toLowerCase();
  return {
    label: `${api}.${type}`,
    kind: `${api}:${type}`,
    plugin: `${api}:index:${type}`,
    dynamic: `pulumi-nodejs:dynamic/${api}:${type}`,
    root: `pulumi-dnspod-wedos:${api}:${type}`,
    sdkFile: `${api}/${kebab}`,
    providerFile: `${api}-${kebab}`,
  };
}

export type InputsOf<D extends ResourceDescriptor> = z.output<D["inputs"]>;
/** What an outputs schema adds; `z.object({})` (nothing) infers as an index signature of never. */
type Added<O extends ObjectSchema> = string extends keyof z.output<O> ? unknown : z.output<O>;
export type OutputsOf<D extends ResourceDescriptor> = InputsOf<D> & Added<D["outputs"]>;

type KeysOf<S extends ObjectSchema> = readonly (keyof z.output<S> & string)[];

/** Descriptor plus what is derived from it. */
export type Described<I extends ObjectSchema, O extends ObjectSchema> = ResourceDescriptor<I, O> & {
  tokens: Tokens;
  inputKeys: KeysOf<I>;
  /** Inputs compared by diff: every input but the create-only and steering ones. */
  diffKeys: KeysOf<I>;
  /** Inputs whose change replaces the object. */
  replaceKeys: KeysOf<I>;
  outputKeys: KeysOf<O>;
  secretOutputs: KeysOf<O>;
};

export type AnyDescribed = Described<ObjectSchema, ObjectSchema>;

/** The flags of each property of an object schema, as zod's JSON schema carries them. */
function flagsOf(schema: ObjectSchema): Record<string, PropertyFlags> {
  const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, PropertyFlags> };
  return Object.fromEntries(
    Object.entries(js.properties ?? {}).map(([k, p]): [string, PropertyFlags] => [
      k,
      {
        ...(p.replaceOnChange && { replaceOnChange: true }),
        ...(p.createOnly && { createOnly: true }),
        ...(p.steers && { steers: true }),
        ...(p.secret && { secret: true }),
      },
    ]),
  );
}

export function describeResource<I extends ObjectSchema, O extends ObjectSchema>(d: ResourceDescriptor<I, O>): Described<I, O> {
  const inputKeys = Object.keys(d.inputs.shape) as (keyof z.output<I> & string)[];
  const outputKeys = Object.keys(d.outputs.shape) as (keyof z.output<O> & string)[];
  const inFlags = flagsOf(d.inputs);
  const outFlags = flagsOf(d.outputs);
  return {
    ...d,
    tokens: tokensOf(d.api, d.type),
    inputKeys,
    diffKeys: inputKeys.filter((k) => !inFlags[k]?.createOnly && !inFlags[k]?.steers),
    replaceKeys: inputKeys.filter((k) => inFlags[k]?.replaceOnChange),
    outputKeys,
    secretOutputs: outputKeys.filter((k) => outFlags[k]?.secret),
  };
}
