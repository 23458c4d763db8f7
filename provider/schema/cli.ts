/**
 * `make schema`: writes the package schemas (schemas/<pkg>/schema.json) and what is rendered from
 * them — schema.json, the README reference section and the generated SDK classes — and removes
 * generated SDK files nothing produces any more.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { PACKAGES, type PackageSchema, packageSchema, schemaPath } from "./package";
import { buildReference, spliceReference } from "./reference";
import { rootSchema } from "./root";
import { buildSdk, GENERATED_MARK } from "./sdk";

/** Everything `make schema` writes, by path relative to the root (the README as it would be). */
export function generated(root: string): Record<string, string> {
  const version = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string }).version;
  const packages: PackageSchema[] = PACKAGES.map((pkg) => packageSchema(pkg, version));
  const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
  const readme = readFileSync(join(root, "README.md"), "utf8");
  return {
    ...Object.fromEntries(packages.map((p) => [schemaPath(p.name), json(p)])),
    "schema.json": json(rootSchema(packages, version)),
    "README.md": spliceReference(readme, buildReference(packages)),
    ...buildSdk(packages),
  };
}

/** Generated files under sdk/ (by their first line), relative to the root. */
export function generatedSdkFiles(root: string): string[] {
  const out: string[] = [];
  for (const folder of [...PACKAGES, "providers"]) {
    const dir = join(root, "sdk", folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) {
      if (f.endsWith(".ts") && readFileSync(join(dir, f), "utf8").startsWith(GENERATED_MARK)) out.push(`sdk/${folder}/${f}`);
    }
  }
  return out.sort();
}

if (require.main === module) {
  const root = process.argv[2] ?? process.cwd();
  const files = generated(root);
  for (const stale of generatedSdkFiles(root)) if (!(stale in files)) rmSync(join(root, stale));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
