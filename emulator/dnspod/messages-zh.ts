/**
 * dnsapi.cn's Chinese status texts (its default language; `lang=en` gives English). Texts are the
 * code tables of DNSPod/dnspod-api-doc (source/info.rst, domains.rst, records.rst) [D], replaced by
 * what the live service was seen to answer where that differs [C]; [G] marks the emulator's own.
 */

export const ZH_COMMON: Readonly<Record<string, string>> = {
  "1": "操作已经成功完成", // [C] acme.sh#2829, acme.sh#2801
  "2": "只允许POST方法",
  "3": "未知错误",
  "-1": "登录失败，请检查账号和密码是否正确", // [C] ohsc/dnspod-ddns#7
  "-2": "API使用超出限制",
  "-3": "不是合法代理",
  "-4": "不在代理名下",
  "-7": "无权使用此接口",
  "-8": "登录失败次数过多，帐号被暂时封禁",
  "-15": "域名已被封禁",
  "-99": "此功能暂停开放，请稍候重试",
  "85": "帐号异地登录，请求被拒绝",
  "10002": "login_token 的 ID 不正确", // [G]
  "13": "当前域名未添加解析，请返回域名列表", // see ZH_DOMAIN_NOT_ADDED
  "20004": "user_token 验证失败", // [G]
};

const DOMAIN_ID = { "6": "域名ID错误" };
const NOT_OWNER = { "8": "非域名所有者" };
const LOCKED_7 = { "7": "域名被锁定" };
const RECORD_ID = { "8": "记录编号错误" }; // [C] rehiy/dnspod-shell#72 (the document says 记录ID错误)

const RECORD_WRITE: Record<string, string> = {
  "6": "缺少参数或者参数错误",
  "7": "不是域名所有者或者没有权限",
  ...RECORD_ID,
  "21": "域名被锁定",
  "22": "子域名不合法",
  "23": "子域名级数超出限制",
  "24": "泛解析子域名错误",
  "25": "轮循记录数量超出限制",
  "26": "记录线路错误",
  "27": "记录类型错误",
  "29": "TTL 值太小",
  "30": "MX 值错误，1-20",
  "31": "存在冲突的记录(A记录、CNAME记录、URL记录不能共存)",
  "32": "记录的TTL值超出了限制",
  "34": "记录值非法",
  "36": "@主机的NS纪录只能添加默认线路",
  "104": "记录已经存在", // [G]
  "500025": "A记录负载均衡超出限制",
  "500026": "CNAME记录负载均衡超出限制",
};

const SHARE_EMAIL = { "7": "要共享到的邮箱错误", "8": "要共享到的邮箱不存在" };

function acquire(fifteen: string): Record<string, string> {
  return {
    "6": "域名不正确",
    "7": "不支持中文域名",
    "8": "域名不正确",
    "9": "不支持免费.tk域名",
    "10": "域名不存在",
    "12": "锁定的域名不能取回",
    "15": fifteen,
    "16": "邮箱参数错误",
  };
}

