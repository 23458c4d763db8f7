/**
 * Builds the Pulumi package schema (schema.json) and the README resource reference from the
 * registry. Pure: `make schema` writes the results; a test compares them with what is committed.
 */
import { z } from "zod";
import { RESOURCES, type ResourceDoc } from "./registry";

interface JsonProp { type?: string; description?: string; default?: unknown; enum?: unknown[]; items?: JsonProp; minimum?: number; maximum?: number }

function inputProps(doc: ResourceDoc): { props: Record<string, JsonProp>; required: string[] } {
  const js = z.toJSONSchema(doc.inputs, { io: "input", unrepresentable: "any" }) as { properties: Record<string, JsonProp>; required?: string[] };
  const props: Record<string, JsonProp> = {};
  for (const [name, p] of Object.entries(js.properties)) {
    const out: JsonProp = { type: p.type ?? "string", description: p.description ?? "" };
    if (p.items) out.items = { type: p.items.type ?? "string" };
    if (p.enum) out.description = `${out.description} One of: ${p.enum.map((v) => JSON.stringify(v)).join(", ")}.`.trim();
    if (p.default !== undefined) out.default = p.default;
    if (p.type === "integer" && p.minimum !== undefined && p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER) {
      out.description = `${out.description} Range ${p.minimum}–${p.maximum}.`;
    }
    props[name] = out;
  }
  return { props, required: js.required ?? [] };
}

export const token = (doc: ResourceDoc) => `pulumi-dnspod-wedos:${doc.module}:${doc.type}`;

export function buildSchema(version: string): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const doc of RESOURCES) {
    const { props, required } = inputProps(doc);
    const outputs: Record<string, unknown> = { ...props };
    for (const [name, o] of Object.entries(doc.outputs)) {
      outputs[name] = { type: o.type, ...(o.items ? { items: { type: o.items } } : {}), description: o.description, ...(o.secret ? { secret: true } : {}) };
    }
    resources[token(doc)] = {
      description: `${doc.description}\n\nRuntime type token: \`pulumi-nodejs:dynamic/${doc.module}:${doc.type}\`. Id: ${doc.id}.`,
      properties: outputs,
      inputProperties: props,
      requiredInputs: required,
    };
  }
  return {
    name: "pulumi-dnspod-wedos",
    displayName: "DNSPod and WEDOS DNS",
    version,
    description: "Pulumi dynamic resources for DNS hosted at DNSPod (api.dnspod.com) and WEDOS (WAPI).",
    keywords: ["pulumi", "dns", "dnspod", "wedos", "category/network"],
    license: "Apache-2.0",
    language: { nodejs: { packageName: "pulumi-dnspod-wedos" } },
    resources,
  };
}

/** The README section between the reference markers: one table per resource. */
export function buildReference(): string {
  const parts: string[] = [];
  for (const doc of RESOURCES) {
    const { props, required } = inputProps(doc);
    parts.push(`### \`${doc.module}.${doc.type}\`\n\n${doc.description} Id: ${doc.id}.\n`);
    parts.push("| input | type | default | description |\n|---|---|---|---|");
    for (const [name, p] of Object.entries(props)) {
      const type = p.type === "array" ? `${p.items?.type ?? "string"}[]` : p.type;
      const def = p.default === undefined ? (required.includes(name) ? "required" : "—") : `\`${JSON.stringify(p.default)}\``;
      parts.push(`| \`${name}\` | ${type} | ${def} | ${p.description?.replace(/\|/g, "\\|")} |`);
    }
    const outs = Object.entries(doc.outputs);
    if (outs.length) {
      parts.push("\n| output | type | description |\n|---|---|---|");
      for (const [name, o] of outs) parts.push(`| \`${name}\` | ${o.type === "array" ? `${o.items}[]` : o.type}${o.secret ? " (secret)" : ""} | ${o.description} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}
