/**
 * dnsapi.cn resolution lines: the name every read shows and the id `record_line_id` takes. Names and
 * ids are the vendor's `Record.Line` example for D_Free (DNSPod/dnspod-api-doc source/domains.rst,
 * "获取等级允许的线路"), with 国内/国外 under the names the service and its clients use today,
 * 境内/境外 (NewFuture/DDNS docs/providers/dnspod.md) [I]. Every grade gets the same lines [G].
 */

export interface CnLine {
  name: string;
  id: string;
}

export const CN_DEFAULT_LINE: CnLine = { name: "默认", id: "0" };

export const CN_LINES: readonly CnLine[] = [
  CN_DEFAULT_LINE,
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

export const cnLineByName = (name: string): CnLine | undefined => CN_LINES.find((l) => l.name === name);

export const cnLineById = (id: string): CnLine | undefined => CN_LINES.find((l) => l.id === id);
