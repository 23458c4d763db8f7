import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { dnspod, parseZoneFile, wedos } from "pulumi-dnspod-wedos";

// Knobs the end-to-end tests turn; a real stack would simply write the values in.
const cfg = new pulumi.Config();
const wedosZone = cfg.get("wedosZone") ?? "zonefile-example.cz";
const dnspodDomain = cfg.get("dnspodDomain") ?? "zonefile-example.com";
const zoneFile = cfg.get("zoneFile") ?? "example.zone";
// Own the whole zone: records nothing here declares are deleted (after a refresh shows them).
const exclusive = cfg.getBoolean("exclusive") ?? false;
// Many more hosts, for scale; `editHost` changes the address of one of them.
const extraHosts = cfg.getNumber("extraHosts") ?? 0;
const editHost = cfg.getNumber("editHost");

const text = fs.readFileSync(zoneFile, "utf8");
const hosts = Array.from({ length: extraHosts }, (_, i) => ({
  name: `host-${i}`,
  type: "A",
  ttl: 3600,
  rdata: i === editHost ? "203.0.113.254" : `198.51.${100 + (i >> 8)}.${i & 255}`,
}));

// WEDOS: the zone file's records as they are. `up` returns once every nameserver (the
// secondaries too) serves the change: WEDOS publishes at the commit, its secondaries later.
const cz = new wedos.Domain("cz", { name: wedosZone });
const czRecords = new wedos.ZoneRecords("cz-records", {
  domain: cz.name,
  records: [...parseZoneFile(text, wedosZone), ...hosts],
  exclusive,
  waitUntilServed: true,
});

// DNSPod: the same file, mapped to DNSPod's record shape (MX priority → mx, apex → "@").
const com = new dnspod.Domain("com", { domain: dnspodDomain });
const comRecords = new dnspod.ZoneRecords("com-records", {
  domainId: com.id,
  records: dnspod.fromZoneFile([...parseZoneFile(text, dnspodDomain), ...hosts]),
  exclusive,
  waitUntilServed: true,
});

/** Every record as stored, one line each (what `make demo` prints). */
export const records = pulumi
  .all([cz.name, czRecords.records, com.domain, comRecords.records])
  .apply(([czName, czRecs, comName, comRecs]) => [
    ...Object.entries(czRecs).map(([key, r]) => `WEDOS  ${czName}: ${key} (ttl ${r.ttl})`),
    ...Object.entries(comRecs).map(([key, r]) => `DNSPod ${comName}: ${key} (ttl ${r.ttl})`),
  ]);
export const wedosRecordCount = czRecords.recordCount;
export const wedosUnmanaged = czRecords.unmanaged;
export const dnspodRecordCount = comRecords.recordCount;
export const dnspodUnmanaged = comRecords.unmanaged;
