/**
 * A resource descriptor: the one declaration of a resource type. Every property is written once —
 * an input in the zod `inputs` schema (with its description), an output in the zod `outputs`
 * schema — and everything else is derived from it: the key lists check/diff/read use, schema.json,
 * the README reference and the generated SDK classes in sdk/ (`make schema`).
 */
import type { z } from "zod";

/** The zod object schemas a descriptor is made of (refinements included). */
export type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export interface ResourceDescriptor<I extends ObjectSchema = ObjectSchema, O extends ObjectSchema = ObjectSchema> {
  /** SDK module and runtime kind prefix: `wedos.Record` → "wedos". */
  module: "wedos" | "dnspod";
  /** Class name in the SDK and the last part of the type token. */
  type: string;
  /** File name of the generated SDK class under sdk/<module>/, without ".ts". */
  file: string;
  description: string;
  /** The id format, as `pulumi import` and the docs show it. */
  id: string;
  /** An id of that format, for the `pulumi import` example in the package schema. */
  idExample: string;
  inputs: I;
  /** Properties the resource adds to its inputs (descriptions included). */
  outputs: O;
  /** Inputs whose change replaces the object. */
  replaceOnChange: readonly (keyof z.output<I> & string)[];
  /** Inputs that only steer `create` (adopt, copyFrom): stored and refreshed, never diffed. */
  createOnly?: readonly (keyof z.output<I> & string)[];
  /** Outputs the engine must store encrypted (additionalSecretOutputs). */
  secretOutputs?: readonly (keyof z.output<O> & string)[];
  /**
   * SDK type names for string-enum inputs whose zod type is wider on input (it normalises case):
   * `{ type: ["RecordType", WEDOS_TYPES] }` declares `export type RecordType = "A" | …`.
   */
  sdkEnums?: Partial<Record<keyof z.output<I> & string, readonly [string, readonly string[]]>>;
}

export type InputsOf<D extends ResourceDescriptor> = z.output<D["inputs"]>;
/** What an outputs schema adds; `z.object({})` (nothing) infers as an index signature of never. */
type Added<O extends ObjectSchema> = string extends keyof z.output<O> ? unknown : z.output<O>;
export type OutputsOf<D extends ResourceDescriptor> = InputsOf<D> & Added<D["outputs"]>;

/** Descriptor plus the key lists derived from it. */
export type Described<I extends ObjectSchema, O extends ObjectSchema> = ResourceDescriptor<I, O> & {
  /** `<module>.<Type>`, the prefix of every check message. */
  label: string;
  /** Runtime kind the serialized shim names: `<module>:<Type>`. */
  kind: string;
  inputKeys: readonly (keyof z.output<I> & string)[];
  /** Inputs compared by diff: every input but the create-only ones. */
  diffKeys: readonly (keyof z.output<I> & string)[];
  outputKeys: readonly (keyof z.output<O> & string)[];
};

/** Keys of a zod object schema, in declaration order. */
function keysOf<S extends ObjectSchema>(schema: S): (keyof z.output<S> & string)[] {
  return Object.keys(schema.shape) as (keyof z.output<S> & string)[];
}

export function describeResource<I extends ObjectSchema, O extends ObjectSchema>(d: ResourceDescriptor<I, O>): Described<I, O> {
  const inputKeys = keysOf(d.inputs);
  const createOnly = new Set<string>(d.createOnly ?? []);
  return {
    ...d,
    label: `${d.module}.${d.type}`,
    kind: `${d.module}:${d.type}`,
    inputKeys,
    diffKeys: inputKeys.filter((k) => !createOnly.has(k)),
    outputKeys: keysOf(d.outputs),
  };
}
