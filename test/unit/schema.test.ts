/** schema.json and the README reference are generated; these tests fail when either is stale. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildReference, buildSchema } from "../../provider/schema/build";
import { BEGIN, END, spliceReference } from "../../provider/schema/cli";

const root = join(__dirname, "../..");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;

test("schema.json is up to date (run `make schema`)", () => {
  expect(JSON.parse(readFileSync(join(root, "schema.json"), "utf8"))).toEqual(buildSchema(version));
});

test("README resource reference is up to date (run `make schema`)", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  expect(readme).toContain(BEGIN);
  expect(readme).toContain(END);
  expect(spliceReference(readme, buildReference())).toBe(readme);
});

test("every input and output property has a description", () => {
  const schema = buildSchema(version) as { resources: Record<string, { properties: Record<string, { description: string }>; inputProperties: Record<string, { description: string }> }> };
  const missing: string[] = [];
  for (const [tok, r] of Object.entries(schema.resources)) {
    for (const [name, p] of Object.entries({ ...r.properties, ...r.inputProperties })) if (!p.description?.trim()) missing.push(`${tok}.${name}`);
  }
  expect(missing).toEqual([]);
  expect(Object.keys(schema.resources).length).toBeGreaterThanOrEqual(3);
});
