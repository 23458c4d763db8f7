/**
 * api.dnspod.com as independent clients meet it: raw requests exactly as acme.sh's dns_dpi.sh sends
 * them (current and older published versions), the seed's own curl examples, OpenWrt's dnspod ddns
 * script — each judged by what that client checks, mostly the status text.
 */
import { request } from "undici";
import { type RunningEmulators, startEmulators } from "../../emulator";

const ID = "10000";
const KEY = "emulator-token";
let emu: RunningEmulators;

beforeAll(async () => {
  emu = await startEmulators();
});
beforeEach(() => emu.hub.reset());
afterAll(async () => emu.close());

/** POST as curl -d does it: the body as written, form content type, the client's User-Agent. */
async function post(action: string, body: string, ua = "acme.sh/3.1.0 (https://github.com/acmesh-official/acme.sh)"): Promise<string> {
  const res = await request(`${emu.dnspod.endpoint}/${action}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": ua },
  });
  return res.body.text();
}

/** acme.sh's _get_root: Domain.Info on ever shorter suffixes until one answers `ok`. */
async function getRoot(fqdn: string, auth: string, ok: string): Promise<{ id: string; sub: string } | undefined> {
  const labels = fqdn.split(".");
  for (let i = 1; i < labels.length; i++) {
    const h = labels.slice(i).join(".");
    const response = await post("Domain.Info", `${auth}&format=json&domain=${h}`);
    if (response.includes(ok)) {
      const id = /"id":"([^"]*)"/.exec(response)?.[1];
      return id ? { id, sub: labels.slice(0, i).join(".") } : undefined;
    }
  }
  return undefined;
}

/** One dns_dpi.sh add + rm cycle with the auth parameter and success text of a given version. */
async function dnsDpiCycle(auth: string, ok: string): Promise<void> {
  const txt = "XKrxpRBosdIKFzxW_CT3KLZNf6q0HG9i01zxXp5CPBs";
  const root = await getRoot("_acme-challenge.www.example.com", auth, ok);
  expect(root).toEqual({ id: expect.stringMatching(/^\d+$/), sub: "_acme-challenge.www" });
  const create = `${auth}&format=json&domain_id=${root!.id}&sub_domain=${root!.sub}&record_type=TXT&value=${txt}&record_line=default`;
  expect(await post("Record.Create", create)).toContain(ok);
  // A retried add is fine for acme.sh when the record is already there.
  expect(await post("Record.Create", create)).toContain("Domain record already exists");
  const list = await post("Record.List", `${auth}&format=json&domain_id=${root!.id}&sub_domain=${root!.sub}`);
  const recordId = list
    .split("{")
    .filter((l) => l.includes(txt) && l.startsWith('"id"'))[0]
    ?.split(":")[1]
    ?.split('"')[1];
  expect(recordId).toMatch(/^\d+$/);
  expect(await post("Record.Remove", `${auth}&format=json&domain_id=${root!.id}&record_id=${recordId}`)).toContain(ok);
  expect(await post("Record.List", `${auth}&format=json&domain_id=${root!.id}&sub_domain=${root!.sub}`)).toContain("No records");
}

async function zone(name = "example.com"): Promise<void> {
  expect(JSON.parse(await post("Domain.Create", `login_token=${ID},${KEY}&format=json&domain=${name}`)).status.code).toBe("1");
}

describe("acme.sh dns_dpi.sh", () => {
  test('today\'s version (login_token, "Operation successful") issues and cleans up', async () => {
    await zone();
    await dnsDpiCycle(`login_token=${ID},${KEY}`, "Operation successful");
  });

  test('the 2020-11 version (user_token, "Operation successful") too', async () => {
    await zone();
    await dnsDpiCycle(`user_token=${ID},${KEY}`, "Operation successful");
  });

  test("a wrong key is reported as the live service words it, and nothing is found", async () => {
    await zone();
    expect(await post("Domain.Info", `login_token=${ID},wrong&format=json&domain=example.com`)).toMatch(
      /^\{"status":\{"code":"-1","message":"Login fail, please check login info","created_at":"[\d :-]+"\}\}$/,
    );
    expect(await getRoot("_acme-challenge.example.com", `login_token=${ID},wrong`, "Operation successful")).toBeUndefined();
  });
});

describe("the seed's curl examples (user_token)", () => {
  test("Domain.Create, Domain.List, Record.Type and Record.Line answer code 1 with the live text", async () => {
    const token = `user_token=${ID},${KEY}`;
    const created = JSON.parse(await post("Domain.Create", `${token}&domain=api2.com&format=json`, "curl/8.5.0"));
    expect(created.status).toMatchObject({ code: "1", message: "Operation successful" });
    const list = JSON.parse(await post("Domain.List", `${token}&format=json`, "curl/8.5.0"));
    expect(list.domains.map((d: { name: string }) => d.name)).toEqual(["api2.com"]);
    expect(JSON.parse(await post("Record.Type", `${token}&format=json&domain_grade=DP_Free`)).types).toContain("TXT");
    const lines = JSON.parse(await post("Record.Line", `${token}&format=json&domain_grade=DP_Free&domain=dnspod.com`)).lines;
    expect(lines.default).toEqual({ name: "Default", sub_area: { default: "Default" } });
  });
});

describe("OpenWrt ddns-scripts dnspod (api.dnspod.com)", () => {
  test('finds the record by type and line "Default", creates with record_line=default, modifies it', async () => {
    await zone("example.org");
    const base = `user_token=${ID},${KEY}&format=json&domain=example.org&sub_domain=home`;
    const find = async () =>
      (JSON.parse(await post("Record.List", base)).records ?? []).filter(
        (r: { type: string; line: string }) => r.type === "A" && r.line === "Default",
      );
    expect(await post("Record.List", base)).toContain('"code":"10"');
    expect(JSON.parse(await post("Record.Create", `${base}&value=192.0.2.1&record_type=A&record_line=default`)).status.code).toBe("1");
    const [rec] = await find();
    const modified = JSON.parse(
      await post("Record.Modify", `${base}&value=192.0.2.2&record_type=A&record_line=default&record_id=${rec.id}&ttl=${rec.ttl}`),
    );
    expect(modified.status.code).toBe("1");
    expect((await find())[0].value).toBe("192.0.2.2");
    expect(JSON.parse(await post("Record.List", `user_token=${ID},${KEY}&format=json&domain=sub.example.org`)).status.message).toBe(
      "Domain name invalid, please input tld domain",
    );
  });
});
