/**
 * The `status.message` of every answer: which language, which wording, which text. Clients match on
 * these strings (acme.sh greps "Operation successful"), so the texts are the services' own where a
 * public record shows them; see messages-live.ts and messages-zh.ts for the sources.
 */
import { LIVE_BY_ACTION, LIVE_COMMON, LIVE_DOMAIN_NAME_INVALID } from "./messages-live";
import { seedMessage } from "./messages-seed";
import { ZH_BY_ACTION, ZH_COMMON, ZH_DOMAIN_NAME_INVALID, ZH_DOMAIN_NOT_ADDED } from "./messages-zh";
import type { DnspodEmulatorOptions } from "./state";
import type { Params, Reason } from "./wire";

export type Language = "en" | "zh";

/**
 * api.dnspod.com answers in English. dnsapi.cn answers in Chinese unless `lang=en` (acme.sh#2801:
 * "现在接口默认使用了中文 message"), except before a caller is logged in: its failed logins were seen
 * in English without any `lang` (rehiy/dnspod-shell#57), as if the account's language were needed
 * first [I]; `lang=cn` asks for Chinese there too [G].
 */
export function languageOf(options: DnspodEmulatorOptions, params: Params, loggedIn: boolean): Language {
  if (options.site === "intl") return "en";
  const lang = params.lang?.trim().toLowerCase();
  if (lang === "en") return "en";
  if (lang === "cn") return "zh";
  return loggedIn ? "zh" : "en";
}

function reasonText(reason: Reason, language: Language, options: DnspodEmulatorOptions): string | undefined {
  const arg = reason.arg ?? "";
  if (language === "zh") {
    switch (reason.key) {
      case "param":
        return `参数“${arg}”错误`; // [G]
      case "ttlMax":
        return "TTL 超出范围 1-604800"; // [G]
      case "unknownAction":
        return `接口“${arg}”不存在`; // [G]
      case "domainName":
        return ZH_DOMAIN_NAME_INVALID;
      case "domainNotAdded":
        return ZH_DOMAIN_NOT_ADDED;
      case "duplicate":
        return ZH_BY_ACTION["Record.Create"]!["104"];
    }
  }
  switch (reason.key) {
    case "param":
      return `Invalid parameter “${arg}”.`;
    case "ttlMax":
      return "Invalid parameter “ttl”: the maximum is 604800.";
    case "unknownAction":
      return `Unknown API action “${arg}”.`;
    case "domainName":
      return options.wording === "live" ? LIVE_DOMAIN_NAME_INVALID : undefined;
    // dnsapi.cn's 13 has its own text in the tables; api.dnspod.com's 6 is worded as an invalid name.
    case "domainNotAdded":
      return options.wording === "live" && options.site === "intl" ? LIVE_DOMAIN_NAME_INVALID : undefined;
    // Whatever its code (duplicateRecordCode), an exact duplicate is worded as one.
    case "duplicate":
      return options.wording === "live" ? LIVE_BY_ACTION["Record.Create"]!["104"] : seedMessage("Record.Create", "104");
  }
}

export function statusMessage(options: DnspodEmulatorOptions, language: Language, action: string, code: string, reason?: Reason): string {
  const special = reason && reasonText(reason, language, options);
  if (special) return special;
  if (language === "zh") return ZH_BY_ACTION[action]?.[code] ?? ZH_COMMON[code] ?? "未知错误";
  if (options.wording === "live") {
    const live = LIVE_BY_ACTION[action]?.[code] ?? LIVE_COMMON[code];
    if (live) return live;
  }
  // Codes the seed never had (10002, 20004, dnsapi.cn's 32) keep their live text under its wording too.
  const seed = seedMessage(action, code);
  return seed === "Unknown error" ? (LIVE_BY_ACTION[action]?.[code] ?? LIVE_COMMON[code] ?? seed) : seed;
}
