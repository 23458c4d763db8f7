/** schema.json, the plugins' schemas, the README reference and the SDK classes are generated; these tests fail when any is stale. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGES, packageSchema, schemaPath } from "../../provider/plugin/schema";
import { buildReference, buildSchema } from "../../provider/schema/build";
import { BEGIN, END, generatedSdkFiles, spliceReference } from "../../provider/schema/cli";
import { RESOURCES } from "../../provider/schema/registry";
import { buildSdk, GENERATED_MARK } from "../../provider/schema/sdk";

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
  const schema = buildSchema(version) as {
    resources: Record<
      string,
      { properties: Record<string, { description: string }>; inputProperties: Record<string, { description: string }> }
    >;
  };
  const missing: string[] = [];
  for (const [tok, r] of Object.entries(schema.resources)) {
    for (const [name, p] of Object.entries({ ...r.properties, ...r.inputProperties }))
      if (!p.description?.trim()) missing.push(`${tok}.${name}`);
  }
  expect(missing).toEqual([]);
  expect(Object.keys(schema.resources).length).toBeGreaterThanOrEqual(3);
});

describe("generated SDK classes (run `make schema`)", () => {
  const sdk = buildSdk();

  test.each(Object.keys(sdk))("%s is up to date and marked as generated", (path) => {
    expect(sdk[path]!.startsWith(GENERATED_MARK)).toBe(true);
    expect(readFileSync(join(root, path), "utf8")).toBe(sdk[path]);
  });

  test("no generated file is left that no descriptor produces", () => {
    expect(generatedSdkFiles(root)).toEqual(Object.keys(sdk).sort());
  });

  test("every descriptor has its class, and each class lists every input and output key once", () => {
    for (const d of RESOURCES) {
      const text = sdk[`sdk/${d.module}/${d.file}.ts`]!;
      expect(text).toContain(`export class ${d.type} extends pulumi.dynamic.Resource`);
      const keys = JSON.parse(/allKeys\((\[[^\]]*\])/.exec(text)![1]!) as string[];
      expect(keys).toEqual([...new Set([...d.inputKeys, ...d.outputKeys])]);
      for (const k of keys) expect(text).toContain(`declare readonly ${k}: pulumi.Output<`);
    }
  });
});

describe("the plugins' package schemas (run `make schema`)", () => {
  test.each(PACKAGES)("schemas/%s/schema.json is up to date", (pkg) => {
    expect(JSON.parse(readFileSync(join(root, schemaPath(pkg)), "utf8"))).toEqual(packageSchema(pkg, version));
  });
});
