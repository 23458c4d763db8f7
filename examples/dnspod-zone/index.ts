import * as pulumi from "@pulumi/pulumi";
import { dnspod } from "pulumi-dnspod-wedos";

// Knobs the end-to-end tests turn; a real stack would simply write the values in.
const cfg = new pulumi.Config();
const domainName = cfg.get("domain") ?? "pulumi-example.com";
const webName = cfg.get("webName") ?? "www";
const webType = cfg.get("webType") ?? "A";
const webTtl = cfg.getNumber("webTtl") ?? 600;
const mxPriority = cfg.getNumber("mxPriority") ?? 10;
const extraHosts = cfg.getNumber("extraHosts") ?? 0;
// Lines are named per site: "US" on api.dnspod.com, Chinese names such as "电信" on dnsapi.cn.
const geoLine = cfg.get("geoLine") ?? "US";
// "default", "Default" and "默认" all name the default line (the one every record gets unless told).
const apexLine = cfg.get("apexLine") ?? "default";
// Custom domain groups are a VIP feature: a DP_Free account (the emulator's default) answers -7.
const useGroup = cfg.getBoolean("useGroup") ?? false;
// A lock refuses every record write while it holds: turn it off before changing records.
const lock = cfg.getBoolean("lock") ?? false;

const group = useGroup ? new dnspod.DomainGroup("group", { name: "pulumi-examples" }) : undefined;

const domain = new dnspod.Domain("domain", {
  domain: domainName,
  groupId: group ? group.groupId.apply(Number) : 1,
  remark: "managed by Pulumi (examples/dnspod-zone)",
  isMark: true,
  searchEnginePush: false,
});

// Records take `domainId` from the domain's output, so they follow it if it is replaced.
const rows = [
  new dnspod.Record("apex", { domainId: domain.id, subDomain: "@", recordType: "A", recordLine: apexLine, value: "192.0.2.20" }),
  new dnspod.Record("web", {
    domainId: domain.id,
    subDomain: webName,
    recordType: webType as dnspod.RecordType,
    ttl: webTtl,
    value: webType === "AAAA" ? "2001:db8::10" : "192.0.2.10",
  }),
  new dnspod.Record("mail", { domainId: domain.id, subDomain: "@", recordType: "MX", mx: mxPriority, value: `mx1.${domainName}` }),
  new dnspod.Record("spf", { domainId: domain.id, subDomain: "@", recordType: "TXT", value: "v=spf1 mx -all" }),
  new dnspod.Record("docs", { domainId: domain.id, subDomain: "docs", recordType: "CNAME", value: `www.${domainName}` }),
  // Answered only to resolvers on that line (by default in the United States); everyone else gets the "default" line.
  new dnspod.Record("web-us", {
    domainId: domain.id,
    subDomain: "geo",
    recordType: "A",
    recordLine: geoLine,
    value: "192.0.2.30",
    remark: `${geoLine} visitors`,
  }),
  // Kept in the zone but not served.
  new dnspod.Record("staging", { domainId: domain.id, subDomain: "staging", recordType: "A", value: "192.0.2.40", status: "disable" }),
  ...Array.from(
    { length: extraHosts },
    (_, i) =>
      new dnspod.Record(`host-${i}`, {
        domainId: domain.id,
        subDomain: `host-${i}`,
        recordType: "A",
        value: `198.51.100.${(i % 250) + 1}`,
      }),
  ),
];

// Read-only access for another DNSPod account (it must exist: the emulator knows friend@example.com).
new dnspod.DomainShare("share", { domainId: domain.id, email: "friend@example.com", mode: "r" });

// Another name served with this domain's records.
new dnspod.DomainAlias("alias", { domainId: domain.id, domain: `alias-${domainName}` });

// Created after the records and, on destroy, removed (unlocked) before them.
const domainLock = lock ? new dnspod.DomainLock("lock", { domainId: domain.id, days: 30 }, { dependsOn: rows }) : undefined;

export const domainId = domain.id;
export const grade = domain.grade;
// null, not undefined, when the feature is off: the engine warns about undefined stack outputs.
export const groupId = group?.groupId ?? null;
export const lockEnd = domainLock?.lockEnd ?? null;
/** The records as zone-file lines. */
export const records = pulumi
  .all(rows.map((r) => pulumi.all([r.subDomain, r.recordType, r.recordLine, r.ttl, r.mx, r.value, r.status])))
  .apply((list) =>
    list.map(([sub, type, line, ttl, mx, value, status]) => {
      const fqdn = sub === "@" ? `${domainName}.` : `${sub}.${domainName}.`;
      const data = type === "MX" ? `${mx} ${value}` : type === "TXT" ? JSON.stringify(value) : value;
      return `${status === "disable" ? "; (disabled) " : ""}${fqdn} ${ttl} IN ${type} ${data}${line === "default" ? "" : ` ; line ${line}`}`;
    }),
  );
