/**
 * Adding a resource is its one file and one line in its API's list (provider/<api>/resources/
 * index.ts): every resource a file defines must be in the list, once, and everything else takes
 * the list — the runtime's dispatch, the plugin's tokens, the schemas and the SDK.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DNSPOD_RESOURCES } from "../../provider/dnspod/resources";
import { pluginProvider } from "../../provider/plugin/provider";
import { resourceOfKind } from "../../provider/runtime";
import { packageSchema } from "../../provider/schema/package";
import { WEDOS_RESOURCES } from "../../provider/wedos/resources";

const LISTS = { wedos: WEDOS_RESOURCES, dnspod: DNSPOD_RESOURCES } as const;

describe.each(Object.entries(LISTS))("%s", (api, list) => {
  const dir = join(__dirname, "../../provider", api, "resources");
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "index.ts");

  test("every resource a file defines is in the list, and the list holds nothing else", async () => {
    const defined: string[] = [];
    for (const f of files) {
      if (!/define\w*Resource\(/.test(readFileSync(join(dir, f), "utf8"))) continue;
      const mod = (await import(join(dir, f.replace(/\.ts$/, "")))) as Record<string, { descriptor?: { tokens: { kind: string } } }>;
      for (const v of Object.values(mod)) if (v?.descriptor) defined.push(v.descriptor.tokens.kind);
    }
    expect(defined.length).toBeGreaterThan(0);
    expect(list.map((r) => r.descriptor.tokens.kind).sort()).toEqual(defined.sort());
    expect(new Set(list.map((r) => r.descriptor.type)).size).toBe(list.length);
  });

  test("the runtime dispatches each kind to its entry, and the plugin and its schema serve each token", async () => {
    const schema = packageSchema(api as "wedos", "0.0.0");
    expect(Object.keys(schema.resources)).toEqual(list.map((r) => r.descriptor.tokens.plugin));
    const plugin = pluginProvider(api as "wedos", "0.0.0");
    for (const r of list) {
      expect(resourceOfKind(r.descriptor.tokens.kind)).toBe(r);
      // A token the plugin does not serve fails with "unknown resource type"; these reach check().
      const urn = `urn:pulumi:dev::p::${r.descriptor.tokens.plugin}::x`;
      await expect(plugin.check!(urn, {}, {})).resolves.toBeDefined();
    }
  });
});

test("a kind no list holds is refused with a message", () => {
  expect(() => resourceOfKind("wedos:Nothing")).toThrow(/unknown resource kind "wedos:Nothing"/);
  expect(() => resourceOfKind("other:Record")).toThrow(/unknown resource kind/);
});
