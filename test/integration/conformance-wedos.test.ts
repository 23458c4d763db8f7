/**
 * WAPI's per-IP block as the KB words it ("blocked for 1 minute for each invalid request in excess
 * of 10"), met by raw requests as WAPI clients send them: form field `request` holding the JSON
 * document, auth signed with the Prague hour. The emulator's clock is injected.
 */
import { request } from "undici";
import { type RunningEmulators, type StartOptions, startEmulators } from "../../emulator";
import { wapiAuth } from "../../emulator/wedos";

const USER = "emulator@example.com";
const PASSWORD = "emulator-password";
let clock = Date.parse("2026-06-15T09:30:00Z");
let emu: RunningEmulators;

async function start(options: StartOptions = {}): Promise<void> {
  await emu?.close();
  emu = await startEmulators({ now: () => new Date(clock), ...options });
}
beforeEach(async () => start());
afterAll(async () => emu.close());

interface Reply {
  code: number;
  data?: { row?: { ID: string; name: string }[] };
}

/** One WAPI call as lego's client sends it; returns the answer's code. */
async function wapi(command: string, data?: Record<string, unknown>, password = PASSWORD): Promise<number> {
  return (await wapiReply(command, data, password)).code;
}

async function wapiReply(command: string, data?: Record<string, unknown>, password = PASSWORD): Promise<Reply> {
  const doc = { request: { user: USER, auth: wapiAuth(USER, password, new Date(clock)), command, ...(data ? { data } : {}) } };
  const res = await request(emu.wedos.endpoint, {
    method: "POST",
    body: new URLSearchParams({ request: JSON.stringify(doc) }).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  return ((await res.body.json()) as { response: Reply }).response;
}

const advance = (seconds: number) => (clock += seconds * 1000);

test("10 invalid requests cost nothing; the 11th blocks the IP for 60 s", async () => {
  for (let i = 0; i < 10; i++) expect(await wapi("ping", undefined, "wrong-password")).toBe(2050);
  expect(await wapi("ping")).toBe(1000);
  expect(await wapi("ping", undefined, "wrong-password")).toBe(2050);
  advance(59);
  expect(await wapi("ping")).toBe(2052);
  // That 2052 was itself an invalid request: 60 s more from now.
  advance(59);
  expect(await wapi("ping")).toBe(2052);
  advance(120);
  expect(await wapi("ping")).toBe(1000);
});

test("each invalid request beyond the 10th adds 60 s", async () => {
  for (let i = 0; i < 12; i++) await wapi("dns-zone-explode");
  advance(119);
  expect(await wapi("ping")).toBe(2052);
  advance(180);
  expect(await wapi("ping")).toBe(1000);
});

/** An ACME client's present + cleanup for one name: zone found by probing suffixes (two misses). */
async function certificate(name: string): Promise<number[]> {
  const codes: number[] = [];
  const probe = async (): Promise<{ zone: string; rows: { ID: string; name: string }[] } | undefined> => {
    const labels = `_acme-challenge.${name}`.split(".");
    for (let i = 0; i < labels.length - 1; i++) {
      const zone = labels.slice(i).join(".");
      const reply = await wapiReply("dns-rows-list", { domain: zone });
      codes.push(reply.code);
      if (reply.code === 1000) return { zone, rows: reply.data?.row ?? [] };
    }
    return undefined;
  };
  const found = await probe();
  if (found)
    codes.push(await wapi("dns-row-add", { domain: found.zone, name: "_acme-challenge.www", ttl: 300, type: "TXT", rdata: "token" }));
  const again = await probe();
  const row = again?.rows.find((r) => r.name === "_acme-challenge.www");
  if (again && row) codes.push(await wapi("dns-row-delete", { domain: again.zone, row_id: row.ID }));
  return codes;
}

test("a suffix-probing ACME client: 4 misses per certificate, blocked by the 11th miss, or not when misses do not count", async () => {
  expect(await wapi("dns-domain-add", { name: "example.cz" })).toBe(1000);
  // Misses: "_acme-challenge.www.example.cz" is no domain name (2202), "www.example.cz" no zone (3222).
  const clean = [2202, 3222, 1000, 1000, 2202, 3222, 1000, 1000];
  expect(await certificate("www.example.cz")).toEqual(clean);
  expect(await certificate("www.example.cz")).toEqual(clean);
  // Misses 9 and 10 are tolerated; the 11th (the third certificate's clean-up) blocks the IP.
  expect(await certificate("www.example.cz")).toEqual([2202, 3222, 1000, 1000, 2202, 2052, 2052]);

  // Counting only request-level errors (parse, unknown command, auth, IP, limits), misses are free.
  await start({ wedos: { invalidCodes: "2000-2011,2050-2052,2100-2102" } });
  expect(await wapi("dns-domain-add", { name: "example.cz" })).toBe(1000);
  for (let i = 0; i < 3; i++) expect(await certificate("www.example.cz")).toEqual(clean);
});
