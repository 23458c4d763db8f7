/**
 * The plugins' provider configuration (provider/plugin/config.ts): CheckConfig failures that name
 * the key and a fix and never a secret, DiffConfig, and Configure feeding provider/config.ts so
 * settings read exactly as on the dynamic path (config, else environment, else default).
 */
import { SETTINGS, setStackConfig, setting } from "../../provider/config";
import { checkConfig, configure, diffConfig, settingsOf } from "../../provider/plugin/config";

afterEach(() => setStackConfig(undefined));

test("each package takes its own keys of the README's settings table", () => {
  expect([...settingsOf("wedos").keys()]).toEqual([
    "username",
    "wapiPassword",
    "endpoint",
    "format",
    "requestsPerHour",
    "requestWindowSeconds",
    "timeoutMs",
    "waitUntilServed",
    "propagationTimeout",
    "nameservers",
  ]);
  expect([...settingsOf("dnspod").keys()]).toEqual([
    "loginToken",
    "endpoint",
    "site",
    "requestsPerHour",
    "requestWindowSeconds",
    "timeoutMs",
    "waitUntilServed",
    "propagationTimeout",
    "nameservers",
  ]);
});

test("valid settings pass, numbers as numbers or strings, with the engine's own version key", () => {
  expect(
    checkConfig("wedos", {
      username: "u@example.com",
      wapiPassword: "pw",
      endpoint: "https://api.wedos.com/wapi/json",
      format: "xml",
      requestsPerHour: 500,
      timeoutMs: "10000",
      version: "0.1.0",
    }),
  ).toEqual([]);
  expect(
    checkConfig("dnspod", { loginToken: "10000,abc", endpoint: "http://127.0.0.1:8080", site: "cn", requestWindowSeconds: "60" }),
  ).toEqual([]);
});

test("an unknown key is named, with the key it was probably meant to be", () => {
  expect(checkConfig("wedos", { usrname: "u" })).toEqual([
    {
      property: "usrname",
      reason:
        "wedos:usrname is not a setting of the wedos provider. Fix: did you mean wedos:username? (`pulumi config rm wedos:usrname` removes it)",
    },
  ]);
  expect(checkConfig("dnspod", { token: "x" })[0]!.reason).toBe(
    "dnspod:token is not a setting of the dnspod provider. Fix: the dnspod provider takes dnspod:loginToken, " +
      "dnspod:endpoint, dnspod:site, dnspod:requestsPerHour, dnspod:requestWindowSeconds, dnspod:timeoutMs, " +
      "dnspod:waitUntilServed, dnspod:propagationTimeout, dnspod:nameservers (`pulumi config rm dnspod:token` removes it)",
  );
});

test("bad values: plain http off loopback, format, site, numbers, token shape", () => {
  const reasons = (pkg: "wedos" | "dnspod", news: Record<string, unknown>) =>
    checkConfig(pkg, news).map((f) => `${f.property}: ${f.reason}`);
  expect(reasons("wedos", { endpoint: "http://api.wedos.com/wapi/json", format: "yaml", requestsPerHour: 0 })).toEqual([
    'endpoint: WEDOS: wedos:endpoint "http://api.wedos.com/wapi/json" must use https:// (plain http:// is ' +
      "accepted only for loopback emulators), so credentials never cross the network in clear text. Fix: `pulumi " +
      "config set wedos:endpoint https://api.wedos.com/wapi/json`, or an http://127.0.0.1:PORT emulator endpoint",
    'format: wedos:format must be "json" or "xml", not "yaml". Fix: `pulumi config set wedos:format json`',
    'requestsPerHour: wedos:requestsPerHour must be a positive number, not "0". Fix: `pulumi config set wedos:requestsPerHour 1000`',
  ]);
  expect(reasons("dnspod", { site: "china", timeoutMs: "soon" })).toEqual([
    'site: DNSPod: dnspod:site / DNSPOD_SITE must be "intl" (api.dnspod.com) or "cn" (dnsapi.cn), not "china". ' +
      "Fix: `pulumi config set dnspod:site cn` (or intl), or unset it to derive the site from dnspod:endpoint",
    'timeoutMs: dnspod:timeoutMs must be a positive number, not "soon". Fix: `pulumi config set dnspod:timeoutMs 30000`',
  ]);
});

test("a malformed secret is reported without its value", () => {
  const [f] = checkConfig("dnspod", { loginToken: "s3cr3t-token-without-id" });
  expect(f!.reason).toBe(
    'dnspod:loginToken must be "ID,Token" (the token\'s numeric ID, a comma, the token). Fix: `pulumi config set --secret dnspod:loginToken <ID>,<Token>`',
  );
  expect(JSON.stringify(f)).not.toContain("s3cr3t");
});

test("diffConfig lists the changed settings (values compared as strings)", () => {
  expect(diffConfig({ endpoint: "a", requestsPerHour: 500 }, { endpoint: "a", requestsPerHour: "500" })).toEqual([]);
  expect(diffConfig({ endpoint: "a", format: "json" }, { endpoint: "b", timeoutMs: 10 })).toEqual(["endpoint", "format", "timeoutMs"]);
});

test("configure: the settings read as stack config, the environment filling what config lacks", () => {
  const saved = process.env.WEDOS_FORMAT;
  process.env.WEDOS_FORMAT = "xml";
  try {
    configure("wedos", { username: "cfg@example.com", requestsPerHour: 250, version: "0.1.0" });
    expect(setting(SETTINGS.wedosUsername)).toBe("cfg@example.com");
    expect(setting(SETTINGS.wedosPerHour)).toBe("250");
    expect(setting(SETTINGS.wedosFormat)).toBe("xml");
    expect(setting(SETTINGS.wedosEndpoint)).toBe("https://api.wedos.com/wapi/json");
  } finally {
    if (saved === undefined) delete process.env.WEDOS_FORMAT;
    else process.env.WEDOS_FORMAT = saved;
  }
});
