/**
 * dnsapi.cn resolution lines as its `Record.Line` answer for the free grade lists them: the Chinese
 * name writes take as `record_line` (and reads show as `line`), and the id of `record_line_id` /
 * `line_id`. Source: the vendor's Record.Line example for D_Free (DNSPod/dnspod-api-doc
 * source/domains.rst), with 国内/国外 under the names the service uses today, 境内/境外.
 * The emulator keeps its own copy; test/unit/dnspod-lines.test.ts holds the two against each other.
 *
 * Paid grades add many more lines (provinces, smaller carriers), which this table does not list:
 * the provider passes other Chinese names through to the API, which answers 26 for a wrong one.
 */

export interface CnLine {
  name: string;
  id: string;
}

/** The default line's name on dnsapi.cn; the provider stores it as "default" on both sites. */
export const CN_DEFAULT_LINE_NAME = "默认";

export const CN_LINES: readonly CnLine[] = [
  { name: CN_DEFAULT_LINE_NAME, id: "0" },
  { name: "境内", id: "7=0" },
  { name: "境外", id: "3=0" },
  { name: "电信", id: "10=0" },
  { name: "联通", id: "10=1" },
  { name: "教育网", id: "10=2" },
  { name: "移动", id: "10=3" },
  { name: "百度", id: "90=0" },
  { name: "谷歌", id: "90=1" },
  { name: "搜搜", id: "90=4" },
  { name: "有道", id: "90=2" },
  { name: "必应", id: "90=3" },
  { name: "搜狗", id: "90=5" },
  { name: "奇虎", id: "90=6" },
  { name: "搜索引擎", id: "80=0" },
];

/**
 * Chinese text: how a dnsapi.cn line name (from this table or a paid grade's) is told apart from an
 * api.dnspod.com key or name, none of which has any.
 */
export const looksChinese = (s: string): boolean => /[\u3400-\u9fff\uf900-\ufaff]/.test(s);

/**
 * dnsapi.cn's Record.Line `lines` (names) in the areas shape of api.dnspod.com's answer: the default
 * line under "default" (key "default", as recordLine stores it), every other line under "cn" with
 * its name as the key, since the name is what recordLine takes there.
 */
export function cnLineAreas(names: readonly string[]): Record<string, { name: string; sub_area: Record<string, string> }> {
  const others = names.filter((n) => n !== CN_DEFAULT_LINE_NAME);
  return {
    default: { name: CN_DEFAULT_LINE_NAME, sub_area: { default: CN_DEFAULT_LINE_NAME } },
    cn: { name: "dnsapi.cn", sub_area: Object.fromEntries(others.map((n) => [n, n])) },
  };
}
