/**
 * The stand-in package schemas `make sdks` generates from (until the native plugins' schemas land)
 * carry DESIGN §9's tokens and every descriptor's properties. Rewrite them after a descriptor
 * change with `PDW_WRITE_STAND_INS=1 jest test/unit/sdkgen-stand-in.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { MODULES, standInSchema } from "../fixtures/sdkgen/stand-in";

const ROOT = join(__dirname, "../..");
const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const file = (module: string) => join(ROOT, "test/fixtures/sdkgen", `${module}.json`);

interface Spec {
  resources: Record<string, { properties: object; inputProperties: object; requiredInputs: string[] }>;
  functions: Record<string, unknown>;
  config: { variables: object };
}
/** What the SDKs' shape depends on: tokens, property names, required inputs, config keys. */
function outline(spec: Spec) {
  return {
    resources: Object.fromEntries(Object.entries(spec.resources).map(([t, r]) => [t, [Object.keys(r.inputProperties), Object.keys(r.properties), r.requiredInputs]])),
    functions: Object.keys(spec.functions),
    config: Object.keys(spec.config.variables),
  };
}

if (process.env.PDW_WRITE_STAND_INS === "1") {
  for (const m of MODULES) writeFileSync(file(m), `${JSON.stringify(standInSchema(m, VERSION), null, 2)}\n`);
}

test.each(MODULES)("the %s stand-in matches the descriptors", (module) => {
  const committed = JSON.parse(readFileSync(file(module), "utf8")) as Spec;
  expect(outline(committed)).toEqual(outline(standInSchema(module, VERSION) as unknown as Spec));
});

test("the stand-ins carry DESIGN §9's tokens", () => {
  const tokens = (m: string) => {
    const s = JSON.parse(readFileSync(file(m), "utf8")) as Spec;
    return [Object.keys(s.resources), Object.keys(s.functions), Object.keys(s.config.variables)];
  };
  expect(tokens("wedos")).toEqual([
    ["wedos:index:Domain", "wedos:index:Record", "wedos:index:DnssecKeyset", "wedos:index:ZoneRecords"],
    ["wedos:index:getDomains", "wedos:index:getRecords"],
    ["username", "wapiPassword", "endpoint", "format", "requestsPerHour", "requestWindowSeconds", "timeoutMs"],
  ]);
  expect(tokens("dnspod")).toEqual([
    ["dnspod:index:Domain", "dnspod:index:Record", "dnspod:index:DomainShare", "dnspod:index:DomainAlias", "dnspod:index:DomainGroup", "dnspod:index:DomainLock", "dnspod:index:ZoneRecords"],
    ["dnspod:index:getDomains", "dnspod:index:getRecords", "dnspod:index:getRecordTypes", "dnspod:index:getRecordLines"],
    ["loginToken", "endpoint", "site", "requestsPerHour", "requestWindowSeconds", "timeoutMs"],
  ]);
});
