/**
 * One schema pipeline: the package schemas are built from the resource lists, and schema.json, the
 * README reference and the SDK classes are rendered from them. These tests fail when anything
 * committed is stale (run `make schema`), and check what the renderers promise.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generated, generatedSdkFiles } from "../../provider/schema/cli";
import { PACKAGES, packageSchema } from "../../provider/schema/package";
import { BEGIN, END } from "../../provider/schema/reference";
import { RESOURCES } from "../../provider/schema/registry";
import { GENERATED_MARK } from "../../provider/schema/sdk";

const root = join(__dirname, "../..");
const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
const files = generated(root);
const read = (path: string) => readFileSync(join(root, path), "utf8");

test.each(Object.keys(files))("%s is up to date (run `make schema`)", (path) => {
  expect(read(path)).toBe(files[path]);
});

test("the README keeps its reference markers", () => {
  expect(read("README.md")).toContain(BEGIN);
  expect(read("README.md")).toContain(END);
});

test("every generated SDK file is marked, and no generated file is left that nothing produces", () => {
  const sdk = Object.keys(files).filter((p) => p.startsWith("sdk/"));
  for (const p of sdk) expect(files[p]!.startsWith(GENERATED_MARK)).toBe(true);
  expect(generatedSdkFiles(root)).toEqual(sdk.sort());
});

test("every input and output property has a description", () => {
  const missing: string[] = [];
  for (const pkg of PACKAGES) {
    for (const [tok, r] of Object.entries(packageSchema(pkg, version).resources)) {
      for (const [name, p] of Object.entries({ ...r.properties, ...r.inputProperties }))
        if (!p.description?.trim()) missing.push(`${tok}.${name}`);
    }
  }
  expect(missing).toEqual([]);
});

describe.each(RESOURCES.map((r) => [r.descriptor.tokens.label, r.descriptor] as const))("%s", (_label, d) => {
  const pkg = packageSchema(d.api, version);
  const spec = pkg.resources[d.tokens.plugin]!;

  test("its SDK class lists every input and output key once, with the provider of the kind its shim names", () => {
    const text = files[`sdk/${d.tokens.sdkFile}.gen.ts`]!;
    expect(text).toContain(`export class ${d.type} extends pulumi.dynamic.Resource`);
    expect(text).toContain(`import provider = require("../providers/${d.tokens.providerFile}.gen");`);
    expect(files[`sdk/providers/${d.tokens.providerFile}.gen.ts`]).toContain(`export = shim(${JSON.stringify(d.tokens.kind)});`);
    const keys = JSON.parse(/allKeys\((\[[^\]]*\])/.exec(text)![1]!) as string[];
    expect(keys).toEqual([...new Set([...d.inputKeys, ...d.outputKeys])]);
    for (const k of keys) expect(text).toContain(`declare readonly ${k}: pulumi.Output<`);
  });

  test("a flag written on a property shows in the package schema: replacement (and its sentence), secret", () => {
    for (const k of d.inputKeys) {
      const replaces = d.replaceKeys.includes(k);
      expect([k, spec.inputProperties[k]?.willReplaceOnChanges === true]).toEqual([k, replaces]);
      expect([k, spec.inputProperties[k]?.description?.endsWith(`Changing it replaces the ${d.noun}.`)]).toEqual([k, replaces]);
    }
    for (const k of d.outputKeys) expect([k, spec.properties[k]?.secret === true]).toEqual([k, d.secretOutputs.includes(k)]);
  });

  test("schema.json holds it under its root token, naming the engine's token", () => {
    const rootSchema = JSON.parse(files["schema.json"]!) as { resources: Record<string, { description: string }> };
    expect(rootSchema.resources[d.tokens.root]!.description).toContain(d.tokens.dynamic);
  });
});
