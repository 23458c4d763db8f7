/** Domain.* actions that create, list, describe and flag domains. */
import { domainToUnicode } from "node:url";
import { gradeTitle, isVipGrade } from "./grades";
import { activeLock, findByName, groupExists, logChange, noDomain, resolveDomain } from "./lookup";
import { page } from "./paging";
import type { DnspodDomain, DnspodRecord } from "./state";
import { asciiDomain } from "./validate";
import { badParam, type Call, fail, formatDateTime, type Handler, type Outcome, ok } from "./wire";

/** The name servers of both sites in the emulator, as Domain.Info and dnsapi.cn's Record.List report them. */
export const DNSPOD_NAMESERVERS = ["f1g1ns1.dnspod.net", "f1g1ns2.dnspod.net"] as const;

const SYSTEM_NS = DNSPOD_NAMESERVERS.map((ns) => `${ns}.`);

function systemNs(call: Call, at: string): DnspodRecord[] {
  return SYSTEM_NS.map((value) => ({
    id: call.state.nextRecordId++,
    subDomain: "@",
    type: "NS",
    line: "default",
    value,
    mx: 0,
    ttl: 86400,
    enabled: true,
    remark: "",
    updatedOn: at,
    hold: true,
    noopModifies: 0,
  }));
}

const create: Handler = (call) => {
  const ascii = asciiDomain(call.params.domain);
  if (!ascii) return fail("6");
  const { state } = call;
  if (findByName(state, ascii)) return fail("7");
  if (state.domains.some((d) => d.aliases.some((a) => a.domain === ascii))) return fail("11");
  if (state.transferred.some((t) => t.domain.punycode === ascii)) return fail("12");
  const groupId = Number(call.params.group_id);
  const at = formatDateTime(call.now);
  const domain: DnspodDomain = {
    id: state.nextDomainId++,
    name: domainToUnicode(ascii) || ascii,
    punycode: ascii,
    grade: call.options.accountGrade,
    status: "enable",
    // [G] an unknown group_id is not an error the vendor documents; the domain lands in group 1.
    groupId: Number.isInteger(groupId) && groupExists(state, groupId) ? groupId : 1,
    isMark: call.params.is_mark === "yes" ? "yes" : "no",
    remark: "",
    searchenginePush: "yes",
    createdOn: at,
    updatedOn: at,
    records: systemNs(call, at),
    shares: [],
    aliases: [],
    log: [],
  };
  state.domains.push(domain);
  return ok({ domain: { id: String(domain.id), punycode: domain.punycode, domain: domain.name } }, true);
};

/** One domain as Domain.List ("list") or Domain.Info ("info") shows it; the seed's quirks differ. */
function describe(call: Call, d: DnspodDomain, shape: "list" | "info"): Record<string, unknown> {
  const isInfo = shape === "info";
  return {
    // Domain.List: `"id": 6`; Domain.Info: `"id": "6"` and `"remark": false` when empty.
    id: isInfo ? String(d.id) : d.id,
    name: d.name,
    ...(isInfo ? { punycode: d.punycode } : {}),
    grade: d.grade,
    grade_title: gradeTitle(call.options.site, d.grade),
    status: d.status,
    ext_status: "notexist",
    records: String(d.records.length),
    group_id: String(d.groupId),
    is_mark: d.isMark,
    remark: isInfo && d.remark === "" ? false : d.remark,
    is_vip: isVipGrade(d.grade) ? "yes" : "no",
    searchengine_push: d.searchenginePush,
    beian: "no",
    ...(isInfo ? { user_id: call.userId } : {}),
    // The name servers the zone is delegated to, as dnsapi.cn's Record.List also reports them.
    ...(isInfo ? { dnspod_ns: [...DNSPOD_NAMESERVERS] } : {}),
    created_on: d.createdOn,
    updated_on: d.updatedOn,
    ttl: "600",
    // dnsapi.cn's documents and recorded answers carry this flag of its CNAME acceleration [D].
    ...(call.options.site === "cn" ? { cname_speedup: "disable" } : {}),
    owner: call.options.accountEmail,
  };
}

type Filter = (d: DnspodDomain) => boolean;

/** Domain.List `type` values; nothing is shared *to* the emulated account, the only one with domains. */
const LIST_TYPES = {
  all: () => true,
  mine: () => true,
  share: () => false,
  ismark: (d) => d.isMark === "yes",
  pause: (d) => d.status === "disable",
  vip: (d) => isVipGrade(d.grade),
  recent: () => true,
  share_out: (d) => d.shares.length > 0,
} satisfies Record<string, Filter>;

