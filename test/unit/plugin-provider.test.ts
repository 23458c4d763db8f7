/**
 * The plugins' provider (provider/plugin/provider.ts) on the calls that need no API — check,
 * diff, invoke validation — and the package schemas it serves (provider/schema/package.ts). The API
 * calls are in test/integration/plugin-wedos.test.ts and plugin-dnspod.test.ts, the real engine in test/e2e/plugins.test.ts.
 */
import { pluginProvider, typeOfUrn } from "../../provider/plugin/provider";
import { secret } from "../../provider/plugin/values";
import { detailedDiff } from "../../provider/resource";
import { packageSchema } from "../../provider/schema/package";

const wedos = pluginProvider("wedos", "0.1.0");
const dnspod = pluginProvider("dnspod", "0.1.0");
const urn = (type: string, name = "r") => `urn:pulumi:dev::proj::pulumi:pulumi:Stack$${type}::${name}`;

test("the type token of a URN, parents included", () => {
  expect(typeOfUrn("urn:pulumi:dev::proj::wedos:index:Record::www")).toBe("wedos:index:Record");
  expect(typeOfUrn(urn("dnspod:index:ZoneRecords"))).toBe("dnspod:index:ZoneRecords");
});

test("check takes secret-wrapped inputs and returns the checked ones: ZoneRecords keyed by identity", async () => {
  const r = await wedos.check!(
    urn("wedos:index:ZoneRecords"),
    {},
    { domain: "Example.CZ", records: [{ name: "WWW", type: "a", rdata: secret("192.0.2.10") }] },
  );
  expect(r).toEqual({ inputs: { domain: "example.cz", records: { "www A 192.0.2.10": { ttl: 300 } }, exclusive: false } });
});

test("check failures name the resource and the property", async () => {
  const r = await dnspod.check!(urn("dnspod:index:Record"), {}, { domainId: "12", recordType: "MX", value: "mail.example.com" });
  expect(r.failures).toEqual([
    { property: "mx", reason: "dnspod.Record.mx: an MX record needs mx, its priority 1–20. Fix: set mx, e.g. 10" },
  ]);
});

test("a type the package does not serve is refused by name", async () => {
  await expect(wedos.check!(urn("wedos:index:Zone"), {}, {})).rejects.toThrow(
    'pulumi-resource-wedos: unknown resource type "wedos:index:Zone"; this plugin serves wedos:index:Domain, wedos:index:Record, wedos:index:DnssecKeyset, wedos:index:ZoneRecords',
  );
  await expect(dnspod.check!(urn("wedos:index:Record"), {}, {})).rejects.toThrow(/unknown resource type "wedos:index:Record"/);
});

test("diff of a one-record edit among 1,000 records names that record only", async () => {
  const records = Array.from({ length: 1000 }, (_, i) => ({ name: `host-${i}`, type: "A", rdata: `198.51.${100 + (i >> 8)}.${i & 255}` }));
  const t = urn("wedos:index:ZoneRecords");
  const olds = (await wedos.check!(t, {}, { domain: "example.cz", records })).inputs;
  const stored = {
    ...olds,
    records: Object.fromEntries(Object.entries(olds.records as Record<string, object>).map(([k, v], i) => [k, { ...v, rowId: String(i) }])),
    unmanaged: [],
    recordCount: 1000,
  };
  const edited = records.map((r, i) => (i === 500 ? { ...r, rdata: "203.0.113.254" } : i === 7 ? { ...r, ttl: 3600 } : r));
  const news = (await wedos.check!(t, olds, { domain: "example.cz", records: edited })).inputs;
  expect(await wedos.diffDetailed("example.cz", t, stored, news)).toEqual({
    changes: true,
    replaces: [],
    deleteBeforeReplace: false,
    detailedDiff: {
      'records["host-500 A 198.51.101.244"]': "delete",
      'records["host-500 A 203.0.113.254"]': "add",
      'records["host-7 A 198.51.100.7"]': "update",
    },
  });
  expect(await wedos.diffDetailed("example.cz", t, stored, olds)).toEqual({
    changes: false,
    replaces: [],
    deleteBeforeReplace: false,
    detailedDiff: {},
  });
});

