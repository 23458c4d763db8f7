/** Data sources: read DNSPod from a Pulumi program with the stack's dnspod:* config. */

import type { DnspodDomainInfo, DnspodLineArea, DnspodRecordInfo } from "../../provider/dnspod/functions";
import * as functions from "../../provider/dnspod/functions";
import { useProgramConfig } from "../config";

export type { DnspodDomainInfo, DnspodLineArea, DnspodRecordInfo };

/** Every domain of the account (Domain.List, all pages). */
export async function getDomains(): Promise<DnspodDomainInfo[]> {
  useProgramConfig();
  return functions.getDomains();
}

/** Every record of a domain (Record.List, all pages); lines as keys, system NS records flagged. */
export async function getRecords(domainId: string): Promise<DnspodRecordInfo[]> {
  useProgramConfig();
  return functions.getRecords(domainId);
}

/** Record types a grade allows (Record.Type), e.g. getRecordTypes("DP_Free"). */
export async function getRecordTypes(grade: string): Promise<string[]> {
  useProgramConfig();
  return functions.getRecordTypes(grade);
}

/**
 * Lines a grade allows (Record.Line), by area; the keys of `lines` are what recordLine takes. On
 * dnsapi.cn the default line is area "default" (key "default", name 默认) and every other line is in
 * area "cn" under its Chinese name.
 */
export async function getRecordLines(grade: string, domain?: string): Promise<Record<string, DnspodLineArea>> {
  useProgramConfig();
  return functions.getRecordLines(grade, domain);
}