const list: Handler = (call) => {
  const all = call.state.domains;
  const count = (f: Filter): number => all.filter(f).length;
  const requested = call.params.type ?? "all";
  // [G] an unknown `type` is treated as "all" (undocumented).
  const type = Object.hasOwn(LIST_TYPES, requested) ? (requested as keyof typeof LIST_TYPES) : "all";
  const groupId = call.params.group_id ? Number(call.params.group_id) : undefined;
  let matching = all.filter((d) => LIST_TYPES[type](d) && (groupId === undefined || d.groupId === groupId));
  if (type === "recent") matching = [...matching].sort((a, b) => b.updatedOn.localeCompare(a.updatedOn));
  const paged = page(call, matching, { offset: "6", length: "7" });
  if ("code" in paged) return paged;
  if (paged.rows.length === 0 && call.errorOnEmpty) return fail("9");
  const info = {
    domain_total: matching.length,
    all_total: all.length,
    mine_total: all.length,
    share_total: 0,
    vip_total: count(LIST_TYPES.vip),
    ismark_total: count(LIST_TYPES.ismark),
    pause_total: count(LIST_TYPES.pause),
    // Every emulated domain reports ext_status "notexist" (as in the seed), which counts as an error.
    error_total: all.length,
    lock_total: count((d) => activeLock(d, call.now) !== undefined),
    spam_total: 0,
    vip_expire: 0,
    share_out_total: count(LIST_TYPES.share_out),
  };
  const domains = paged.rows.map((d) => describe(call, d, "list"));
  return ok({ info, domains });
};

const info: Handler = (call) => {
  const d = resolveDomain(call);
  return d ? ok({ domain: describe(call, d, "info") }) : noDomain(call);
};

const remove: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  if (activeLock(d, call.now)) return fail("7");
  call.state.domains = call.state.domains.filter((x) => x !== d);
  return ok(undefined, true);
};

/** A Domain.* flag setter: resolve, check lock when the action is lockable, validate, apply. */
function setter(opts: {
  param: string;
  allowed: readonly string[];
  lockable: boolean;
  apply: (d: DnspodDomain, v: string) => void;
}): Handler {
  return (call): Outcome => {
    const d = resolveDomain(call);
    if (!d) return noDomain(call);
    if (opts.lockable && activeLock(d, call.now)) return fail("7");
    const value = call.params[opts.param] ?? "";
    // [G] a bad enumerated value has no documented code; 6 ("invalid parameter") names it.
    if (!opts.allowed.includes(value)) return badParam("6", opts.param);
    opts.apply(d, value);
    logChange(d, call.now, `Set ${opts.param} to ${value}`);
    return ok(undefined, true);
  };
}

const log: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const entries = [...d.log].reverse().slice(0, 500);
  return ok({
    log: entries.length > 0 ? entries : ["There is no domain logs at the moment."],
    info: { count: d.log.length, page_size: 500 },
  });
};

const remark: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  d.remark = call.params.remark ?? "";
  logChange(d, call.now, d.remark ? `Set remark to ${d.remark}` : "Cleared remark");
  return ok(undefined, true);
};

const changeGroup: Handler = (call) => {
  const d = resolveDomain(call);
  if (!d) return noDomain(call);
  const groupId = Number(call.params.group_id);
  // Group 8 ("Shared To Me") only ever holds other accounts' domains.
  if (!Number.isInteger(groupId) || groupId === 8 || !groupExists(call.state, groupId)) return fail("7");
  d.groupId = groupId;
  return ok(undefined, true);
};

export const domainActions: Record<string, Handler> = {
  "Domain.Create": create,
  "Domain.List": list,
  "Domain.Info": info,
  "Domain.Remove": remove,
  "Domain.Log": log,
  "Domain.Remark": remark,
  "Domain.Changegroup": changeGroup,
  "Domain.Status": setter({
    param: "status",
    allowed: ["enable", "disable"],
    lockable: true,
    apply: (d, v) => (d.status = v as DnspodDomain["status"]),
  }),
  "Domain.Searchenginepush": setter({
    param: "status",
    allowed: ["yes", "no"],
    lockable: true,
    apply: (d, v) => (d.searchenginePush = v as DnspodDomain["searchenginePush"]),
  }),
  "Domain.Ismark": setter({
    param: "is_mark",
    allowed: ["yes", "no"],
    lockable: false,
    apply: (d, v) => (d.isMark = v as DnspodDomain["isMark"]),
  }),
};
