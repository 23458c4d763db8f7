/**
 * The JSON-schema view of a descriptor's zod schemas, reduced to what schema.json, the README and
 * the SDK generator need: per property its type, items, enum, default, range and description.
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

/** The simple type name of a property: "string", "integer", "array", … ("string" when mixed). */
export function simpleType(p: JsonProp): string {
  if (typeof p.type === "string") return p.type;
  if (Array.isArray(p.type)) return p.type.includes("string") ? "string" : (p.type[0] ?? "string");
  return "string";
}
