/**
 * The inline program: what the stack declares. A WEDOS zone and its records from a zone file, as
 * the dynamic resources of pulumi-dnspod-wedos, and a DNSPod domain with a record, served by the
 * native plugin pulumi-resource-dnspod (declared by type token; the engine downloads the plugin from
 * `pluginDownloadURL` the first time).
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { parseZoneFile, wedos } from "pulumi-dnspod-wedos";

export interface Settings {
  zone: string;
  zoneFile: string;
  domain: string;
  /** The plugin's version (the npm package's) and where the engine downloads it. */
  plugin: { version: string; pluginDownloadURL: string };
}

/** dnspod:index:Domain of the dnspod plugin. */
class DnspodDomain extends pulumi.CustomResource {
  declare readonly grade: pulumi.Output<string>;
  constructor(name: string, args: { domain: string }, opts: pulumi.CustomResourceOptions) {
    super("dnspod:index:Domain", name, { ...args, grade: undefined }, opts);
  }
}

/** dnspod:index:Record of the dnspod plugin. */
class DnspodRecord extends pulumi.CustomResource {
  declare readonly recordId: pulumi.Output<string>;
  constructor(
    name: string,
    args: { domainId: pulumi.Input<string>; subDomain: string; recordType: string; value: string },
    opts: pulumi.CustomResourceOptions,
  ) {
    super("dnspod:index:Record", name, { ...args, recordId: undefined }, opts);
  }
}

export function dnsProgram(s: Settings): PulumiFn {
  return async () => {
    const zone = new wedos.Domain("zone", { name: s.zone });
    const records = new wedos.ZoneRecords("zone-records", {
      domain: zone.name,
      records: parseZoneFile(fs.readFileSync(s.zoneFile, "utf8"), s.zone),
    });
    const domain = new DnspodDomain("domain", { domain: s.domain }, s.plugin);
    const www = new DnspodRecord("www", { domainId: domain.id, subDomain: "www", recordType: "A", value: "192.0.2.10" }, s.plugin);
    return {
      wedosRecordCount: records.recordCount,
      dnspodGrade: domain.grade,
      dnspodWwwId: pulumi.interpolate`${domain.id}/${www.recordId}`,
    };
  };
}
