/**
 * The provider exactly as Pulumi stores and revives it: serializeFunction on the built package's
 * shim, then require-from-string + handler(), as the dynamic provider host does. Proves that
 * `__provider` stays small and that the revived provider works against the emulator (DNSPod: on
 * both sites).
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { tokensOf } from "../../provider/descriptor";
import { RESOURCES } from "../../provider/schema/registry";
import { DNSPOD_SITES, DNSPOD_TOKEN, useEmulators, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const requireFromString = require("require-from-string") as (code: string) => { handler(): pulumi.dynamic.ResourceProvider };
// The built package (dist), not the TypeScript sources, installed in a project as users install it
// (see beforeAll). A kind's provider is the export of its module under dist/sdk/providers/.
let installed = "";
const providerOf = (kind: string): pulumi.dynamic.ResourceProvider => {
  const [api, type] = kind.split(":") as ["wedos" | "dnspod", string];
  return require(join(installed, "dist/sdk/providers", `${tokensOf(api, type).providerFile}.gen`));
};

const h = useEmulators();

// The host resolves the provider's require from its working directory, where users have the
// package installed: here a project whose node_modules holds a copy of the package (a real
// directory, as npm installs it: Pulumi stores a module under node_modules by reference) and
// links to its dependencies.
const cwd = process.cwd();
beforeAll(() => {
  const root = resolve(__dirname, "../..");
  const project = mkdtempSync(join(tmpdir(), "pdw-serialize-"));
  installed = join(project, "node_modules", "pulumi-dnspod-wedos");
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, "dist"), join(installed, "dist"), { recursive: true });
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  for (const dep of [...Object.keys(pkg.dependencies), "@pulumi"]) {
    mkdirSync(dirname(join(project, "node_modules", dep)), { recursive: true });
    symlinkSync(join(root, "node_modules", dep), join(project, "node_modules", dep), "dir");
  }
  process.chdir(project);
});
afterAll(() => process.chdir(cwd));

async function revive(kind: string, emu = h.emu, site: "intl" | "cn" = "intl") {
  // Exactly what pulumi.dynamic.Resource stores: the provider object behind a thunk.
  const provider0 = providerOf(kind);
  const sf = await pulumi.runtime.serializeFunction(() => provider0, { allowSecrets: true });
  const text = sf.text;
  const provider = requireFromString(text).handler();
  // Stack config as the engine hands it over: namespaced keys, already decrypted.
  const cfg: Record<string, string> = {
    "wedos:endpoint": emu.wedos.endpoint,
    "wedos:username": WEDOS_USER,
    "wedos:wapiPassword": WEDOS_PASSWORD,
    "dnspod:endpoint": emu.dnspod.endpoint,
    "dnspod:loginToken": DNSPOD_TOKEN,
    "dnspod:site": site,
  };
  await provider.configure!({ config: { get: (k: string) => cfg[k], require: (k: string) => cfg[k]! } } as never);
  return { text, provider };
}

async function lifecycle(p: pulumi.dynamic.ResourceProvider, news: Record<string, unknown>) {
  const checked = await p.check!({}, news);
  expect(checked.failures ?? []).toEqual([]);
  const created = await p.create(checked.inputs);
  const read = await p.read!(created.id, created.outs);
  expect(read.id).toBe(created.id);
  expect((await p.diff!(created.id, read.props, checked.inputs)).changes).toBe(false);
  return created;
}

describe("serialized provider (__provider)", () => {
  const sizes: string[] = [];
  afterAll(() => process.stdout.write(`[measure] __provider bytes: ${sizes.join(", ")}\n`));

  // Every resource type, from the two APIs' lists.
  const KINDS = RESOURCES.map((r) => r.descriptor.tokens.kind);
  test.each(KINDS)("%s is one require of its provider module by package name, at most 400 bytes", async (kind) => {
    const { text } = await revive(kind);
    sizes.push(`${kind} ${Buffer.byteLength(text)}`);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(400);
    const [api, type] = kind.split(":") as ["wedos" | "dnspod", string];
    expect(text).toContain(`require("pulumi-dnspod-wedos/dist/sdk/providers/${tokensOf(api, type).providerFile}.gen.js")`);
    // Nothing but the kind is captured: no credentials, no clients, no zod or undici code.
    expect(text).not.toMatch(/emulator-password|emulator-token|undici|zod|ZodObject/);
  });

  test("the revived wedos providers create, read and delete against the emulator", async () => {
    const domain = (await revive("wedos:Domain")).provider;
    const record = (await revive("wedos:Record")).provider;
    const keyset = (await revive("wedos:DnssecKeyset")).provider;
    const zone = await lifecycle(domain, { name: "serialized.cz" });
    const row = await lifecycle(record, { domain: "serialized.cz", name: "www", type: "A", rdata: "192.0.2.7", __provider: "x" });
    const ks = await lifecycle(keyset, { domain: "serialized.cz", keyset: "wedos" });
    const state = h.emu.hub.state().wedos as { domains: { name: string; keyset: string; rows: { ID: string }[] }[] };
    expect(state.domains).toEqual([
      expect.objectContaining({ name: "serialized.cz", keyset: "1", rows: [expect.objectContaining({ ID: row.outs.rowId })] }),
    ]);
    await keyset.delete!(ks.id, ks.outs);
    await record.delete!(row.id, row.outs);
    await domain.delete!(zone.id, zone.outs);
    expect((h.emu.hub.state().wedos as { domains: unknown[] }).domains).toEqual([]);
  });

  test("the revived ZoneRecords providers of both APIs create, read and delete against the emulator", async () => {
    const domain = (await revive("wedos:Domain")).provider;
    const zone = await lifecycle(domain, { name: "zones.cz" });
    const wedosZone = (await revive("wedos:ZoneRecords")).provider;
    const rows = await lifecycle(wedosZone, { domain: "zones.cz", records: [{ name: "www", type: "A", rdata: "192.0.2.9" }] });
    expect(Object.keys(rows.outs.records)).toEqual(["www A 192.0.2.9"]);
    await wedosZone.delete!(rows.id, rows.outs);
    await domain.delete!(zone.id, zone.outs);

    const dDomain = (await revive("dnspod:Domain")).provider;
    const d = await lifecycle(dDomain, { domain: "zones.com" });
    const dnspodZone = (await revive("dnspod:ZoneRecords")).provider;
    const recs = await lifecycle(dnspodZone, { domainId: d.id, records: [{ subDomain: "www", recordType: "A", value: "192.0.2.9" }] });
    expect(Object.keys(recs.outs.records)).toEqual(["www A 192.0.2.9"]);
    await dnspodZone.delete!(recs.id, recs.outs);
    await dDomain.delete!(d.id, d.outs);
    expect(h.calls("dnspod", "Record.Remove")).toHaveLength(1);
  });
});

describe.each(DNSPOD_SITES)("serialized dnspod providers on %s", (site) => {
  const hd = useEmulators({ dnspod: { site } });

  test("the revived dnspod providers create, read and delete against the emulator, with dnspod:site from stack config", async () => {
    // Only the stack config names the site: the loopback endpoint alone would mean api.dnspod.com.
    delete process.env.DNSPOD_SITE;
    const domain = (await revive("dnspod:Domain", hd.emu, site)).provider;
    const record = (await revive("dnspod:Record", hd.emu, site)).provider;
    const lock = (await revive("dnspod:DomainLock", hd.emu, site)).provider;
    const d = await lifecycle(domain, { domain: "serialized.com" });
    const r = await lifecycle(record, { domainId: d.id, subDomain: "www", recordType: "A", value: "192.0.2.8" });
    const l = await lifecycle(lock, { domainId: d.id, days: 2 });
    expect(hd.calls("dnspod", "Record.Create").map((e) => e.params.record_line)).toEqual([site === "cn" ? "默认" : "default"]);
    expect(l.outs.lockCode).toMatch(/^[0-9a-f]{6}$/);
    await lock.delete!(l.id, l.outs);
    await record.delete!(r.id, r.outs);
    await domain.delete!(d.id, d.outs);
    expect((hd.emu.hub.state().dnspod as { domains: unknown[] }).domains).toEqual([]);
  });
});
