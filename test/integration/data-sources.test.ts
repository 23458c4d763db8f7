/**
 * The data-source functions as a program calls them (settings from stack config or, here, the
 * environment), against the emulators.
 */
import { dnspod, wedos } from "../../sdk";
import { useEmulators } from "../helpers/emulators";
import { DnspodClient } from "../../provider/dnspod/client";
import { WedosClient } from "../../provider/wedos/client";
import { DNSPOD_TOKEN, WEDOS_PASSWORD, WEDOS_USER } from "../helpers/emulators";

const h = useEmulators();

test("wedos.getDomains and wedos.getRecords list zones and rows (apex as \"\")", async () => {
  const c = new WedosClient({ username: WEDOS_USER, password: WEDOS_PASSWORD, endpoint: h.emu.wedos.endpoint, format: "json" });
  await c.addDomain({ name: "example.cz", type: "primary" });
  await c.addDomain({ name: "sec.cz", type: "secondary", primaryIp: "192.0.2.1" });
  await c.addRow("example.cz", { name: "", type: "MX", ttl: 3600, rdata: "10 mail.example.cz", comment: "mx" });
  expect((await wedos.getDomains()).sort((a, b) => a.name.localeCompare(b.name))).toEqual([
    { name: "example.cz", type: "primary", status: "active" },
    { name: "sec.cz", type: "secondary", status: "active" },
  ]);
  expect(await wedos.getRecords("example.cz")).toEqual([
    { rowId: expect.any(String), name: "", type: "MX", ttl: 3600, rdata: "10 mail.example.cz", changedDate: expect.any(String), comment: "mx" },
  ]);
});

test("dnspod.getDomains, getRecords, getRecordTypes and getRecordLines", async () => {
  const c = new DnspodClient({ loginToken: DNSPOD_TOKEN, endpoint: h.emu.dnspod.endpoint });
  const domainId = await c.createDomain("example.com");
  expect((await dnspod.getDomains()).map((d) => d.name)).toEqual(["example.com"]);
  const records = await dnspod.getRecords(domainId);
  expect(records.length).toBeGreaterThanOrEqual(2); // the system NS records at @
  expect(await dnspod.getRecordTypes("DP_Free")).toEqual(["A", "CNAME", "MX", "TXT", "NS", "AAAA", "SRV", "URL", "Framed URL"]);
  const lines = await dnspod.getRecordLines("DP_Free", "example.com");
  expect(JSON.stringify(lines)).toContain("United States");
});