test("detailed diff: replacing properties, added and removed ones, quotes in keys", () => {
  expect(detailedDiff(["name", "ttl", "comment"], ["name"], { name: "a", ttl: 300 }, { name: "b", comment: "c" })).toEqual({
    name: "update-replace",
    ttl: "delete",
    comment: "add",
  });
  expect(detailedDiff(["records"], [], { records: {} }, { records: { '@ TXT say "hi"': { ttl: 300 } } })).toEqual({
    'records["@ TXT say \\"hi\\""]': "add",
  });
});

test("invoke arguments are validated before any API call", async () => {
  expect(await wedos.invoke!("wedos:index:getRecords", {})).toEqual({
    failures: [{ property: "domain", reason: expect.stringMatching(/^wedos:index:getRecords: domain is required/) }],
  });
  expect(await dnspod.invoke!("dnspod:index:getRecords", { domainId: "abc" })).toEqual({
    failures: [
      {
        property: "domainId",
        reason:
          'dnspod:index:getRecords: domainId must be a numeric DNSPod id such as "1992403", not "abc". Fix: pass `domain.id` of a dnspod.Domain',
      },
    ],
  });
  await expect(wedos.invoke!("wedos:index:getZones", {})).rejects.toThrow(
    'unknown function "wedos:index:getZones"; this plugin serves wedos:index:getDomains, wedos:index:getRecords',
  );
});

describe.each(["wedos", "dnspod"] as const)("the %s package schema", (pkg) => {
  const schema = packageSchema(pkg, "0.1.0") as any;
  const TOKENS = {
    wedos: { resources: ["Domain", "Record", "DnssecKeyset", "ZoneRecords"], functions: ["getDomains", "getRecords"] },
    dnspod: {
      resources: ["Domain", "Record", "DomainShare", "DomainAlias", "DomainGroup", "DomainLock", "ZoneRecords"],
      functions: ["getDomains", "getRecords", "getRecordTypes", "getRecordLines"],
    },
  }[pkg];

  test("names the plugin tokens of the README, at the package version", () => {
    expect(schema.name).toBe(pkg);
    expect(schema.version).toBe("0.1.0");
    expect(Object.keys(schema.resources)).toEqual(TOKENS.resources.map((t) => `${pkg}:index:${t}`));
    expect(Object.keys(schema.functions)).toEqual(TOKENS.functions.map((t) => `${pkg}:index:${t}`));
  });

  test("documents each resource's id for `pulumi import`", () => {
    for (const [token, r] of Object.entries<any>(schema.resources))
      expect(r.description).toMatch(new RegExp(`## Import\\n\\nThe id is .+\\n\\n\`\`\`sh\\npulumi import ${token} <name> \\S+\\n\`\`\`$`));
    expect(schema.resources[`${pkg}:index:Record`].description).toContain(
      pkg === "wedos"
        ? "pulumi import wedos:index:Record <name> example.cz/123456"
        : "pulumi import dnspod:index:Record <name> 1992403/451217",
    );
  });

  test("config: the package's settings, secrets marked secret", () => {
    const secrets = Object.entries<any>(schema.config.variables)
      .filter(([, v]) => v.secret)
      .map(([k]) => k);
    expect(secrets).toEqual(pkg === "wedos" ? ["wapiPassword"] : ["loginToken"]);
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
  });

  test("every $ref names a declared type, every default is a primitive, every property is described", () => {
    const refs: string[] = [];
    const undescribed: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (Array.isArray(v)) {
        for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
        return;
      }
      if (!v || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      if (typeof o.$ref === "string") refs.push(o.$ref);
      if ("default" in o) expect(["string", "number", "boolean"]).toContain(typeof o.default);
      for (const key of ["properties", "inputProperties", "variables"]) {
        for (const [name, p] of Object.entries((o[key] ?? {}) as Record<string, { description?: string }>))
          if (!p.description) undescribed.push(`${path}.${key}.${name}`);
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
    };
    walk(schema, pkg);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(schema.types)).toContain(ref.replace("#/types/", ""));
    expect(undescribed).toEqual([]);
  });
});
