/**
 * The dnspod lookup functions, read with the configured credentials: the SDK's data-source
 * functions (sdk/dnspod/functions.ts) and the plugin's invokes (dnspod:index:getDomains, …) both
 * call these. The zod schemas are their result types and the source of the package schema's types.
 */
import { z } from "zod";
import { dnspodContext } from "./context";
import { fromRecordRow } from "./convert";

export const DnspodDomainInfo = z.object({
  id: z.string().describe("DNSPod domain id."),
  name: z.string().describe("Domain name."),
  punycode: z.string().describe("The domain in punycode."),
  grade: z.string().describe('Service grade, e.g. "DP_Free".'),
  status: z.string().describe("Domain status."),
  groupId: z.string().describe("Domain group id."),
  recordCount: z.number().int().describe("Number of records."),
  ttl: z.number().int().describe("The domain's default TTL."),
  owner: z.string().describe("E-mail of the owning account."),
  remark: z.string().describe("Note on the domain."),
});
export type DnspodDomainInfo = z.infer<typeof DnspodDomainInfo>;

export const DnspodRecordInfo = z.object({
  recordId: z.string().describe("DNSPod record id."),
  subDomain: z.string().describe('Record name; "@" is the apex.'),
  recordType: z.string().describe("Record type."),
  recordLine: z.string().describe('Line key ("default" for the default line).'),
  value: z.string().describe("Record value in canonical form."),
  mx: z.number().int().optional().describe("MX priority (MX records only)."),
  ttl: z.number().int().describe("Time to live in seconds."),
  status: z.enum(["enable", "disable"]).describe("enable or disable."),
  remark: z.string().describe("Note on the record."),
  updatedOn: z.string().describe("When DNSPod last changed the record."),
  system: z.boolean().describe("An NS record DNSPod holds for itself."),
});
export type DnspodRecordInfo = z.infer<typeof DnspodRecordInfo>;

export const DnspodLineArea = z.object({
  name: z.string().describe("Area name."),
  lines: z.record(z.string(), z.string()).describe("Line key → display name; the keys are what recordLine takes."),
});
export type DnspodLineArea = z.infer<typeof DnspodLineArea>;

/** Every domain of the account (Domain.List, all pages). */
export async function getDomains(): Promise<DnspodDomainInfo[]> {
  return (await dnspodContext().client.listDomains()).map((d) => ({
    id: d.id,
    name: d.name,
    punycode: d.punycode || d.name,
    grade: d.grade,
    status: d.status,
    groupId: d.group_id,
    recordCount: d.records,
    ttl: d.ttl,
    owner: d.owner,
    remark: d.remark,
  }));
}

/** Every record of a domain (Record.List, all pages); lines as keys, system NS records flagged. */
export async function getRecords(domainId: string): Promise<DnspodRecordInfo[]> {
  return (await dnspodContext().client.listRecords(String(domainId))).map(
    (r) => ({ ...fromRecordRow(r), system: r.hold === "hold" }) as DnspodRecordInfo,
  );
}

/** Record types a grade allows (Record.Type), e.g. getRecordTypes("DP_Free"). */
export async function getRecordTypes(grade: string): Promise<string[]> {
  return dnspodContext().client.recordTypes(grade);
}

/**
 * Lines a grade allows (Record.Line), by area; the keys of `lines` are what recordLine takes. On
 * dnsapi.cn the default line is area "default" (key "default", name 默认) and every other line is in
 * area "cn" under its Chinese name.
 */
export async function getRecordLines(grade: string, domain?: string): Promise<Record<string, DnspodLineArea>> {
  const areas = await dnspodContext().client.recordLines(grade, domain);
  return Object.fromEntries(Object.entries(areas).map(([key, a]) => [key, { name: a.name, lines: a.sub_area }]));
}
