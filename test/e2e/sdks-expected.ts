/**
 * What test/fixtures/sdkgen-stack's program (index.ts, and program.py, its Python twin) must
 * register through the generated SDKs: the inputs it writes, completed with the defaults and
 * secrets of the package schema the SDKs were generated from — so the expectation follows the
 * schema `make sdks` used (the plugins' own, schemas/<pkg>/schema.json).
 */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  provider?: string;
}
export interface Seen {
  resources: Registration[];
  invokes: { token: string; inputs: unknown }[];
  exports: Record<string, unknown>;
}

interface Prop {
  default?: unknown;
  secret?: boolean;
  items?: Prop;
  $ref?: string;
}
interface ObjectSpec {
  inputProperties?: Record<string, Prop>;
  properties?: Record<string, Prop>;
}
export interface PackageSchema {
  name: string;
  provider?: ObjectSpec;
  resources: Record<string, ObjectSpec>;
  types?: Record<string, ObjectSpec>;
}

/** Each resource as the program declares it; `provider` is the name of the explicit provider. */
const DECLARED: Registration[] = [
  {
    type: "pulumi:providers:wedos",
    name: "wedos",
    inputs: { username: "user@example.cz", wapiPassword: "wapi-secret", endpoint: "http://127.0.0.1:9/wapi/json" },
  },
  { type: "wedos:index:Domain", name: "zone", inputs: { name: "example.cz" }, provider: "wedos" },
  {
    type: "wedos:index:Record",
    name: "www",
    inputs: { domain: "example.cz", name: "www", type: "A", rdata: "192.0.2.10" },
    provider: "wedos",
  },
  { type: "wedos:index:DnssecKeyset", name: "keys", inputs: { domain: "example.cz", keyset: "257 3 13 AAAA" }, provider: "wedos" },
  {
    type: "wedos:index:ZoneRecords",
    name: "rows",
    inputs: { domain: "example.cz", records: [{ name: "mail", type: "MX", rdata: "10 mx.example.cz", ttl: 3600 }], exclusive: true },
    provider: "wedos",
  },
  { type: "pulumi:providers:dnspod", name: "dnspod", inputs: { loginToken: "10000,token", site: "intl" } },
  { type: "dnspod:index:Domain", name: "domain", inputs: { domain: "example.com" }, provider: "dnspod" },
  {
    type: "dnspod:index:Record",
    name: "mail",
    inputs: { domainId: "domain-id", recordType: "MX", value: "mail.example.com.", mx: 10 },
    provider: "dnspod",
  },
  { type: "dnspod:index:DomainShare", name: "share", inputs: { domainId: "domain-id", email: "friend@example.com" }, provider: "dnspod" },
  { type: "dnspod:index:DomainAlias", name: "alias", inputs: { domainId: "domain-id", domain: "example.net" }, provider: "dnspod" },
  { type: "dnspod:index:DomainGroup", name: "group", inputs: { name: "web" }, provider: "dnspod" },
  { type: "dnspod:index:DomainLock", name: "lock", inputs: { domainId: "domain-id", days: 30 }, provider: "dnspod" },
  {
    type: "dnspod:index:ZoneRecords",
    name: "set",
    inputs: { domainId: "domain-id", records: [{ subDomain: "www", recordType: "A", value: "192.0.2.20" }] },
    provider: "dnspod",
  },
];

export const INVOKES = [
  { token: "dnspod:index:getRecordTypes", inputs: { grade: "DP_Free" } },
  { token: "wedos:index:getRecords", inputs: { domain: "example.cz" } },
];

/** Declared values, then the schema's defaults for the rest; secret properties wrapped as on the wire. */
function complete(
  declared: Record<string, unknown>,
  props: Record<string, Prop>,
  schema: PackageSchema,
  nestedDefaults: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(props)) {
    let v = declared[name] ?? p.default;
    if (v === undefined) continue;
    const itemType = p.items?.$ref?.replace(/^#\/types\//, "");
    if (nestedDefaults && Array.isArray(v) && itemType) {
      const itemProps = schema.types?.[itemType]?.properties ?? {};
      v = v.map((item: Record<string, unknown>) => complete(item, itemProps, schema, nestedDefaults));
    }
    out[name] = p.secret ? { [SECRET_SIG]: SECRET_VALUE, value: v } : v;
  }
  return out;
}

/**
 * The registrations the mocks should see. Only Python's SDK applies the defaults of objects inside
 * lists (e.g. a ZoneRecords record's ttl); Node.js's sends those as written and leaves them to the
 * provider's check.
 */
export function expectedRegistrations(schemas: PackageSchema[], language: "nodejs" | "python"): Registration[] {
  const byPackage = new Map(schemas.map((s) => [s.name, s]));
  return DECLARED.map((r) => {
    const pkg = r.type.startsWith("pulumi:providers:") ? r.type.split(":")[2] : r.type.split(":")[0];
    const schema = byPackage.get(pkg!);
    if (!schema) throw new Error(`no schema for package ${pkg}`);
    const spec = r.type.startsWith("pulumi:providers:") ? schema.provider : schema.resources[r.type];
    const inputs = complete(r.inputs, spec?.inputProperties ?? {}, schema, language === "python");
    return { ...r, inputs, ...(r.provider ? { provider: `pulumi:providers:${r.provider}::${r.provider}` } : {}) };
  });
}

/** Order-free form of what a runner printed: resources and invokes sorted, provider URNs cut to type::name. */
export function normalise(seen: Seen): Seen {
  const resources = seen.resources
    .map((r) => ({ ...r, ...(r.provider ? { provider: /pulumi:providers:[^:]+::[^:]+/.exec(r.provider)?.[0] ?? r.provider } : {}) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { resources, invokes: [...seen.invokes].sort((a, b) => a.token.localeCompare(b.token)), exports: seen.exports };
}
