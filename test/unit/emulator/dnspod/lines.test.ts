/** The DNSPod emulator: Record.Type and Record.Line. */
import { INTL_LINES } from "../../../../emulator/dnspod/lines-intl";
import { harness } from "./harness";

describe("record types and lines", () => {
  it("answers Record.Type per grade and Record.Line from the emulator's own table", () => {
    const h = harness();
    expect(h.call("Record.Type", { domain_grade: "DP_Free" }).types).toEqual([
      "A",
      "CNAME",
      "MX",
      "TXT",
      "NS",
      "AAAA",
      "SRV",
      "URL",
      "Framed URL",
    ]);
    expect(h.call("Record.Type", { domain_grade: "DP_Plus" }).types).toContain("CAA");
    expect(h.code("Record.Type", { domain_grade: "D_Free" })).toBe("6");
    expect(h.call("Record.Line", { domain_grade: "DP_Free", domain: "x.com" }).lines).toEqual(INTL_LINES);
    // dnsapi.cn (it replaces the old `defaultLineName: "默认"` setting): the default line is 默认.
    const cn = harness({ site: "cn" }).call("Record.Line", { domain_grade: "D_Free" });
    expect([cn.lines[0], cn.line_ids.默认]).toEqual(["默认", 0]);
  });
});