export const ZH_BY_ACTION: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "Domain.Create": {
    "6": "域名无效",
    "7": "域名已存在",
    "11": "域名已经存在并且是其它域名的别名",
    "12": "域名已经存在并且您没有权限管理",
  },
  "Domain.List": { "6": "记录开始的偏移无效", "7": "共要获取的记录的数量无效", "9": "没有任何域名" },
  "Domain.Remove": { ...DOMAIN_ID, "7": "域名已锁定", "8": "VIP域名不可以删除", "9": "非域名所有者" },
  "Domain.Status": { ...DOMAIN_ID, ...LOCKED_7, ...NOT_OWNER },
  "Domain.Info": { ...DOMAIN_ID, ...NOT_OWNER },
  "Domain.Log": { ...DOMAIN_ID, ...NOT_OWNER },
  "Domain.Searchenginepush": { ...DOMAIN_ID, ...LOCKED_7, ...NOT_OWNER },
  "Domainshare.Create": { ...DOMAIN_ID, ...SHARE_EMAIL, "9": "共享已经存在", "10": "共享数量已经到达上限" },
  "Domainshare.List": { ...DOMAIN_ID, "7": "没有共享记录" },
  "Domainshare.Modify": { ...DOMAIN_ID, ...SHARE_EMAIL, "9": "此邮箱的共享不存在" },
  "Domainshare.Remove": { ...DOMAIN_ID, ...SHARE_EMAIL, "9": "此邮箱的共享不存在" },
  "Domainshare.Transfer": { ...DOMAIN_ID, "7": "要过户到的账号邮箱错误", "8": "要过户到的账号邮箱不存在", "9": "不能过户给自己" },
  "Domain.Lock": { ...DOMAIN_ID, "7": "不是域名所有者或者没有权限", "8": "锁定天数错误", "9": "锁定天数超出限制", "21": "域名已经被锁定" },
  "Domain.Lockstatus": { ...DOMAIN_ID, "7": "域名没有锁定" },
  "Domain.Unlock": { ...DOMAIN_ID, "7": "不是域名所有者或者没有权限", "8": "域名没有锁定", "9": "解锁码错误" },
  "Domainalias.List": { ...DOMAIN_ID, "7": "没有绑定记录" },
  "Domainalias.Create": {
    ...DOMAIN_ID,
    "7": "要绑定的域名错误",
    "8": "要绑定的域名已经被添加",
    "9": "要绑定的域名已经被绑定",
    "10": "绑定数量已经到达上限",
  },
  "Domainalias.Remove": { ...DOMAIN_ID, "7": "绑定ID错误" },
  "Domaingroup.Create": { "-7": "仅VIP帐号可以使用自定义分组", "7": "分组名称错误", "8": "分组名称已经存在", "9": "分组数量超出限制" }, // -7 [G]
  "Domaingroup.Modify": { "6": "分组ID错误", "7": "分组名称错误", "8": "分组名称已经存在" },
  "Domaingroup.Remove": { "6": "分组ID错误" },
  "Domain.Changegroup": { ...DOMAIN_ID, "7": "分组ID错误" },
  "Domain.Ismark": DOMAIN_ID,
  "Domain.Remark": DOMAIN_ID,
  "Domain.Acquire": acquire("获取不到邮箱, 可能是网络错误或域名不支持"),
  "Domain.Acquiresend": acquire("获取不到邮箱, 可能是网络错误或域名不支持"),
  "Domain.Acquirevalidate": acquire("验证码不正确"),
  "Record.Type": { "6": "等级代码不正确" },
  "Record.Line": { "6": "等级代码不正确" },
  "Record.Create": RECORD_WRITE,
  "Record.Modify": RECORD_WRITE,
  "Record.Ddns": RECORD_WRITE,
  "Record.Status": RECORD_WRITE,
  "Record.Remove": { ...RECORD_WRITE, ...DOMAIN_ID },
  "Record.Remark": { ...RECORD_WRITE, ...DOMAIN_ID },
  "Record.Info": { ...DOMAIN_ID, "7": "不是域名所有者或没有权限", ...RECORD_ID },
  "Record.List": { ...DOMAIN_ID, "7": "记录开始的偏移无效", "8": "共要获取的记录的数量无效", "9": "不是域名所有者", "10": "没有记录" },
  // 7 and 9 [G], worded as API 3.0 words JobGreaterThanLimit and BatchTaskCountLimit.
  "Batch.Record.Create": { "7": "单次任务数量超过上限", "9": "超过批量任务数上限" },
  "Batch.Record.Modify": { ...RECORD_ID, "7": "单次任务数量超过上限", "9": "超过批量任务数上限" },
  "Batch.Detail": { "8": "数据为空，没有查到该任务" }, // [D] source/batch.rst
};

/** Domain.* / Record.* naming a zone by `domain`: not a domain (acme.sh#2806), or not in the account (13). */
export const ZH_DOMAIN_NAME_INVALID = "域名不正确，请输入主域名，如 dnspod.cn";
// tengattack/certbot-dns-dnspod skips a zone guess whose error contains 当前域名未添加 (its commit 0a36519, #13).
export const ZH_DOMAIN_NOT_ADDED = "当前域名未添加解析，请返回域名列表";
