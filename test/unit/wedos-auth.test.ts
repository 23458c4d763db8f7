/**
 * WAPI auth: sha1(user + sha1(password) + HH) with HH the two-digit hour in Europe/Prague.
 * https://kb.wedos.com/en/wapi-api-interface/wapi-basics-communication-authentication/
 * the hour in Europe/Prague: both DST switches, midnight, zero padding, whatever the host's time zone.
 */
import { createHash } from "node:crypto";
import { pragueHour, sha1Hex, wapiAuth } from "../../provider/wedos/auth";

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

describe("KB test vector", () => {
  // KB: user "tester", password "123456", sent at 11:30 Prague time.
  const at1130 = new Date("2026-01-15T10:30:00Z"); // CET, UTC+1

  it("hashes the password", () => {
    expect(sha1Hex("123456")).toBe("7c4a8d09ca3762af61e59520943dc26494f8941b");
  });

  it("builds the pre-image user + sha1(password) + HH", () => {
    expect(`tester${sha1Hex("123456")}${pragueHour(at1130)}`).toBe("tester7c4a8d09ca3762af61e59520943dc26494f8941b11");
  });

  it("gives the KB auth string", () => {
    expect(wapiAuth("tester", "123456", at1130)).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    expect(sha1("tester7c4a8d09ca3762af61e59520943dc26494f8941b11")).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
  });

  it("gives the same auth at 11:30 summer time (CEST, UTC+2)", () => {
    expect(wapiAuth("tester", "123456", new Date("2026-07-15T09:30:00Z"))).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
  });

  it("is lowercase hex of 40 characters and changes with the hour", () => {
    const a = wapiAuth("tester", "123456", new Date("2026-01-15T10:59:59Z"));
    const b = wapiAuth("tester", "123456", new Date("2026-01-15T11:00:00Z"));
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(b).toBe(sha1(`tester${sha1("123456")}12`));
    expect(a).not.toBe(b);
  });
});

// [UTC instant, Prague hour]
const HOURS: Array<[string, string, string]> = [
  // Spring forward, Sunday 2026-03-29: 02:00 CET → 03:00 CEST at 01:00Z; hour "02" never occurs.
  ["spring: last CET second", "2026-03-29T00:59:59Z", "01"],
  ["spring: first CEST instant", "2026-03-29T01:00:00Z", "03"],
  ["spring: CEST continues", "2026-03-29T01:59:59Z", "03"],
  ["spring: next hour", "2026-03-29T02:00:00Z", "04"],
  // Fall back, Sunday 2026-10-25: 03:00 CEST → 02:00 CET at 01:00Z; hour "02" occurs twice.
  ["fall: first 02 (CEST)", "2026-10-25T00:59:59Z", "02"],
  ["fall: second 02 (CET) begins", "2026-10-25T01:00:00Z", "02"],
  ["fall: second 02 ends", "2026-10-25T01:59:59Z", "02"],
  ["fall: then 03 (CET)", "2026-10-25T02:00:00Z", "03"],
  ["fall: 01 before the switch", "2026-10-24T23:30:00Z", "01"],
  // Prague midnight (CET): 23:00Z is 00:00 the next day.
  ["midnight", "2026-01-15T23:00:00Z", "00"],
  ["last second before midnight", "2026-01-15T22:59:59Z", "23"],
  ["midnight in summer (CEST)", "2026-07-01T22:00:00Z", "00"],
  ["UTC midnight is 01 in winter", "2026-01-16T00:00:00Z", "01"],
  // Zero padding before 10:00.
  ["07 in summer", "2026-07-01T05:00:00Z", "07"],
  ["09 in winter", "2026-01-15T08:59:59Z", "09"],
  ["10 in winter", "2026-01-15T09:00:00Z", "10"],
  ["leap day", "2028-02-29T12:00:00Z", "13"],
];

describe("pragueHour", () => {
  it.each(HOURS)("%s: %s → %s", (_label, iso, hh) => {
    expect(pragueHour(new Date(iso))).toBe(hh);
  });

  it("is always two digits 00–23 over every hour of 2026", () => {
    const seen = new Set<string>();
    for (let t = Date.parse("2026-01-01T00:30:00Z"); t < Date.parse("2027-01-01T00:00:00Z"); t += 3_600_000) {
      const hh = pragueHour(new Date(t));
      expect(hh).toMatch(/^(?:[01]\d|2[0-3])$/);
      seen.add(hh);
    }
    expect(seen.size).toBe(24);
  });

  it("signs with the hour Prague shows, not UTC and not a fixed +1 h", () => {
    // 2026-07-01T08:15Z is 10:15 CEST; a fixed +1 h (libdns fallback) would say 09.
    expect(wapiAuth("tester", "123456", new Date("2026-07-01T08:15:00Z"))).toBe(sha1(`tester${sha1("123456")}10`));
  });
});

describe("independent of the process time zone", () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it.each(["America/New_York", "Asia/Tokyo", "UTC", "Europe/London"])("TZ=%s at call time", (tz) => {
    process.env.TZ = tz;
    for (const [, iso, hh] of HOURS) expect(pragueHour(new Date(iso))).toBe(hh);
  });

  it("TZ=Pacific/Kiritimati (UTC+14) before the module is loaded", () => {
    process.env.TZ = "Pacific/Kiritimati";
    jest.isolateModules(() => {
      // A fresh module instance, whose Intl formatter is created under the changed TZ.
      const fresh = require("../../provider/wedos/auth") as typeof import("../../provider/wedos/auth");
      for (const [, iso, hh] of HOURS) expect(fresh.pragueHour(new Date(iso))).toBe(hh);
      expect(fresh.wapiAuth("tester", "123456", new Date("2026-01-15T10:30:00Z"))).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    });
  });
});
