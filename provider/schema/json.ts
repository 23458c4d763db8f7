/**
 * The JSON-schema view of a descriptor's zod schemas, reduced to what the package schema needs:
 * per property its type, items, enum, default, range, description and flags.
 */
import { z } from "zod";
import type { ObjectSchema } from "../descriptor";

export interface JsonProp {
  type?: string | string[];
  anyOf?: JsonProp[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  items?: JsonProp;
  properties?: Record<string, JsonProp>;
  required?: string[];
  additionalProperties?: JsonProp | boolean;
  minimum?: number;
  maximum?: number;
}

export interface JsonObject {
  props: Record<string, JsonProp>;
  required: string[];
}

/** `io: "input"` is what a program may write (defaults make a property optional); "output" what it gets. */
export function jsonOf(schema: ObjectSchema, io: "input" | "output"): JsonObject {
  const js = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as { properties?: Record<string, JsonProp>; required?: string[] };
  return { props: js.properties ?? {}, required: js.required ?? [] };
}
