/**
 * Builds the Pulumi package schema (schema.json) and the README resource reference from the
 * resource descriptors. Pure: `make schema` writes the results; a test compares them with what is
 * committed.
 */

import { type JsonProp, jsonOf, simpleType } from "./json";
import type { AnyDescriptor } from "./registry";
import { RESOURCES } from "./registry";

interface SchemaProp {
  type: string;
  description: string;
  default?: unknown;
  items?: { type: string };
  secret?: boolean;
}

function schemaProp(p: JsonProp): SchemaProp {
  const type = simpleType(p);
  const out: SchemaProp = { type, description: p.description ?? "" };
  if (p.items) out.items = { type: simpleType(p.items) };
  if (p.enum) out.description = `${out.description} One of: ${p.enum.map((v) => JSON.stringify(v)).join(", ")}.`.trim();
  if (p.default !== undefined) out.default = p.default;
  if (type === "integer" && p.minimum !== undefined && p.maximum !== undefined && p.maximum < Number.MAX_SAFE_INTEGER) {
    out.description = `${out.description} Range ${p.minimum}–${p.maximum}.`;
  }
  return out;
}

function inputProps(doc: AnyDescriptor): { props: Record<string, SchemaProp>; required: string[] } {
  const { props, required } = jsonOf(doc.inputs, "input");
  return { props: Object.fromEntries(Object.entries(props).map(([k, p]) => [k, schemaProp(p)])), required };
}

function outputProps(doc: AnyDescriptor): Record<string, SchemaProp> {
  const secret = new Set<string>(doc.secretOutputs ?? []);
  return Object.fromEntries(
    Object.entries(jsonOf(doc.outputs, "output").props).map(([k, p]) => [
      k,
      { ...schemaProp(p), ...(secret.has(k) ? { secret: true } : {}) },
    ]),
  );
}

const token = (doc: AnyDescriptor) => `pulumi-dnspod-wedos:${doc.module}:${doc.type}`;

export function buildSchema(version: string): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const doc of RESOURCES) {
    const { props, required } = inputProps(doc);
    resources[token(doc)] = {
      description: `${doc.description}\n\nRuntime type token: \`pulumi-nodejs:dynamic/${doc.module}:${doc.type}\`. Id: ${doc.id}.`,
      properties: { ...props, ...outputProps(doc) },
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

const cell = (s: string | undefined) => (s ?? "").replace(/\|/g, "\\|");
const typeName = (p: SchemaProp) => (p.type === "array" ? `${p.items?.type ?? "string"}[]` : p.type);

/** The README section between the reference markers: one table per resource. */
export function buildReference(): string {
  const parts: string[] = [];
  for (const doc of RESOURCES) {
    const { props, required } = inputProps(doc);
    parts.push(`### \`${doc.module}.${doc.type}\`\n\n${doc.description} Id: ${doc.id}.\n`);
    parts.push("| input | type | default | description |\n|---|---|---|---|");
    for (const [name, p] of Object.entries(props)) {
      const def = p.default === undefined ? (required.includes(name) ? "required" : "—") : `\`${JSON.stringify(p.default)}\``;
      parts.push(`| \`${name}\` | ${typeName(p)} | ${def} | ${cell(p.description)} |`);
    }
    const outs = Object.entries(outputProps(doc));
    if (outs.length) {
      parts.push("\n| output | type | description |\n|---|---|---|");
      for (const [name, o] of outs) parts.push(`| \`${name}\` | ${typeName(o)}${o.secret ? " (secret)" : ""} | ${cell(o.description)} |`);
    }
    parts.push("");
  }
  return parts.join("\n");
}
