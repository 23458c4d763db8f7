/** The nameservers settings and `--nameservers`: host[:port] lists, and names resolved by the system. */

import { SETTINGS, setStackConfig } from "../../../provider/config";
import { parseNameservers, resolveNameservers } from "../../../provider/served/servers";
import { servedSettingProblem, servedSettings } from "../../../provider/served/settings";

afterEach(() => setStackConfig(undefined));

test.each([
  ["ns.wedos.net", [{ label: "ns.wedos.net", host: "ns.wedos.net", port: 53 }]],
  [
    "127.0.0.1:5353, 127.0.0.1:5354",
    [
      { label: "127.0.0.1:5353", host: "127.0.0.1", port: 5353 },
      { label: "127.0.0.1:5354", host: "127.0.0.1", port: 5354 },
    ],
  ],
  [
    "[2001:db8::53]:5300 2001:db8::54",
    [
      { label: "[2001:db8::53]:5300", host: "2001:db8::53", port: 5300 },
      { label: "2001:db8::54", host: "2001:db8::54", port: 53 },
    ],
  ],
])("parseNameservers(%j)", (text, entries) => {
  expect(parseNameservers(text)).toEqual(entries);
});

test.each([
  ["", "the list of nameservers is empty; write host[:port],…"],
  ["ns1:99999", '"ns1:99999" is not a nameserver; write host[:port], e.g. ns1.example.net, 192.0.2.53:5353 or [2001:db8::53]:53'],
  ["[::1", '"[::1" is not a nameserver; write host[:port], e.g. ns1.example.net, 192.0.2.53:5353 or [2001:db8::53]:53'],
])("parseNameservers(%j) fails", (text, message) => {
  expect(() => parseNameservers(text)).toThrow(message);
});

test("names are resolved with the lookup given; addresses are not; a name that does not resolve is named", async () => {
  const lookup = async (host: string) => {
    if (host === "ns.wedos.net") return "192.0.2.1";
    throw new Error(`getaddrinfo ENOTFOUND ${host}`);
  };
  expect(await resolveNameservers(parseNameservers("ns.wedos.net,127.0.0.1:5353"), lookup)).toEqual([
    { label: "ns.wedos.net", host: "192.0.2.1", port: 53 },
    { label: "127.0.0.1:5353", host: "127.0.0.1", port: 5353 },
  ]);
  await expect(resolveNameservers(parseNameservers("ns.nowhere.test"), lookup)).rejects.toThrow(
    "nameserver ns.nowhere.test: its address could not be found (getaddrinfo ENOTFOUND ns.nowhere.test)",
  );
});

test("settings: defaults, stack config over environment, and problems named with the key", () => {
  expect(servedSettings("wedos")).toEqual({ wait: false, timeoutMs: 600_000, nameservers: undefined });
  setStackConfig({
    get: (k) => ({ "dnspod:waitUntilServed": "true", "dnspod:propagationTimeout": "30", "dnspod:nameservers": "127.0.0.1:5300" })[k],
  });
  expect(servedSettings("dnspod")).toEqual({
    wait: true,
    timeoutMs: 30_000,
    nameservers: [{ label: "127.0.0.1:5300", host: "127.0.0.1", port: 5300 }],
  });
  setStackConfig({ get: (k) => ({ "dnspod:waitUntilServed": "yes" })[k] });
  expect(() => servedSettings("dnspod")).toThrow(
    'DNSPod: dnspod:waitUntilServed / DNSPOD_WAIT_UNTIL_SERVED must be true or false, not "yes". Fix: `pulumi config set dnspod:waitUntilServed true`',
  );
  expect(servedSettingProblem("propagationTimeout", SETTINGS.wedosPropagationTimeout, "0")).toBe(
    'wedos:propagationTimeout must be a positive number of seconds, not "0". Fix: `pulumi config set wedos:propagationTimeout 600`',
  );
  expect(servedSettingProblem("nameservers", SETTINGS.wedosNameservers, "a:b:c:0")).toBe(
    'wedos:nameservers: "a:b:c:0" is not a nameserver; write host[:port], e.g. ns1.example.net, 192.0.2.53:5353 or [2001:db8::53]:53. Fix: `pulumi config set wedos:nameservers ns1.example.net,192.0.2.53:5353`, or remove it to ask the zone\'s own nameservers',
  );
});
