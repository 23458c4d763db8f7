/**
 * Domain grades per site: the title Domain.List/Info show, the TTL minimum (code 29 below it) and the
 * record types Record.Type allows. Grades outside the site's table answer Record.Type/Line with 6.
 */
import type { DnspodEmulatorOptions, DnspodSite } from "./state";

interface Grade {
  title: string;
  ttlMin: number;
}

/**
 * api.dnspod.com: the seed names DP_Free "Free" [C]; the paid titles are [G]. TTL minimums as
 * docs.dnspod.com/dns/help-ttl gives them (Free 600, Professional 120, Enterprise 60, Premium 1),
 * via NewFuture/DDNS docs/en/providers/dnspod_com.md [I].
 */
const INTL: Readonly<Record<string, Grade>> = {
  DP_Free: { title: "Free", ttlMin: 600 },
  DP_Plus: { title: "Plus", ttlMin: 120 },
  DP_Extra: { title: "Extra", ttlMin: 120 },
  DP_Expert: { title: "Expert", ttlMin: 60 },
  DP_Ultra: { title: "Ultra", ttlMin: 1 },
};

/**
 * dnsapi.cn: the old D_* and the new DP_* grades with the titles of DNSPod/dnspod-api-doc
 * source/domains.rst [D]. TTL minimums of the DP_* grades: 免费版 600, 专业版 60, 企业版 1, 尊享版 1
 * (NewFuture/DDNS docs/providers/dnspod.md, citing docs.dnspod.cn/dns/help-ttl) [I]; those of the
 * retired D_* grades are [G].
 */
const CN: Readonly<Record<string, Grade>> = {
  D_Free: { title: "免费套餐", ttlMin: 600 },
  D_Plus: { title: "个人豪华套餐", ttlMin: 120 },
  D_Extra: { title: "企业Ⅰ", ttlMin: 60 },
  D_Expert: { title: "企业Ⅱ", ttlMin: 10 },
  D_Ultra: { title: "企业Ⅲ", ttlMin: 1 },
  DP_Free: { title: "新免费套餐", ttlMin: 600 }, // as its Domain.List example and recorded answers have it
  DP_Plus: { title: "个人专业版", ttlMin: 60 },
  DP_Extra: { title: "企业创业版", ttlMin: 1 },
  DP_Expert: { title: "企业标准版", ttlMin: 1 },
  DP_Ultra: { title: "企业旗舰版", ttlMin: 1 },
};

const FREE_GRADES = new Set(["DP_Free", "D_Free"]);

const table = (site: DnspodSite): Readonly<Record<string, Grade>> => (site === "cn" ? CN : INTL);

export function isVipGrade(grade: string): boolean {
  return !FREE_GRADES.has(grade);
}

export function gradeTitle(site: DnspodSite, grade: string): string {
  return table(site)[grade]?.title ?? grade;
}

/** The grade's TTL minimum (`ttlMinByGrade` first); unknown grades get 600. */
export function ttlMin(options: DnspodEmulatorOptions, grade: string): number {
  return options.ttlMinByGrade?.[grade] ?? table(options.site)[grade]?.ttlMin ?? 600;
}

/**
 * Record types per grade, undefined for a grade the site does not have. The free lists are the
 * vendors' own examples: the seed's DP_Free answer (with "Framed URL") and dnsapi.cn's D_Free
 * answer (without) [D]; CAA on paid grades is [G].
 */
export function typesFor(options: DnspodEmulatorOptions, grade: string): string[] | undefined {
  const known = grade in table(options.site) || (options.ttlMinByGrade !== undefined && grade in options.ttlMinByGrade);
  if (!known) return undefined;
  const free = ["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL"];
  const base = options.site === "intl" ? [...free, "Framed URL"] : free;
  return isVipGrade(grade) ? [...base, "CAA"] : base;
}
