/**
 * The provider's line tables (provider/dnspod/lines.ts, lines-cn.ts): the key ↔ name mapping, and
 * the tests that hold each against the emulator's own copy, so a wrong line in either table fails
 * here instead of the emulator agreeing with whatever the provider believes.
 */
import { CN_LINES as EMULATOR_CN_LINES } from "../../emulator/dnspod/lines-cn";
import { INTL_LINES } from "../../emulator/dnspod/lines-intl";
import { DNSPOD_LINES, lineDisplayName, lineKeyFromDisplay, lineKeys } from "../../provider/dnspod/lines";
import { CN_DEFAULT_LINE_NAME, CN_LINES, looksChinese } from "../../provider/dnspod/lines-cn";

describe("provider line table", () => {
  it("maps keys and display names both ways", () => {
    expect(lineKeys().has("search_engine")).toBe(true);
    expect(lineKeys().has("Default")).toBe(false);
    expect([lineDisplayName("default"), lineDisplayName("US"), lineDisplayName("nope")]).toEqual(["Default", "United States", undefined]);
    expect(["Default", "默认", "default", "United States", "DZ", "Atlantis"].map(lineKeyFromDisplay)).toEqual([
      "default",
      "default",
      "default",
      "US",
      "DZ",
      undefined,
    ]);
  });

  it("agrees with the emulator's table of api.dnspod.com lines", () => {
    expect(DNSPOD_LINES).toEqual(INTL_LINES);
  });

  it("agrees with the emulator's table of dnsapi.cn lines (names and ids)", () => {
    expect(CN_LINES).toEqual(EMULATOR_CN_LINES);
    expect(CN_LINES[0]).toEqual({ name: CN_DEFAULT_LINE_NAME, id: "0" });
  });

  it("tells dnsapi.cn names from api.dnspod.com keys and names", () => {
    expect(CN_LINES.every((l) => looksChinese(l.name))).toBe(true);
    expect(["北京电信", "默认", "United States", "Cote D'Ivoire"].map(looksChinese)).toEqual([true, true, false, false]);
    expect(
      Object.values(DNSPOD_LINES)
        .flatMap((a) => Object.values(a.sub_area))
        .some(looksChinese),
    ).toBe(false);
  });
});
