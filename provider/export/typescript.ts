/**
 * `--format ts`: a Pulumi TypeScript program (an index.ts) that declares the exported records as
 * one ZoneRecords resource. Every value is written in the form the resource's check() returns
 * unchanged and every record is already in the zone, so `pulumi up` adopts them all without a
 * single write call. The DNSPod domain is referred to by its literal id rather than declared as a
 * dnspod.Domain, which would be a second resource for `pulumi up` to create.
 */

import { count, type RenderContext, resourceName, sourceOf, type ZoneExport } from "./model";
import { isoSeconds } from "./zone";

const ATTRIBUTES: Record<ZoneExport["api"], string> = {
  wedos: "name, type, data, TTL and comment",
  dnspod: "name, type, value, line, priority, TTL, status and remark",
};

export function renderTypescript(exp: ZoneExport, ctx: RenderContext): string {
  const refused = exp.entries.filter((e) => e.refused).length;
  const target = exp.api === "wedos" ? `  domain: ${tsString(exp.zone)},` : `  domainId: ${tsString(exp.domainId)}, // ${exp.zone}`;
  return [
    `// ${exp.zone}: exported from ${sourceOf(exp)}`,
    `// at ${isoSeconds(ctx.now)} by \`${ctx.command}\`.`,
    `// \`pulumi up\` adopts these ${count(exp.entries.length - refused, "record")} without writing: each is in the zone already,`,
    `// with this ${ATTRIBUTES[exp.api]}.`,
    ...(refused
      ? [
          `// ${refused === 1 ? "1 record is" : `${refused} records are`} commented out: ZoneRecords would not take the data the API holds`,
          "// (the reason follows the record).",
        ]
      : []),
    "// Records added to the zone later stay unmanaged unless `exclusive: true` is set, which makes",
    "// this resource delete them.",
    ...(exp.omitted.length ? ["// Left out:", ...exp.omitted.map((line) => `//   ${line}`)] : []),
    "",
    `import { ${exp.api} } from "pulumi-dnspod-wedos";`,
    "",
    `new ${exp.api}.ZoneRecords(${tsString(resourceName(exp.zone))}, {`,
    target,
    "  records: [",
    ...exp.entries.map((e) => (e.refused ? `    // ${objectLiteral(e.input)}, // ${e.refused}` : `    ${objectLiteral(e.input)},`)),
    "  ],",
    "});",
    "",
  ].join("\n");
}

/** `{ name: "www", ttl: 300 }`: keys in their order. */
function objectLiteral(o: object): string {
  return `{ ${Object.entries(o)
    .map(([k, v]) => `${k}: ${typeof v === "string" ? tsString(v) : JSON.stringify(v)}`)
    .join(", ")} }`;
}

/**
 * A string literal: JSON's, which TypeScript reads as the same string, in single quotes when the
 * text has double quotes and no single ones (CAA values, TXT with quotes), as a person writes it.
 */
function tsString(s: string): string {
  const json = JSON.stringify(s);
  if (!s.includes('"') || s.includes("'")) return json;
  // In JSON text a " appears only escaped, as \", so turning each \" back into " unescapes exactly the quotes.
  return `'${json.slice(1, -1).replace(/\\"/g, '"')}'`;
}
