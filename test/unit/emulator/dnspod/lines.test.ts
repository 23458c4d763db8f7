/** The DNSPod emulator: Record.Type and Record.Line. */
import { DNSPOD_LINES, lineDisplayName, lineKeyFromDisplay, lineKeys } from "../../../../provider/dnspod/lines";
import { harness } from "./harness";

describe("record types and lines", () => {
  it("answers Record.Type per grade and Record.Line from the shared table", () => {
    const h = harness();
    expect(h.call("Record.Type", { domain_grade: "DP_Free" }).types)
      .toEqual(["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL", "Framed URL"]);
    expect(h.call("Record.Type", { domain_grade: "DP_Plus" }).types).toContain("CAA");
    expect(h.code("Record.Type", { domain_grade: "D_Free" })).toBe("6");
    expect(h.call("Record.Line", { domain_grade: "DP_Free", domain: "x.com" }).lines).toEqual(DNSPOD_LINES);
    expect(harness({ defaultLineName: "默认" }).call("Record.Line", { domain_grade: "DP_Free" }).lines.default)
      .toEqual({ name: "默认", sub_area: { default: "默认" } });
  });

  it("maps keys and display names both ways", () => {
    expect(lineKeys().has("search_engine")).toBe(true);
    expect(lineKeys().has("Default")).toBe(false);
    expect([lineDisplayName("default"), lineDisplayName("US"), lineDisplayName("nope")]).toEqual(["Default", "United States", undefined]);
    expect(["Default", "默认", "default", "United States", "DZ", "Atlantis"].map(lineKeyFromDisplay))
      .toEqual(["default", "default", "default", "US", "DZ", undefined]);
  });
});
