/** Data sources: read DNSPod from a Pulumi program with the stack's dnspod:* config. */
import { dnspodContext } from "../../provider/dnspod/context";
import { fromRecordRow } from "../../provider/dnspod/convert";
import { useProgramConfig } from "../config";

export interface DnspodDomainInfo { id: string; name: string; punycode: string; grade: string; status: string; groupId: string; recordCount: number; ttl: number; owner: string; remark: string }
export interface DnspodRecordInfo { recordId: string; subDomain: string; recordType: string; recordLine: string; value: string; mx?: number; ttl: number; status: "enable" | "disable"; remark: string; updatedOn: string; system: boolean }
export interface DnspodLineArea { name: string; lines: Record<string, string> }

/** Every domain of the account (Domain.List, all pages). */
export async function getDomains(): Promise<DnspodDomainInfo[]> {
  useProgramConfig();
  return (await dnspodContext().client.listDomains()).map((d) => ({
    id: d.id, name: d.name, punycode: d.punycode || d.name, grade: d.grade, status: d.status, groupId: d.group_id, recordCount: d.records, ttl: d.ttl, owner: d.owner, remark: d.remark,
  }));
}

/** Every record of a domain (Record.List, all pages); lines as keys, system NS records flagged. */
export async function getRecords(domainId: string): Promise<DnspodRecordInfo[]> {
  useProgramConfig();
  return (await dnspodContext().client.listRecords(String(domainId))).map((r) => ({ ...fromRecordRow(r), system: r.hold === "hold" }));
}

/** Record types a grade allows (Record.Type), e.g. getRecordTypes("DP_Free"). */
export async function getRecordTypes(grade: string): Promise<string[]> {
  useProgramConfig();
  return dnspodContext().client.recordTypes(grade);
}

/**
 * Lines a grade allows (Record.Line), by area; the keys of `lines` are what recordLine takes. On
 * dnsapi.cn the default line is area "default" (key "default", name 默认) and every other line is in
 * area "cn" under its Chinese name.
 */
export async function getRecordLines(grade: string, domain?: string): Promise<Record<string, DnspodLineArea>> {
  useProgramConfig();
  const areas = await dnspodContext().client.recordLines(grade, domain);
  return Object.fromEntries(Object.entries(areas).map(([key, a]) => [key, { name: a.name, lines: a.sub_area }]));
}
