/**
 * The provider's line table (provider/dnspod/lines.ts): its key ↔ name mapping, and the one test that
 * holds it against the emulator's own copy, so a wrong line in either table fails here instead of the
 * emulator agreeing with whatever the provider believes.
 */
import { INTL_LINES } from "../../emulator/dnspod/lines-intl";
import { DNSPOD_LINES, lineDisplayName, lineKeyFromDisplay, lineKeys } from "../../provider/dnspod/lines";

describe("provider line table", () => {
  it("maps keys and display names both ways", () => {
    expect(lineKeys().has("search_engine")).toBe(true);
    expect(lineKeys().has("Default")).toBe(false);
    expect([lineDisplayName("default"), lineDisplayName("US"), lineDisplayName("nope")]).toEqual(["Default", "United States", undefined]);
    expect(["Default", "默认", "default", "United States", "DZ", "Atlantis"].map(lineKeyFromDisplay))
      .toEqual(["default", "default", "default", "US", "DZ", undefined]);
  });

  it("agrees with the emulator's table of api.dnspod.com lines", () => {
    expect(DNSPOD_LINES).toEqual(INTL_LINES);
  });
});
