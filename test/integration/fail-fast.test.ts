/**
 * Once credentials are known bad, a client sends nothing more in this process: every further
 * WAPI request would lengthen WEDOS's IP block, every further DNSPod login counts towards the ban.
 */
import { DnspodClient } from "../../provider/dnspod/client";
import { DnspodApiError } from "../../provider/dnspod/errors";
import { WedosClient } from "../../provider/wedos/client";
import { WedosApiError } from "../../provider/wedos/errors";
import { useEmulators, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();

test("WEDOS: after 2050 no further request is sent, and the error says why", async () => {
  const client = new WedosClient({
    username: WEDOS_USER,
    password: "wrong-password",
    endpoint: h.emu.wedos.endpoint,
    format: "json",
    sleep: async () => undefined,
  });
  await expect(client.listDomains()).rejects.toMatchObject({ code: 2050 });
  const second = await client.listRows("example.cz").catch((e: unknown) => e);
  expect(second).toBeInstanceOf(WedosApiError);
  expect((second as Error).message).toMatch(
    /dns-rows-list zone "example.cz": code 2050 .*not sent: an earlier request of this run got 2050/,
  );
  expect(h.calls("wedos").map((e) => `${e.op} ${e.code}`)).toEqual(["dns-domains-list 2050"]);
});

test("DNSPod: after -1 no further request is sent", async () => {
  const client = new DnspodClient({ loginToken: "10000,wrong-token", endpoint: h.emu.dnspod.endpoint, sleep: async () => undefined });
  await expect(client.listDomains()).rejects.toMatchObject({ code: "-1" });
  const second = await client.listRecords("1").catch((e: unknown) => e);
  expect(second).toBeInstanceOf(DnspodApiError);
  expect((second as Error).message).toMatch(/not sent/);
  expect(h.calls("dnspod").map((e) => `${e.op} ${e.code}`)).toEqual(["Domain.List -1"]);
});

test("concurrent first requests with bad credentials cost one failed login, not one each", async () => {
  const wedos = new WedosClient({
    username: WEDOS_USER,
    password: "wrong-password",
    endpoint: h.emu.wedos.endpoint,
    format: "json",
    sleep: async () => undefined,
  });
  const dnspod = new DnspodClient({ loginToken: "10000,wrong-token", endpoint: h.emu.dnspod.endpoint, sleep: async () => undefined });
  const results = await Promise.allSettled([
    ...Array.from({ length: 8 }, (_, i) => wedos.listRows(`zone${i}.cz`)),
    ...Array.from({ length: 8 }, (_, i) => dnspod.listRecords(String(i + 1))),
  ]);
  expect(results.every((r) => r.status === "rejected")).toBe(true);
  expect(h.calls("wedos").map((e) => e.code)).toEqual(["2050"]);
  expect(h.calls("dnspod").map((e) => e.code)).toEqual(["-1"]);
});
