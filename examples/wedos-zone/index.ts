import * as pulumi from "@pulumi/pulumi";
import { wedos } from "pulumi-dnspod-wedos";

// Knobs the end-to-end tests turn; a real stack would simply write the values in.
const cfg = new pulumi.Config();
const zoneName = cfg.get("zone") ?? "pulumi-example.cz";
const webName = cfg.get("webName") ?? "www";
const webType = cfg.get("webType") ?? "A";
const webTtl = cfg.getNumber("webTtl") ?? 3600;
const extraHosts = cfg.getNumber("extraHosts") ?? 0;
const transferTo = cfg.getObject<string[]>("transferTo") ?? [];

const zone = new wedos.Domain("zone", {
  name: zoneName,
  axfrEnabled: transferTo.length > 0,
  axfrIps: transferTo,
  // Turning AXFR on or off re-creates the zone in WAPI; the rows below follow it.
  allowRecreate: true,
});

// Rows take `domain` from the zone's output, so they are re-created if the zone is.
const rows = [
  new wedos.Record("web", {
    domain: zone.name,
    name: webName,
    type: webType as wedos.RecordType,
    ttl: webTtl,
    rdata: webType === "AAAA" ? "2001:db8::10" : "192.0.2.10",
  }),
  new wedos.Record("apex", { domain: zone.name, name: "@", type: "A", rdata: "192.0.2.20" }),
  new wedos.Record("apex-v6", { domain: zone.name, name: "", type: "AAAA", rdata: "2001:db8::20" }),
  new wedos.Record("mail", { domain: zone.name, name: "@", type: "MX", ttl: 3600, rdata: "10 mx1.pulumi-example.cz" }),
  new wedos.Record("mail-backup", { domain: zone.name, name: "@", type: "MX", ttl: 3600, rdata: "20 mx2.pulumi-example.cz" }),
  new wedos.Record("spf", { domain: zone.name, name: "", type: "TXT", rdata: "v=spf1 mx -all" }),
  new wedos.Record("docs", { domain: zone.name, name: "docs", type: "CNAME", rdata: "www.pulumi-example.cz" }),
  new wedos.Record("sip", { domain: zone.name, name: "_sip._tcp", type: "SRV", rdata: "10 5 5060 sip.pulumi-example.cz" }),
  new wedos.Record("caa", { domain: zone.name, name: "", type: "CAA", rdata: '0 issue "letsencrypt.org"' }),
  ...Array.from(
    { length: extraHosts },
    (_, i) => new wedos.Record(`host-${i}`, { domain: zone.name, name: `host-${i}`, type: "A", rdata: `198.51.100.${(i % 250) + 1}` }),
  ),
];

new wedos.DnssecKeyset("dnssec", { domain: zone.name, keyset: "wedos" });

// A secondary zone transferred from another primary server; bump the trigger to re-transfer.
new wedos.Domain("mirror", { name: `mirror-${zoneName}`, type: "secondary", primaryIp: "192.0.2.53", axfrRunTrigger: "1" });

export const zoneId = zone.id;
export const nameservers = zone.nameservers;
export const records = pulumi
  .all(rows.map((r) => pulumi.all([r.fqdn, r.type, r.ttl, r.rdata])))
  .apply((list) => list.map(([fqdn, type, ttl, rdata]) => `${fqdn} ${ttl} IN ${type} ${rdata}`));
