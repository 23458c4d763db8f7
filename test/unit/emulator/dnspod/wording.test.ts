/**
 * The DNSPod emulator's status texts and credentials as the live service has them today: the texts
 * clients match on, `user_token` next to `login_token`, and the seed's older wording on request.
 */
import { harness, TOKEN } from "./harness";

const status = (h: ReturnType<typeof harness>, action: string, params: Record<string, string>) =>
  h.call(action, params).status as { code: string; message: string };

describe("live wording (api.dnspod.com)", () => {
  it("words success, login failure, duplicates, empty lists, bad lines and unknown zones as the service does", () => {
    const h = harness();
    const id = h.domain();
    expect(status(h, "Domain.Info", { domain: "example.com" })).toMatchObject({ code: "1", message: "Operation successful" });
    expect(status(h, "Domain.Info", { login_token: "10000,wrong" })).toMatchObject({
      code: "-1",
      message: "Login fail, please check login info",
    });
    const txt = { domain_id: id, sub_domain: "_acme-challenge", record_type: "TXT", record_line: "default", value: "token-1" };
    expect(status(h, "Record.Create", txt).code).toBe("1");
    expect(status(h, "Record.Create", txt)).toMatchObject({ code: "104", message: "Domain record already exists" });
    expect(status(h, "Record.Create", { ...txt, record_line: "Default" })).toMatchObject({ code: "26", message: "Record line invalid" });
    expect(status(h, "Record.List", { domain_id: id, sub_domain: "nope" })).toMatchObject({ code: "10", message: "No records" });
    expect(status(h, "Domain.Info", { domain: "other.com" })).toMatchObject({
      code: "6",
      message: "Domain name invalid, please input tld domain",
    });
    expect(status(h, "Domain.Info", { domain: "com" })).toMatchObject({
      code: "6",
      message: "Domain name invalid, please input tld domain",
    });
    expect(status(h, "Domain.Info", { domain_id: "1" })).toMatchObject({ code: "6", message: "Invalid domain id." });
  });

  it("answers a login token whose ID is not a number with 10002", () => {
    const h = harness();
    expect(status(h, "Domain.List", { login_token: "AKIDexample,secret" })).toMatchObject({
      code: "10002",
      message: "The login token ID is invalid",
    });
  });

  it("can answer an exact duplicate with another code, worded the same", () => {
    const h = harness({ duplicateRecordCode: "31" });
    const rec = { domain_id: h.domain(), record_type: "TXT", record_line: "default", value: "v" };
    h.call("Record.Create", rec);
    expect(status(h, "Record.Create", rec)).toMatchObject({ code: "31", message: "Domain record already exists" });
  });
});

describe("user_token", () => {
  it("is taken like login_token, as in every example of the seed", () => {
    const h = harness();
    const seedStyle = (action: string, p: Record<string, string>) =>
      JSON.parse(h.raw(action, { user_token: TOKEN, format: "json", ...p }).body);
    expect(seedStyle("Domain.Create", { domain: "api2.com" }).status.code).toBe("1");
    expect(seedStyle("Domain.List", {}).domains.map((d: { name: string }) => d.name)).toEqual(["api2.com"]);
    expect(seedStyle("Domain.List", { user_token: "10000,wrong" }).status.code).toBe("-1");
    expect(h.logs.at(-1)!.params).toEqual({ format: "json" });
  });

  it("counts its failures toward the same ban as login_token's", () => {
    const h = harness();
    const bad = (p: Record<string, string>) => JSON.parse(h.raw("Domain.List", { format: "json", ...p }, "POST", "10.0.0.7").body);
    for (let i = 0; i < 16; i++) expect(bad({ user_token: "1,bad" }).status.code).toBe("-1");
    for (let i = 0; i < 15; i++) expect(bad({ login_token: "1,bad" }).status.code).toBe("-1");
    expect(bad({ login_token: TOKEN }).status.code).toBe("-8");
    expect(bad({ user_token: TOKEN }).status.code).toBe("-8");
  });

  it("is refused with 20004 when configured like api.dnspod.com since 2021, and still counts", () => {
    const h = harness({ userToken: "reject", failedLoginLimit: 1 });
    const ask = () => JSON.parse(h.raw("Domain.List", { user_token: TOKEN, format: "json" }).body).status;
    expect(ask()).toMatchObject({ code: "20004", message: "user token validate failed" });
    expect(ask().code).toBe("20004");
    expect(ask().code).toBe("-8");
  });
});

describe("seed wording", () => {
  it("gives the seed's texts on request", () => {
    const h = harness({ wording: "seed" });
    const id = h.domain();
    const rec = { domain_id: id, record_type: "A", record_line: "default", value: "192.0.2.1" };
    expect(status(h, "Record.Create", rec)).toMatchObject({ code: "1", message: "Action completed successful" });
    expect(status(h, "Record.Create", rec)).toMatchObject({ code: "104", message: "The record already exists." });
    expect(status(h, "Record.List", { domain_id: id, sub_domain: "x" }).message).toBe("No records.");
    expect(status(h, "Domain.Info", { domain: "other.com" }).message).toBe("Invalid domain id.");
    expect(status(h, "Domain.List", { login_token: "10000,x" }).message).toBe("Login failed");
    expect(status(h, "Domain.List", { login_token: "x,y" }).message).toBe("The login token ID is invalid");
  });
});
