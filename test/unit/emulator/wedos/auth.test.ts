/** The WEDOS emulator: the auth hash and the Prague hour. */
import { pragueHour, wapiAuth } from "../../../../emulator/wedos";
import { harness, PASSWORD, raw, send, sha1, USER } from "./harness";

describe("auth", () => {
  it("matches the KB test vector and pads the Prague hour", () => {
    expect(sha1(`tester${sha1("123456")}11`)).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    expect(wapiAuth("tester", "123456", new Date("2026-01-15T10:30:00Z"))).toBe("ac28237e80e68efa3bfd07f42dca3d41c5986e01");
    expect(pragueHour(new Date("2026-01-15T07:05:00Z"))).toBe("08");
    expect(pragueHour(new Date("2026-01-15T23:30:00Z"))).toBe("00");
  });

  it("follows Prague daylight saving at both switches", () => {
    expect(pragueHour(new Date("2026-03-29T00:30:00Z"))).toBe("01");
    expect(pragueHour(new Date("2026-03-29T01:30:00Z"))).toBe("03");
    expect(pragueHour(new Date("2026-10-25T00:30:00Z"))).toBe("02");
    expect(pragueHour(new Date("2026-10-25T01:30:00Z"))).toBe("02");
  });

  it("accepts the tester credentials at 11:xx Prague and rejects a wrong hour", () => {
    const h = harness({ username: "tester", password: "123456" }, "2026-01-15T10:30:00Z");
    const ok = raw(h, JSON.stringify({ request: { user: "tester", auth: "ac28237e80e68efa3bfd07f42dca3d41c5986e01", command: "ping" } }));
    expect(ok.code).toBe(1000);
    const wrong = sha1(`tester${sha1("123456")}10`);
    h.advance(3600); // now 12:30: "11" is the previous hour, "10" is two hours old
    expect(raw(h, JSON.stringify({ request: { user: "tester", auth: wrong, command: "ping" } })).code).toBe(2050);
  });

  it("tolerates the previous hour only when configured", () => {
    for (const [accept, code] of [
      [true, 1000],
      [false, 2050],
    ] as const) {
      const h = harness({ acceptPreviousHour: accept });
      const auth = wapiAuth(USER, PASSWORD, h.now());
      h.advance(3600);
      expect(send(h, "ping", undefined, { auth }).code).toBe(code);
    }
  });

  it("signs with the Prague hour across the DST switches", () => {
    for (const at of ["2026-03-29T01:30:00Z", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", "2026-12-31T23:30:00Z"]) {
      const h = harness({ acceptPreviousHour: false }, at);
      expect(send(h, "ping").code).toBe(1000);
      const utcHour = String(new Date(at).getUTCHours()).padStart(2, "0");
      expect(send(h, "ping", undefined, { auth: sha1(USER + sha1(PASSWORD) + utcHour) }).code).toBe(2050);
    }
  });

  it("rejects a wrong password and an unknown user", () => {
    const h = harness();
    expect(send(h, "ping", undefined, { auth: wapiAuth(USER, "nope", h.now()) }).code).toBe(2050);
    expect(send(h, "ping", undefined, { user: "other@example.com" }).code).toBe(2050);
  });
});
